import type { ReactNode } from 'react';

/**
 * The focusable shell of every row on Today (roving tabindex): the focused row is the one the
 * single-key actions act on, and clicking anywhere in a row makes it the focused one.
 */
export function TodayRowFrame({
  rowKey,
  focused,
  labelId,
  className,
  onFocusRow,
  children,
}: {
  rowKey: string;
  focused: boolean;
  /** id of the element that names the row (the person's name). */
  labelId: string;
  className?: string;
  onFocusRow: (key: string) => void;
  children: ReactNode;
}) {
  return (
    <li
      data-row-key={rowKey}
      tabIndex={focused ? 0 : -1}
      aria-labelledby={labelId}
      aria-current={focused ? 'true' : undefined}
      className={['today-row', focused ? 'is-focused' : '', className].filter(Boolean).join(' ')}
      onFocus={() => onFocusRow(rowKey)}
    >
      {children}
    </li>
  );
}
