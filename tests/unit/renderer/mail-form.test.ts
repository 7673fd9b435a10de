import { describe, expect, it } from 'vitest';
import {
  applyPreset,
  draftFromForm,
  emptyForm,
  formFromAccount,
  insecureRefused,
  parsePort,
  patchFromForm,
  withSecurity,
} from '../../../src/renderer/src/mail/mailForm.ts';
import {
  lastSyncInWords,
  progressInWords,
  syncResultInWords,
  testInWords,
} from '../../../src/renderer/src/mail/mailWords.ts';
import { readdDraft } from '../../../src/renderer/src/mail/readd.ts';
import { captureDraft, nameFromAddress } from '../../../src/renderer/src/mail/suggestionCapture.ts';
import type { MailAccount, MailTestResult } from '../../../src/shared/domain/mail.ts';
import { MAIL_PRESETS, presetById } from '../../../src/shared/domain/mail-presets.ts';

const account: MailAccount = {
  id: 7,
  name: 'Work',
  host: 'imap.fastmail.com',
  port: 993,
  security: 'tls',
  user: 'me@example.org',
  auth: 'password',
  credential: { kind: 'env', variable: 'FT_WORK' },
  folders: null,
  myAddresses: [],
  idle: true,
  createdAt: '2026-03-01T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
  lastSyncAt: null,
  lastError: null,
};

describe('the mail account form', () => {
  it('a preset fills in server, port, TLS and sign-in, and names the account while unnamed', () => {
    const outlook = applyPreset(emptyForm(false), presetById('outlook'));
    expect(outlook).toMatchObject({
      host: 'outlook.office365.com',
      port: '993',
      security: 'tls',
      auth: 'oauth2',
      name: 'Outlook.com / Office 365',
      credential: 'env',
    });
    const named = applyPreset({ ...emptyForm(true), name: 'Mine' }, presetById('proton'));
    expect(named).toMatchObject({ name: 'Mine', host: '127.0.0.1', port: '1143', security: 'starttls' });
    expect(named.credential).toBe('safe-storage');
    expect(applyPreset(named, undefined).presetId).toBe('custom');
    // Every preset says what its secret is; Microsoft's says OAuth2 only.
    for (const p of MAIL_PRESETS) expect(p.secret.length).toBeGreaterThan(20);
    expect(presetById('outlook')?.secret).toMatch(/^OAuth2 only/);
  });

  it('the port follows the TLS choice unless the user typed another', () => {
    const form = emptyForm(false);
    expect(withSecurity(form, 'starttls').port).toBe('143');
    expect(withSecurity(withSecurity(form, 'starttls'), 'tls').port).toBe('993');
    expect(withSecurity({ ...form, port: '10993' }, 'starttls').port).toBe('10993');
  });

  it('plain IMAP is said to be refused for any host but this computer', () => {
    expect(insecureRefused({ security: 'insecure-local', host: '127.0.0.1' })).toBe(false);
    expect(insecureRefused({ security: 'insecure-local', host: ' ::1 ' })).toBe(false);
    expect(insecureRefused({ security: 'insecure-local', host: 'imap.example.org' })).toBe(true);
    expect(insecureRefused({ security: 'tls', host: 'imap.example.org' })).toBe(false);
  });

  it('ports: whole numbers from 1 to 65535 only', () => {
    expect(parsePort('993')).toBe(993);
    expect(parsePort(' 143 ')).toBe(143);
    for (const bad of ['', '0', '65536', '99.5', '-1', 'abc']) expect(parsePort(bad)).toBeNull();
  });

  it('the draft: an env variable or the kept password, folders null for the default, a login first', () => {
    const env = draftFromForm({
      ...emptyForm(false),
      name: 'Home',
      host: '127.0.0.1',
      port: '1143',
      user: 'me',
      variable: ' FT_HOME ',
      folders: 'INBOX, Archive ,',
      addresses: 'me@a.example, me@b.example',
    });
    expect(env).toMatchObject({
      port: 1143,
      credential: { kind: 'env', variable: 'FT_HOME' },
      folders: ['INBOX', 'Archive'],
      myAddresses: ['me@a.example', 'me@b.example'],
      verify: true,
    });
    expect(env).not.toHaveProperty('secret');
    const kept = draftFromForm({ ...emptyForm(true), password: 'pw' });
    expect(kept).toMatchObject({ credential: { kind: 'safe-storage' }, secret: 'pw', folders: null });
  });

  it('an edit sends only what changed, and a password only when one was typed', () => {
    const form = formFromAccount(account, false);
    expect(patchFromForm(form, account)).toEqual({});
    expect(patchFromForm({ ...form, name: 'Office', folders: 'INBOX' }, account)).toEqual({
      name: 'Office',
      folders: ['INBOX'],
    });
    const kept: MailAccount = { ...account, credential: { kind: 'safe-storage' } };
    const keptForm = formFromAccount(kept, true);
    expect(keptForm.credential).toBe('safe-storage');
    expect(patchFromForm(keptForm, kept)).toEqual({});
    expect(patchFromForm({ ...keptForm, password: 'new' }, kept)).toEqual({ secret: 'new' });
    // Moved to a variable: the credential changes and no password goes along.
    expect(
      patchFromForm({ ...keptForm, credential: 'env', variable: 'FT_X', password: 'typed' }, kept),
    ).toEqual({ credential: { kind: 'env', variable: 'FT_X' } });
  });
});

