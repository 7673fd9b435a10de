import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { Kbd } from './Kbd.tsx';
import './Menu.css';

export interface MenuItem {
  key: string;
  label: string;
  /** A second line, e.g. when the choice lands ("at 14:05"). */
  hint?: string;
  /** One key that picks this item while the menu is open ("1"). */
  shortcut?: string;
  onSelect: () => void;
}

/**
 * A small popover menu (WAI-ARIA menu pattern) under the control that opened it: focus moves into
 * it, arrows move, Enter or an item's own key picks, Esc or a click outside closes and focus goes
 * back. Mount it to open, unmount to close, like Dialog. The parent must be position: relative.
 */
export function Menu({
  label,
  items,
  onClose,
  align = 'start',
}: {
  label: string;
  items: MenuItem[];
  /** `refocus` is false when the user clicked elsewhere: focus stays where they clicked. */
  onClose: (refocus: boolean) => void;
  align?: 'start' | 'end';
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(e.target as Node)) onCloseRef.current(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);

  const pick = (item: MenuItem) => {
    onCloseRef.current(true);
    item.onSelect();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    // Keys stop here: the page's own single-key shortcuts must not act behind an open menu.
    e.stopPropagation();
    if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      focusAt(index + 1);
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      focusAt(index - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusAt(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusAt(-1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCloseRef.current(true);
    } else if (e.key === 'Tab') {
      onCloseRef.current(false);
    } else {
      const item = items.find((i) => i.shortcut === e.key);
      if (item && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        pick(item);
      }
    }
  };

  return (
    <div ref={ref} role="menu" aria-label={label} className={`menu menu-${align}`} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="menu-item"
          onClick={() => pick(item)}
        >
          <span className="menu-item-text">
            <span>{item.label}</span>
            {item.hint ? <span className="menu-item-hint">{item.hint}</span> : null}
          </span>
          {item.shortcut ? <Kbd subtle>{item.shortcut}</Kbd> : null}
        </button>
      ))}
    </div>
  );
}
