import type { ReactNode } from 'react';

export function Kbd({ children, subtle = false }: { children: ReactNode; subtle?: boolean }) {
  return <kbd className={subtle ? 'kbd kbd-subtle' : 'kbd'}>{children}</kbd>;
}

/**
 * A key hint inside a control that names the key itself (aria-keyshortcuts). The letter is
 * drawn, like an icon, rather than written: as text it would join the control's name ("Done
 * D"), and a speech user saying "Done" would no longer match it (WCAG 2.5.3).
 */
export function KeyHint({ keyName }: { keyName: string }) {
  return <span className="kbd kbd-subtle kbd-hint" data-key={keyName} aria-hidden="true" />;
}
