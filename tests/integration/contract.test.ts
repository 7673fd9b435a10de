import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch.ts';
import { type Registry, read } from '../../src/main/core/registry.ts';
import { contract, METHOD_NAMES } from '../../src/shared/api/contract.ts';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

let app: TempApp;
beforeEach(() => {
  app = openTempApp();
});
afterEach(() => app.cleanup());

const rowCounts = () =>
  Object.fromEntries(
    ['contacts', 'events', 'interactions', 'tags', 'contact_emails', 'contacts_fts'].map((t) => [
      t,
      app.context.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
    ]),
  );

/** Payloads a compromised renderer or a sloppy script might send; none may write anything. */
const BAD_PAYLOADS: [string, unknown][] = [
  ['contacts.create', null],
  ['contacts.create', 'Ada'],
  ['contacts.create', {}],
  ['contacts.create', { displayName: '   ' }],
  ['contacts.create', { displayName: 'x'.repeat(201) }],
  ['contacts.create', { displayName: 'Ada', emails: [{ value: 'not-an-email' }] }],
  ['contacts.create', { displayName: 'Ada', emails: 'ada@example.com' }],
  ['contacts.create', { displayName: 'Ada', links: [{ url: 'javascript:alert(1)' }] }],
  ['contacts.create', { displayName: 'Ada', links: [{ url: 'file:///etc/passwd' }] }],
  ['contacts.create', { displayName: 'Ada', phones: [{ value: '<script>' }] }],
  ['contacts.create', { displayName: 'Ada', timeZone: 'Mars/Olympus' }],
  ['contacts.create', { displayName: 'Ada', metOn: '2026-02-30' }],
  ['contacts.create', { displayName: 'Ada', metOn: 'yesterday' }],
  ['contacts.create', { displayName: 'Ada', preferredChannel: 'pigeon' }],
  ['contacts.create', { displayName: 'Ada', tags: ['a,b'] }],
  ['contacts.create', { displayName: 'Ada', metEventId: -1 }],
  ['contacts.create', { displayName: 'Ada', metEventId: 1.5 }],
  ['contacts.update', { id: 1, patch: {} }],
  ['contacts.update', { id: '1', patch: { company: 'x' } }],
  ['contacts.delete', { id: 1 }],
  ['interactions.add', { contactId: 1, channel: 'email', direction: 'sideways', summary: 'x' }],
  ['interactions.add', { contactId: 1, channel: 'email', direction: 'outbound', summary: '' }],
  [
    'interactions.add',
    { contactId: 1, channel: 'email', direction: 'outbound', summary: 'x', occurredAt: '2026-03-01 10:00' },
  ],
  ['events.create', { name: 'Summit' }],
  ['events.create', { name: 'Summit', date: '01/03/2026' }],
  ['contacts.list', { limit: 100_000 }],
  ['contacts.list', { sort: 'DROP TABLE' }],
  ['settings.update', { theme: 'neon' }],
];

describe('the API contract', () => {
  it('is served in full: every method has a handler and a schema', () => {
    expect(Object.keys(app.context.handlers).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(contract[name].input, name).toBeDefined();
  });

  it.each(BAD_PAYLOADS)('rejects %s with %j as invalid_input and writes nothing', async (method, payload) => {
    const before = rowCounts();
    const envelope = await app.context.dispatch(method, payload);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('invalid_input');
      expect(envelope.error.message).toContain(method);
    }
    expect(rowCounts()).toEqual(before);
  });

  it('names each bad field in the error', async () => {
    const envelope = await app.context.dispatch('contacts.create', {
      displayName: '',
      emails: [{ value: 'ok@example.com' }, { value: 'bad' }],
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        issues: [{ path: 'displayName' }, { path: 'emails.1.value', message: 'is not an e-mail address' }],
      },
    });
  });

  it('refuses unknown methods, including prototype keys', async () => {
    for (const method of ['contacts.drop', '__proto__', 'constructor', 'toString', '']) {
      const envelope = await app.context.dispatch(method, {});
      expect(envelope.ok ? null : envelope.error.code, method).toBe('unknown_method');
    }
  });

  it('turns unexpected failures into a generic internal error and reports the cause', async () => {
    const reported: unknown[] = [];
    const handlers = {
      ...app.context.handlers,
      'contacts.tags': read(() => {
        throw new Error('disk on fire at /secret/path');
      }),
    } as Registry;
    const dispatch = createDispatch(handlers, { onInternalError: (_m, e) => reported.push(e) });
    const envelope = await dispatch('contacts.tags', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('/secret/path');
    expect(reported).toHaveLength(1);
  });

  it('runs each write in a transaction: a failing multi-table write leaves nothing behind', async () => {
    const before = rowCounts();
    // Valid by schema, but the event does not exist: the contact row must not survive.
    await app.context.dispatch('contacts.create', { displayName: 'Half', tags: ['t'], metEventId: 77 });
    expect(rowCounts()).toEqual(before);
  });
});
