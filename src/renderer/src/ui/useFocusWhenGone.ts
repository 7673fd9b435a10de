import { type RefObject, useCallback, useEffect, useRef } from 'react';

/**
 * After a row is removed, focus goes to `target` (an Add button) once the list no longer shows
 * that row. Focusing it at the next frame raced the closing question handing focus back to the
 * row's own Remove button, which then vanished with the row and left focus nowhere (seen on CI).
 * Returns the function that marks the removed row's id.
 */
export function useFocusWhenGone(
  items: readonly { id: number }[] | undefined,
  target: RefObject<HTMLElement | null>,
): (id: number) => void {
  const removedId = useRef<number | null>(null);
  useEffect(() => {
    const id = removedId.current;
    if (id === null || !items || items.some((item) => item.id === id)) return;
    removedId.current = null;
    target.current?.focus();
  }, [items, target]);
  return useCallback((id: number) => {
    removedId.current = id;
  }, []);
}
