import type { ReactNode } from 'react';
import type { CredentialSource } from '../../../shared/domain/mail.ts';
import { Icon, type IconName } from './Icon.tsx';
import './account-card.css';

/** The bordered list the cards stand in; `className` adds a screen's own layout. */
export function AccountCards({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <ul className={className ? `account-cards ${className}` : 'account-cards'} aria-label={label}>
      {children}
    </ul>
  );
}

/**
 * One account (a mailbox, a calendar server): its icon, name and lines about it, then its
 * buttons; `after` is what a button left to read (a test's result).
 */
export function AccountCard({
  titleId,
  icon,
  name,
  children,
  actions,
  after,
}: {
  /** The heading's id: the card is labelled by its name. */
  titleId: string;
  icon: IconName;
  name: ReactNode;
  children: ReactNode;
  actions: ReactNode;
  after?: ReactNode;
}) {
  return (
    <li className="account-card" aria-labelledby={titleId}>
      <div className="account-card-head">
        <Icon name={icon} />
        <div className="account-card-text">
          <h3 id={titleId} className="account-card-name">
            {name}
          </h3>
          {children}
        </div>
      </div>
      <div className="account-card-actions">{actions}</div>
      {after}
    </li>
  );
}

/** Where the password comes from, after an account's address: words for a person, no secret. */
export function PasswordFrom({ credential }: { credential: CredentialSource }) {
  if (credential.kind === 'env')
    return (
      <>
        {' '}
        · password from <span className="mono">${credential.variable}</span>
      </>
    );
  return credential.kind === 'safe-storage'
    ? ' · password kept encrypted by this app'
    : ' · password from a command';
}
