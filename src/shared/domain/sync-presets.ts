/**
 * Common providers' CalDAV/CardDAV settings, as data: what Settings › Sync and
 * `sync accounts add --preset` fill in. Discovery (RFC 6764) starts at `url`; `secret` says what
 * the password field must hold there.
 */
export interface SyncPreset {
  id: string;
  label: string;
  url: string;
  user: string;
  secret: string;
}

export const SYNC_PRESETS: readonly SyncPreset[] = [
  {
    id: 'icloud',
    label: 'iCloud',
    url: 'https://caldav.icloud.com/',
    user: 'Your Apple Account e-mail address.',
    secret:
      'An app-specific password (account.apple.com › Sign-In and Security › App-Specific Passwords); your Apple password is refused. Contacts are at https://contacts.icloud.com/, found by discovery.',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    url: 'https://caldav.fastmail.com/',
    user: 'Your Fastmail address.',
    secret:
      'An app password with CalDAV/CardDAV access (Settings › Privacy & Security › Manage app passwords). Contacts are at https://carddav.fastmail.com/.',
  },
  {
    id: 'nextcloud',
    label: 'Nextcloud',
    url: 'https://cloud.example.org/remote.php/dav/',
    user: 'Your Nextcloud user name.',
    secret:
      'An app password (Personal settings › Security › Devices & sessions › Create new app password); use your own server address.',
  },
  {
    id: 'radicale',
    label: 'Self-hosted (Radicale, Baïkal, Xandikos)',
    url: 'https://dav.example.org/',
    user: 'Your user name on that server.',
    secret: 'Your password there; use your own server address (discovery by /.well-known/caldav).',
  },
];
