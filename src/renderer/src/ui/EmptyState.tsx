import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

/** Empty screens teach the next step instead of just saying "nothing here". */
export function EmptyState({
  icon,
  title,
  children,
  actions,
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="empty-state" aria-label={title}>
      <span className="empty-state-icon">
        <Icon name={icon} size={22} />
      </span>
      <h2>{title}</h2>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </section>
  );
}
