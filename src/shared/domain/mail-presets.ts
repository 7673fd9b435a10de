import type { MailAuth, MailSecurity } from './mail.ts';

/**
 * Common providers' IMAP settings, as data: what Settings › Mail and `mail accounts add --preset`
 * fill in. `secret` says what the password field must hold there (most providers refuse the
 * account's own password over IMAP once two-step sign-in is on).
 */
export interface MailPreset {
  id: string;
  label: string;
  host: string;
  port: number;
  security: MailSecurity;
  auth: MailAuth;
  /** What the secret is there: an app password, the Bridge's password, or an OAuth2 token. */
  secret: string;
}

export const MAIL_PRESETS: readonly MailPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    host: 'imap.gmail.com',
    port: 993,
    security: 'tls',
    auth: 'password',
    secret:
      'An app password (Google Account › Security › 2-Step Verification › App passwords), or an OAuth2 access token from a token command. IMAP must be on in Gmail settings › Forwarding and POP/IMAP.',
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    host: 'imap.mail.me.com',
    port: 993,
    security: 'tls',
    auth: 'password',
    secret:
      'An app-specific password (appleid.apple.com › Sign-In and Security › App-Specific Passwords); the user name is your iCloud address.',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    host: 'imap.fastmail.com',
    port: 993,
    security: 'tls',
    auth: 'password',
    secret: 'An app password with IMAP access (Settings › Privacy & Security › Manage app passwords).',
  },
  {
    id: 'outlook',
    label: 'Outlook.com / Office 365',
    host: 'outlook.office365.com',
    port: 993,
    security: 'tls',
    auth: 'oauth2',
    secret:
      'OAuth2 only: Microsoft no longer accepts passwords over IMAP. Give a token command that prints a current access token (e.g. from oama or mutt_oauth2.py); the sign-in flow itself is not part of Followthrough.',
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    host: 'imap.mail.yahoo.com',
    port: 993,
    security: 'tls',
    auth: 'password',
    secret: 'An app password (Account Security › Generate app password).',
  },
  {
    id: 'proton',
    label: 'Proton Mail Bridge',
    host: '127.0.0.1',
    port: 1143,
    security: 'starttls',
    auth: 'password',
    secret:
      'The password Proton Mail Bridge shows for this mailbox (not your Proton password); Bridge must be running. It uses a self-signed certificate on 127.0.0.1.',
  },
  {
    id: 'dovecot',
    label: 'Self-hosted (Dovecot)',
    host: 'mail.example.org',
    port: 993,
    security: 'tls',
    auth: 'password',
    secret: 'Your mailbox password, or the app password your server issues; use your own host name.',
  },
];

export function presetById(id: string): MailPreset | undefined {
  return MAIL_PRESETS.find((p) => p.id === id);
}