describe('Settings › Mail in words', () => {
  const ago = () => '5 minutes ago';
  it('the last sync and its outcome', () => {
    expect(lastSyncInWords(account, ago)).toEqual({ tone: 'never', text: 'Not synced yet' });
    expect(
      lastSyncInWords({ name: 'Work', lastSyncAt: '2026-03-01T09:00:00Z', lastError: null }, ago),
    ).toEqual({
      tone: 'ok',
      text: 'Synced 5 minutes ago, no problems',
    });
    expect(
      lastSyncInWords(
        {
          name: 'Work',
          lastSyncAt: '2026-03-01T09:00:00Z',
          lastError: 'Mail account "Work": the server refused the login.',
        },
        ago,
      ),
    ).toEqual({ tone: 'error', text: 'Last sync 5 minutes ago failed: the server refused the login.' });
  });

  it('a login test', () => {
    const result: MailTestResult = {
      account: 'Work',
      folders: [
        { path: 'INBOX', specialUse: '\\Inbox', watched: true },
        { path: 'Sent', specialUse: '\\Sent', watched: true },
        { path: 'Drafts', specialUse: '\\Drafts', watched: false },
      ],
      idle: true,
      condstore: false,
    };
    expect(testInWords(result)).toBe(
      'Logged in to “Work”. It reads INBOX and Sent (of 3 folders). New mail arrives at once (IDLE).',
    );
    expect(testInWords({ ...result, folders: [], idle: false })).toContain('No folder would be read');
  });

  it('a sync pass, and a failed account in its own words', () => {
    const base = {
      accounts: [{ name: 'Work', folders: 2, messages: 1002, error: null }],
      messages: 1002,
      matched: 3,
      interactions: 3,
      replies: 1,
      stepsCompleted: 0,
      nudgesCancelled: 1,
    };
    expect(syncResultInWords(base)).toEqual({
      ok: true,
      text: '1,002 new messages, 3 interactions on timelines, 1 reply, 1 nudge ended.',
    });
    expect(
      syncResultInWords({ ...base, messages: 0, interactions: 0, replies: 0, nudgesCancelled: 0 }).text,
    ).toBe('Nothing new.');
    expect(
      syncResultInWords({
        ...base,
        accounts: [{ name: 'Work', folders: 0, messages: 0, error: 'Refused.' }],
      }),
    ).toEqual({ ok: false, text: 'Refused.' });
  });

  it('progress', () => {
    expect(progressInWords({ task: 'mail-sync', phase: 'reading', done: 250, total: 1000 })).toEqual({
      label: 'Reading message headers',
      detail: '250 of 1,000 messages',
    });
    expect(progressInWords({ task: 'mail-sync', phase: 'done', done: 0, total: 0 }).detail).toBe(
      'nothing new',
    );
  });
});

describe('undo and capture', () => {
  it('a removed account comes back only when no secret went with it', () => {
    expect(readdDraft(account)).toMatchObject({
      name: 'Work',
      credential: account.credential,
      verify: false,
    });
    expect(readdDraft({ ...account, credential: { kind: 'safe-storage' } })).toBeNull();
    expect(readdDraft({ ...account, credential: { kind: 'command', command: 'pass x' } })).toBeNull();
  });

  it('a suggestion becomes a contact with the first subject as context', () => {
    expect(nameFromAddress('ada.lovelace+work@example.org')).toBe('Ada Lovelace');
    expect(
      captureDraft({
        address: 'grace@example.org',
        name: null,
        twoWayThreads: 3,
        threads: 4,
        messages: 9,
        firstSubject: 'COBOL, briefly',
        firstAt: '2026-01-02T09:00:00Z',
        lastAt: '2026-03-02T09:00:00Z',
      }),
    ).toEqual({
      displayName: 'Grace',
      emails: [{ value: 'grace@example.org' }],
      howMet: 'By e-mail',
      discussed: 'COBOL, briefly',
    });
  });
});
