import { type RefObject, useLayoutEffect, useState } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * True while the element scrolls and holds nothing focusable: then it must take focus itself, or
 * a keyboard user can never scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function useScrollableFocus(ref: RefObject<HTMLElement | null>): boolean {
  const [needsFocus, setNeedsFocus] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () =>
      setNeedsFocus(el.scrollHeight > el.clientHeight + 1 && el.querySelector(FOCUSABLE) === null);
    update();
    const resize = new ResizeObserver(update);
    resize.observe(el);
    const mutations = new MutationObserver(update);
    mutations.observe(el, { childList: true, subtree: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, [ref]);
  return needsFocus;
}
