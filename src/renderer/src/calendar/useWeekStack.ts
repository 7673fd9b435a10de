import { type RefObject, useLayoutEffect, useState } from 'react';

/** The week's seven day columns share the frame with the hour axis and the frame's padding. */
const WEEK_CHROME_PX = 56 + 66;
/** Below this a column cannot hold two chips with a readable name each ("Z…" at 1024 px). */
const TWO_CHIPS_MIN_COLUMN_PX = 180;

/**
 * How many follow-ups stand side by side at one hour in the week view before "+N": two where a
 * day's column has room for two names, one where it has room for one.
 */
export function useWeekStack(frame: RefObject<HTMLElement | null>): number {
  const [stack, setStack] = useState(2);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const update = () => {
      const column = (el.clientWidth - WEEK_CHROME_PX) / 7;
      setStack(column >= TWO_CHIPS_MIN_COLUMN_PX ? 2 : 1);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [frame]);
  return stack;
}
