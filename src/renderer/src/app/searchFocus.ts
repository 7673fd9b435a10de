import { isTypingTarget } from './keys.ts';

/**
 * "/" may be pressed on any screen: if the contact search is on screen focus it now, otherwise
 * remember the request so the contacts screen focuses it as soon as it mounts.
 *
 * Until then the keys typed are the search's, not the page's: someone types "/grace" in one go,
 * and on a slow machine the screen came after "g r" had gone to Insights and Ctrl+Z had undone
 * the last action. So they are kept here (capture phase, ahead of every shortcut) and handed to
 * the search as it mounts; Backspace and Ctrl+Z take the last one back, as the field would.
 */
let pending: { typed: string; stop: () => void } | null = null;

/** A screen that has not come by then is not coming (an error, a modal): keys are the page's again. */
const KEEP_KEYS_MS = 2000;

export const SEARCH_INPUT_ID = 'contact-search';

export function requestSearchFocus(): boolean {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input) {
    input.focus();
    (input as HTMLInputElement).select();
    return true;
  }
  keepKeys();
  return false;
}

/** What was typed since "/" when a search focus waits (maybe ''), else null; ends the wait. */
export function takePendingSearchFocus(): string | null {
  const was = pending;
  pending = null;
  was?.stop();
  return was ? was.typed : null;
}

function keepKeys(): void {
  pending?.stop();
  const state = { typed: '', stop: () => {} };
  const end = () => {
    state.stop();
    if (pending === state) pending = null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // A field the user went to themselves, or a dialog (Ctrl+N): the keys are theirs.
    if (isTypingTarget(e.target) || e.key === 'Escape' || e.key === 'Tab') return end();
    const mod = e.ctrlKey || e.metaKey;
    if (e.altKey || (mod && e.key.toLowerCase() !== 'z')) return;
    if (mod || e.key === 'Backspace') state.typed = state.typed.slice(0, -1);
    else if (e.key.length === 1) state.typed += e.key;
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener('keydown', onKeyDown, true);
  const timer = window.setTimeout(end, KEEP_KEYS_MS);
  state.stop = () => {
    window.removeEventListener('keydown', onKeyDown, true);
    window.clearTimeout(timer);
  };
  pending = state;
}
