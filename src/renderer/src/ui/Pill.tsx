import type { ReactNode } from 'react';

export function Pill({
  children,
  tone = 'neutral',
}: {
  children: ReactNode;
  tone?: 'neutral' | 'accent' | 'muted';
}) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
