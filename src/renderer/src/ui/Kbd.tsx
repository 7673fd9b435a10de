import type { ReactNode } from 'react';

export function Kbd({ children, subtle = false }: { children: ReactNode; subtle?: boolean }) {
  return <kbd className={subtle ? 'kbd kbd-subtle' : 'kbd'}>{children}</kbd>;
}
