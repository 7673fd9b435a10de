import { type KeyboardEvent, useRef } from 'react';
import { isSubmitChord } from '../app/keys.ts';

/**
 * Enter moves to the next field and saves from the last one; Ctrl/Cmd+Enter saves from any.
 * Shift+Enter is left alone so multi-line fields still take new lines.
 */
export function useFieldChain(count: number, onSubmit: () => void) {
  const fields = useRef<(HTMLElement | null)[]>([]);
  const register = (index: number) => (el: HTMLElement | null) => {
    fields.current[index] = el;
  };
  const keyDown = (index: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (isSubmitChord(e)) {
      e.preventDefault();
      onSubmit();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (index >= count - 1) onSubmit();
      else fields.current[index + 1]?.focus();
    }
  };
  /** Both halves for one field, so its slot and its Enter handler cannot name different indexes. */
  const link = (index: number) => ({ ref: register(index), onKeyDown: keyDown(index) });
  return { register, keyDown, link };
}
