// STARTTLS, when chosen, is required: a server that offers it (a self-signed certificate on
// 127.0.0.1, as Proton Mail Bridge has) is used over TLS; one that does not is refused, never
// used in plain text. Against real Dovecots, one with TLS and one without.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors.ts';
import { type Dovecot, rfc822, startDovecot } from '../../helpers/dovecot.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';
import { addAccount, myAddress, USERS } from './mail-fixture.ts';

let secure: Dovecot;
let plain: Dovecot;
let app: TempApp;
beforeAll(async () => {
  [secure, plain] = await Promise.all([startDovecot(USERS, { starttls: true }), startDovecot(USERS)]);
}, 30_000);
afterAll(async () => {
  await Promise.all([secure?.cleanup(), plain?.cleanup()]);
});
afterEach(() => app?.cleanup());

describe('STARTTLS', () => {
  it('upgrades to TLS when offered (a self-signed certificate on 127.0.0.1)', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    await secure.appendMessage(
      'u1',
      'INBOX',
      rfc822({
        from: 'ada@example.com',
        to: myAddress('u1'),
        subject: 'Over TLS',
        date: '2026-11-19T10:00:00Z',
        messageId: 't1@x',
      }),
    );
    const account = await addAccount(app, secure, 'u1', { security: 'starttls' });
    expect(await app.api['mail.accounts.test']({ id: account.id })).toMatchObject({
      condstore: true,
      idle: true,
    });
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 1, interactions: 1 });
    expect((await app.api['interactions.list']({ contactId: ada.id }))[0]?.summary).toBe('Over TLS');
  });

  it('refuses a server that does not offer it, saving nothing', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const refused = await addAccount(app, plain, 'u2', { security: 'starttls' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('upstream');
    expect((refused as ApiError).message).toMatch(
      /^Mail account "u2": the secure connection to 127\.0\.0\.1:\d+ failed \(Server does not support STARTTLS\)\./,
    );
    expect(await app.api['mail.accounts.list']({})).toEqual([]);
  });
});
