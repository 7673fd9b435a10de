// Duplicate detection, merge (field by field, keeping everything of both) and exact undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

let app: TempApp;
beforeEach(() => {
  app = openTempApp('2026-11-16T10:00:00Z', { timeZone: 'Europe/Berlin', phoneRegion: 'DE' });
});
afterEach(() => app.cleanup());

const rowsOf = (id: number) => {
  const db = app.context.db;
  const all = (sql: string) => db.prepare(sql).all(id);
  return {
    contact: db.prepare('SELECT * FROM contacts WHERE id = ?').get(id),
    emails: all('SELECT * FROM contact_emails WHERE contact_id = ? ORDER BY position'),
    phones: all('SELECT * FROM contact_phones WHERE contact_id = ? ORDER BY position'),
    tags: all('SELECT * FROM contact_tags WHERE contact_id = ? ORDER BY tag_id'),
    interactions: all('SELECT * FROM interactions WHERE contact_id = ? ORDER BY id'),
    followups: all('SELECT * FROM followups WHERE contact_id = ? ORDER BY id'),
    promises: all('SELECT * FROM promises WHERE contact_id = ? ORDER BY id'),
  };
};

describe('duplicates', () => {
  it('finds pairs by e-mail, phone, LinkedIn profile and name, strongest first, and forgets dismissed ones', async () => {
    const a = await app.api['contacts.create']({
      displayName: 'Sam Lee',
      emails: [{ value: 'sam@acme.com' }],
    });
    const b = await app.api['contacts.create']({
      displayName: 'Samuel Lee',
      emails: [{ value: 'SAM@acme.com' }],
    });
    const c = await app.api['contacts.create']({
      displayName: 'Kim Park',
      phones: [{ value: '+49 30 1234567' }],
    });
    const d = await app.api['contacts.create']({
      displayName: 'K. Park',
      phones: [{ value: '030 1234567' }],
    });
    const e = await app.api['contacts.create']({ displayName: 'José Álvarez', company: 'Acme Inc.' });
    const f = await app.api['contacts.create']({ displayName: 'jose alvarez', company: 'ACME' });
    await app.api['contacts.create']({ displayName: 'José Álvarez', company: 'Globex' });
    const pairs = await app.api['duplicates.list']({});
    const ids = pairs.map((p) => [p.a.id, p.b.id, p.reasons[0]?.reason]);
    expect(ids).toEqual([
      [a.id, b.id, 'email'],
      [c.id, d.id, 'phone'],
      [e.id, f.id, 'name'],
    ]);
    await app.api['duplicates.dismiss']({ a: f.id, b: e.id });
    expect((await app.api['duplicates.list']({})).map((p) => p.a.id)).toEqual([a.id, c.id]);
  });
});

describe('merge', () => {
  it('keeps every value and all history of both, takes chosen fields, and undo restores both exactly', async () => {
    const keep = await app.api['contacts.create']({
      displayName: 'Sam Lee',
      company: 'Acme',
      emails: [{ value: 'sam@acme.com' }],
      tags: ['Investors'],
      metOn: '2026-11-10',
    });
    const other = await app.api['contacts.create']({
      displayName: 'Samuel Lee',
      company: 'Acme Robotics',
      title: 'CTO',
      emails: [{ value: 'sam@home.org' }],
      phones: [{ value: '+1 415 555 0100', label: 'mobile' }],
      tags: ['Robotics'],
    });
    await app.api['interactions.add']({
      contactId: other.id,
      channel: 'email',
      direction: 'outbound',
      summary: 'Sent the deck',
      occurredAt: '2026-11-12T10:00:00Z',
    });
    await app.api['promises.add']({
      contactId: other.id,
      direction: 'mine',
      text: 'Intro to Kim',
      dueOn: '2026-11-20',
    });
    const before = { keep: rowsOf(keep.id), other: rowsOf(other.id) };

    const result = await app.api['contacts.merge']({ keepId: keep.id, mergeId: other.id, take: ['company'] });
    expect(result.moved).toMatchObject({ emails: 1, phones: 1, tags: 1, interactions: 1, promises: 1 });
    const merged = await app.api['contacts.get']({ id: keep.id });
    expect(merged).toMatchObject({
      displayName: 'Sam Lee',
      company: 'Acme Robotics',
      title: 'CTO',
      metOn: '2026-11-10',
    });
    expect(merged.emails.map((e) => e.value)).toEqual(['sam@acme.com', 'sam@home.org']);
    expect(merged.phones).toEqual([{ value: '+1 415 555 0100', label: 'mobile' }]);
    expect(merged.tags.sort()).toEqual(['Investors', 'Robotics']);
    expect((await app.api['interactions.list']({ contactId: keep.id })).map((i) => i.summary)).toContain(
      'Sent the deck',
    );
    expect((await app.api['promises.list']({ contactId: keep.id })).map((p) => p.text)).toContain(
      'Intro to Kim',
    );
    await expect(app.api['contacts.get']({ id: other.id })).rejects.toThrow(/no contact/);
    // The merged person is found by search under the surviving contact.
    expect((await app.api['contacts.list']({ query: 'robotics' })).items.map((c) => c.id)).toEqual([keep.id]);

    expect(await app.api['contacts.lastMerge']({})).toMatchObject({
      keptId: keep.id,
      mergedId: other.id,
      mergedName: 'Samuel Lee',
    });
    const undone = await app.api['contacts.undoMerge']({});
    expect(undone).toEqual({ keptId: keep.id, restoredId: other.id });
    const after = { keep: rowsOf(keep.id), other: rowsOf(other.id) };
    expect(after.other).toEqual(before.other);
    expect({ ...after.keep, contact: { ...(after.keep.contact as object), updated_at: null } }).toEqual({
      ...before.keep,
      contact: { ...(before.keep.contact as object), updated_at: null },
    });
    expect((await app.api['contacts.list']({ query: 'robotics' })).items.map((c) => c.id)).toEqual([
      other.id,
    ]);
    await expect(app.api['contacts.undoMerge']({})).rejects.toThrow(/no merge to undo/);
    expect(await app.api['contacts.lastMerge']({})).toBeNull();
  });

  it('refuses to merge a contact into itself or a missing one', async () => {
    const a = await app.api['contacts.create']({ displayName: 'A' });
    await expect(app.api['contacts.merge']({ keepId: a.id, mergeId: a.id })).rejects.toThrow();
    await expect(app.api['contacts.merge']({ keepId: a.id, mergeId: 999 })).rejects.toThrow(/no contact/);
  });
});
