import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

let app: TempApp;
beforeEach(() => {
  app = openTempApp('2026-03-10T09:00:00.000Z');
});
afterEach(() => app.cleanup());

describe('contacts', () => {
  it('capture the follow-up context and derive first/last names', async () => {
    const c = await app.api['contacts.create']({
      displayName: 'Grace Brewster Hopper',
      company: 'Navy Labs',
      emails: [{ value: 'Grace@Example.COM', label: 'work' }, { value: 'grace@example.com' }],
      phones: [{ value: '+1 (555) 010-2030' }],
      links: [{ url: 'https://www.linkedin.com/in/grace', label: 'LinkedIn' }],
      tags: ['speaker', 'mentor'],
      timeZone: 'America/New_York',
      metOn: '2026-03-09',
      metWhere: 'PyCon hallway',
      discussed: 'compilers and nanoseconds',
      nextStep: 'Send the talk recording',
      preferredChannel: 'email',
    });
    expect(c).toMatchObject({
      displayName: 'Grace Brewster Hopper',
      firstName: 'Grace Brewster',
      lastName: 'Hopper',
      emails: [{ value: 'grace@example.com', label: 'work' }],
      tags: ['mentor', 'speaker'],
      metWhere: 'PyCon hallway',
      nextStep: 'Send the talk recording',
      createdAt: '2026-03-10T09:00:00.000Z',
      archivedAt: null,
    });
  });

  it('update only the fields in the patch; empty text clears a field', async () => {
    const c = await app.api['contacts.create']({
      displayName: 'Linus',
      company: 'Kernel',
      title: 'Maintainer',
      tags: ['oss'],
    });
    app.setNow('2026-03-11T10:00:00.000Z');
    const u = await app.api['contacts.update']({ id: c.id, patch: { title: '', location: 'Portland' } });
    expect(u).toMatchObject({ company: 'Kernel', title: null, location: 'Portland', tags: ['oss'] });
    expect(u.updatedAt).toBe('2026-03-11T10:00:00.000Z');
    const t = await app.api['contacts.update']({ id: c.id, patch: { tags: ['kernel'] } });
    expect(t.tags).toEqual(['kernel']);
    // The unused tag is gone from the filter list.
    expect(await app.api['contacts.tags']({})).toEqual([
      { name: 'kernel', count: 1, pacing: null, cadenceDays: null },
    ]);
  });

  it('default "met on" to the event day and list the event with its contact count', async () => {
    const ev = await app.api['events.create']({ name: 'Web Summit', date: '2026-03-09', location: 'Lisbon' });
    const c = await app.api['contacts.create']({ displayName: 'Ana', metEventId: ev.id });
    expect(c).toMatchObject({ metOn: '2026-03-09', metEventId: ev.id, metEventName: 'Web Summit' });
    expect((await app.api['events.get']({ id: ev.id })).contactCount).toBe(1);
    const page = await app.api['contacts.list']({ eventId: ev.id });
    expect(page.items.map((i) => i.metWhere)).toEqual(['Web Summit']);
  });

  it('refuse an unknown event without writing the contact', async () => {
    await expect(
      app.api['contacts.create']({ displayName: 'Nobody', metEventId: 999 }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'metEventId' }],
    });
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(0);
  });

  it('archive rather than delete; deletion needs confirm and removes the timeline too', async () => {
    const c = await app.api['contacts.create']({ displayName: 'Temp' });
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'call',
      direction: 'outbound',
      summary: 'Hi',
    });
    await app.api['contacts.setArchived']({ id: c.id, archived: true });
    expect((await app.api['contacts.list']({})).total).toBe(0);
    expect((await app.api['contacts.list']({ status: 'archived' })).items[0]?.archived).toBe(true);
    await expect(app.api['contacts.delete']({ id: c.id, confirm: false as never })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await app.api['contacts.delete']({ id: c.id, confirm: true })).toEqual({ deleted: 1 });
    await expect(app.api['contacts.get']({ id: c.id })).rejects.toMatchObject({ code: 'not_found' });
    const orphans = app.context.db.prepare('SELECT count(*) FROM interactions').pluck().get();
    expect(orphans).toBe(0);
  });

  it('sort by name, last interaction, date met and recently added, and page through', async () => {
    const names = ['carol', 'Alice', 'bob', 'Dave'];
    for (const [i, name] of names.entries()) {
      app.setNow(`2026-03-1${i}T09:00:00.000Z`);
      await app.api['contacts.create']({ displayName: name, metOn: `2026-02-0${4 - i}` });
    }
    const ids = async (sort: 'name' | 'lastInteraction' | 'metOn' | 'recentlyAdded') =>
      (await app.api['contacts.list']({ sort })).items.map((c) => c.displayName);
    expect(await ids('name')).toEqual(['Alice', 'bob', 'carol', 'Dave']);
    expect(await ids('metOn')).toEqual(['carol', 'Alice', 'bob', 'Dave']);
    expect(await ids('recentlyAdded')).toEqual(['Dave', 'bob', 'Alice', 'carol']);
    const bob = (await app.api['contacts.list']({ query: 'bob' })).items[0]!;
    await app.api['interactions.add']({
      contactId: bob.id,
      channel: 'email',
      direction: 'inbound',
      summary: 'Replied',
      // After the others were added (the clock stands at 13 Mar, 09:00Z), and not in the future.
      occurredAt: '2026-03-13T08:00:00+01:00',
    });
    expect((await ids('lastInteraction'))[0]).toBe('bob');
    const page2 = await app.api['contacts.list']({ sort: 'name', offset: 2, limit: 1 });
    expect(page2).toMatchObject({ total: 4, offset: 2, items: [{ displayName: 'carol' }] });
  });

  it('filter by tag', async () => {
    await app.api['contacts.create']({ displayName: 'A', tags: ['investor'] });
    await app.api['contacts.create']({ displayName: 'B', tags: ['Investor', 'founder'] });
    await app.api['contacts.create']({ displayName: 'C' });
    const page = await app.api['contacts.list']({ tag: 'investor' });
    expect(page.items.map((c) => c.displayName)).toEqual(['A', 'B']);
  });
});

describe('interactions', () => {
  it('build a newest-first timeline in UTC and keep last_interaction_at in step', async () => {
    const c = await app.api['contacts.create']({ displayName: 'Tim' });
    await app.api['interactions.add']({
      contactId: c.id,
      channel: 'in_person',
      direction: 'outbound',
      summary: 'Coffee',
      occurredAt: '2026-03-01T10:00:00+09:00',
    });
    const later = await app.api['interactions.add']({
      contactId: c.id,
      channel: 'email',
      direction: 'inbound',
      summary: 'Reply',
    });
    const timeline = await app.api['interactions.list']({ contactId: c.id });
    expect(timeline.map((i) => i.summary)).toEqual(['Reply', 'Coffee']);
    expect(timeline[1]?.occurredAt).toBe('2026-03-01T01:00:00.000Z');
    expect((await app.api['contacts.get']({ id: c.id })).lastInteractionAt).toBe('2026-03-10T09:00:00.000Z');
    await app.api['interactions.delete']({ id: later.id });
    expect((await app.api['contacts.get']({ id: c.id })).lastInteractionAt).toBe('2026-03-01T01:00:00.000Z');
  });

  it('refuse an interaction on a missing contact', async () => {
    await expect(
      app.api['interactions.add']({ contactId: 42, channel: 'email', direction: 'outbound', summary: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
