import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMatchExpression } from '../../src/main/store/search-index.ts';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

let app: TempApp;
const names = async (query: string) =>
  (await app.api['contacts.list']({ query, sort: 'relevance' })).items.map((c) => c.displayName);

beforeAll(async () => {
  app = openTempApp();
  const ev = await app.api['events.create']({
    name: 'Robotics Expo',
    date: '2026-03-01',
    location: 'Hamburg',
  });
  await app.api['contacts.create']({
    displayName: 'Notes Person',
    notes: 'Knows everyone at robotics startups',
  });
  await app.api['contacts.create']({ displayName: 'Company Person', company: 'Acme Robotics' });
  await app.api['contacts.create']({ displayName: 'Robotics Rita', company: 'Bakery' });
  await app.api['contacts.create']({ displayName: 'José Álvarez', company: 'Café Olé', tags: ['coffee'] });
  await app.api['contacts.create']({
    displayName: 'Event Person',
    metEventId: ev.id,
    discussed: 'warehouse automation',
  });
  const t = await app.api['contacts.create']({ displayName: 'Timeline Person' });
  await app.api['interactions.add']({
    contactId: t.id,
    channel: 'email',
    direction: 'outbound',
    summary: 'Sent the quarterly deck',
    outcome: 'Asked for a pilot',
  });
});
afterAll(() => app.cleanup());

describe('search', () => {
  it('ranks a name match above a company match above a notes match', async () => {
    expect(await names('robotics')).toEqual([
      'Robotics Rita',
      'Company Person',
      'Event Person',
      'Notes Person',
    ]);
  });

  it('matches word prefixes as you type, across several words', async () => {
    expect(await names('acm')).toEqual(['Company Person']);
    expect(await names('acme rob')).toEqual(['Company Person']);
    expect(await names('r')).toContain('Robotics Rita');
  });

  it('ignores accents and case', async () => {
    expect(await names('jose alvarez')).toEqual(['José Álvarez']);
    expect(await names('CAFE')).toEqual(['José Álvarez']);
  });

  it('finds the follow-up context, event names, tags and interaction summaries', async () => {
    expect(await names('warehouse')).toEqual(['Event Person']);
    expect(await names('hamburg')).toEqual(['Event Person']);
    expect(await names('coffee')).toEqual(['José Álvarez']);
    expect(await names('quarterly')).toEqual(['Timeline Person']);
    expect(await names('pilot')).toEqual(['Timeline Person']);
  });

  it('follows renames and deletions', async () => {
    const [rita] = (await app.api['contacts.list']({ query: 'rita' })).items;
    await app.api['contacts.update']({ id: rita!.id, patch: { displayName: 'Margarita' } });
    expect(await names('rita')).toEqual([]);
    expect(await names('margar')).toEqual(['Margarita']);
    const ev = (await app.api['events.list']({}))[0]!;
    await app.api['events.update']({ id: ev.id, name: 'Automation Days' });
    expect(await names('automation days')).toEqual(['Event Person']);
  });

  it('treats FTS syntax in the query as plain words', async () => {
    for (const q of ['"', '*', 'robotics OR', 'NEAR(a b)', "o'brien", 'a AND NOT b', '^x', '(', '-']) {
      await expect(app.api['contacts.list']({ query: q })).resolves.toHaveProperty('items');
    }
    expect(toMatchExpression('acme "rob*"')).toBe('"acme"* "rob"*');
    expect(toMatchExpression('  ... ')).toBeNull();
  });

  it('uses an index for every list order (no full sort of the table)', () => {
    const orders = [
      'display_name COLLATE NOCASE, id',
      'last_interaction_at DESC, id',
      'met_on DESC, id',
      'created_at DESC, id DESC',
    ];
    for (const order of orders) {
      const plan = app.context.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE archived_at IS NULL ORDER BY ${order} LIMIT 100 OFFSET 20000`,
        )
        .all() as { detail: string }[];
      const text = plan.map((p) => p.detail).join(' | ');
      expect(text, order).toMatch(/USING (COVERING )?INDEX contacts_by_/);
      expect(text, order).not.toMatch(/TEMP B-TREE/);
    }
  });
});
