import type {
  MailAccount,
  MailAccountDraft,
  MailAccountPatch,
  MailAuth,
} from '../../../shared/domain/mail.ts';
import type { MailPreset } from '../../../shared/domain/mail-presets.ts';
// Values from the zod-free module: a schema in the bundle would probe for eval under the CSP.
import { LOOPBACK_HOSTS, type MailSecurity } from '../../../shared/domain/mail-security.ts';

/**
 * The Add/Edit account form as plain data, and what it sends: kept out of the component so the
 * rules (what a preset fills in, what an edit changes, where the password goes) are tested alone.
 */

/** Where the password comes from, as a window may choose it (a password command: CLI only). */
export type FormCredential = 'env' | 'safe-storage';

export interface MailForm {
  presetId: string;
  name: string;
  host: string;
  port: string;
  security: MailSecurity;
  auth: MailAuth;
  user: string;
  credential: FormCredential;
  variable: string;
  /** Only for the desktop app's encrypted store; empty on an edit keeps the saved one. */
  password: string;
  /** Comma-separated; empty: INBOX and the folder the server marks \Sent. */
  folders: string;
  /** Other addresses of mine (aliases), comma-separated. */
  addresses: string;
  idle: boolean;
}

export const CUSTOM_PRESET = 'custom';

export const SECURITY_LABELS: ReadonlyMap<MailSecurity, string> = new Map([
  ['tls', 'TLS (implicit, usually port 993)'],
  ['starttls', 'STARTTLS (usually port 143)'],
  ['insecure-local', 'No encryption: this computer only (127.0.0.1)'],
]);

export const DEFAULT_PORT: ReadonlyMap<MailSecurity, number> = new Map([
  ['tls', 993],
  ['starttls', 143],
  ['insecure-local', 143],
]);

export function emptyForm(canKeepPassword: boolean): MailForm {
  return {
    presetId: CUSTOM_PRESET,
    name: '',
    host: '',
    port: '993',
    security: 'tls',
    auth: 'password',
    user: '',
    credential: canKeepPassword ? 'safe-storage' : 'env',
    variable: '',
    password: '',
    folders: '',
    addresses: '',
    idle: true,
  };
}

/** A preset fills in the server and sign-in; the name too while the user has not typed one. */
export function applyPreset(form: MailForm, preset: MailPreset | undefined): MailForm {
  if (!preset) return { ...form, presetId: CUSTOM_PRESET };
  return {
    ...form,
    presetId: preset.id,
    host: preset.host,
    port: String(preset.port),
    security: preset.security,
    auth: preset.auth,
    name: form.name.trim() === '' ? preset.label : form.name,
  };
}

/** The port follows the TLS choice while it still holds the other choice's usual port. */
export function withSecurity(form: MailForm, security: MailSecurity): MailForm {
  const usual = new Set([...DEFAULT_PORT.values()].map(String));
  const port = usual.has(form.port) ? String(DEFAULT_PORT.get(security)) : form.port;
  return { ...form, security, port };
}

export function formFromAccount(account: MailAccount, canKeepPassword: boolean): MailForm {
  const credential: FormCredential =
    account.credential.kind === 'env' || !canKeepPassword ? 'env' : 'safe-storage';
  return {
    presetId: CUSTOM_PRESET,
    name: account.name,
    host: account.host,
    port: String(account.port),
    security: account.security,
    auth: account.auth,
    user: account.user,
    credential,
    variable: account.credential.kind === 'env' ? account.credential.variable : '',
    password: '',
    folders: (account.folders ?? []).join(', '),
    addresses: account.myAddresses.join(', '),
    idle: account.idle,
  };
}

export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A port the form can send, or null (the field then says why, before anything is sent). */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text.trim());
  return port >= 1 && port <= 65535 ? port : null;
}

/** Plain IMAP is refused by main for any other host; said before the user presses Save. */
export function insecureRefused(form: Pick<MailForm, 'security' | 'host'>): boolean {
  return form.security === 'insecure-local' && !LOOPBACK_HOSTS.has(form.host.trim().toLowerCase());
}

function credentialOf(form: MailForm): MailAccountDraft['credential'] {
  return form.credential === 'env'
    ? { kind: 'env', variable: form.variable.trim() }
    : { kind: 'safe-storage' };
}

/** What mail.accounts.add gets: it logs in once before saving (a refused login saves nothing). */
export function draftFromForm(form: MailForm): MailAccountDraft {
  const folders = splitList(form.folders);
  return {
    name: form.name,
    host: form.host,
    port: parsePort(form.port) ?? 0,
    security: form.security,
    auth: form.auth,
    user: form.user,
    credential: credentialOf(form),
    folders: folders.length ? folders : null,
    myAddresses: splitList(form.addresses),
    idle: form.idle,
    ...(form.credential === 'safe-storage' ? { secret: form.password } : {}),
    verify: true,
  };
}

/** Only what changed: an untouched password field keeps the saved password. */
export function patchFromForm(form: MailForm, account: MailAccount): MailAccountPatch {
  const draft = draftFromForm(form);
  const patch: MailAccountPatch = {};
  if (draft.name.trim() !== account.name) patch.name = draft.name;
  if (draft.host.trim().toLowerCase() !== account.host) patch.host = draft.host;
  if (draft.port !== account.port) patch.port = draft.port;
  if (draft.security !== account.security) patch.security = draft.security;
  if (draft.auth !== account.auth) patch.auth = draft.auth;
  if (draft.user.trim() !== account.user) patch.user = draft.user;
  if (JSON.stringify(draft.credential) !== JSON.stringify(account.credential))
    patch.credential = draft.credential;
  if (JSON.stringify(draft.folders) !== JSON.stringify(account.folders))
    patch.folders = draft.folders ?? null;
  if (JSON.stringify(draft.myAddresses) !== JSON.stringify(account.myAddresses))
    patch.myAddresses = draft.myAddresses ?? [];
  if (draft.idle !== account.idle) patch.idle = draft.idle ?? true;
  if (form.credential === 'safe-storage' && form.password !== '') patch.secret = form.password;
  return patch;
}
