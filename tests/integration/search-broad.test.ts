import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/main/seed/seed-database.ts';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

// A query matching more than can be ranked as you type (over 1,500 contacts) is answered
// tier by tier: names first, then company or title, then anywhere (context, notes, timeline).
let app: TempApp;

beforeAll(async () => {
  app = openTempApp('2026-11-16T10:00:00Z');
  seedDatabase(app.context.db, {
    contacts: 2500,
    interactionsPerContact: 1,
    seed: 11,
    now: new Date('2026-11-16T10:00:00Z'),
  });
  await app.api['contacts.create']({ displayName: 'Quillon Zephyr', notes: 'we talked at a conference' });
  await app.api['contacts.create']({ displayName: 'Nobody Special', company: 'Talked Into It Ltd' });
  await app.api['contacts.create']({ displayName: 'Talked Mary' });
});
afterAll(() => app.cleanup());

describe('broad search', () => {
  it('keeps name matches first, then company, then the rest, and says the list is truncated', async () => {
    const page = await app.api['contacts.list']({ query: 'talked', sort: 'relevance', limit: 500 });
    expect(page.truncated).toBe(true);
    const names = page.items.map((i) => i.displayName);
    expect(names[0]).toBe('Talked Mary');
    expect(names[1]).toBe('Nobody Special');
    expect(names.indexOf('Quillon Zephyr') === -1 || names.indexOf('Quillon Zephyr') > 1).toBe(true);
    // Each contact once, though seeded people may share a name.
    const ids = page.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('applies filters in every tier and follows renames', async () => {
    const mary = (await app.api['contacts.list']({ query: 'talked mary' })).items[0]!;
    await app.api['contacts.setArchived']({ id: mary.id, archived: true });
    const page = await app.api['contacts.list']({ query: 'talked', sort: 'relevance', limit: 50 });
    expect(page.items.map((i) => i.displayName)).not.toContain('Talked Mary');
    await app.api['contacts.update']({ id: mary.id, patch: { displayName: 'Mary Renamed' } });
    const archived = await app.api['contacts.list']({ query: 'talked', status: 'archived' });
    expect(archived.items.map((i) => i.displayName)).not.toContain('Talked Mary');
  });
});
