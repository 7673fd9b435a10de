import { afterEach, describe, expect, it } from 'vitest';
import { insertContact } from '../../../src/main/store/contacts-store.ts';
import { insertInteraction } from '../../../src/main/store/interactions-store.ts';
import { ContactDraft } from '../../../src/shared/domain/contact.ts';
import type { Channel, Direction } from '../../../src/shared/domain/interaction.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, brief, openSteps } from './helpers.ts';

// 2026-11-16 is a Monday (Berlin, follow-up hour 09:00 = 08:00Z).
const MONDAY = '2026-11-16T10:00:00Z';
let app: TempApp;
afterEach(() => app?.cleanup());

/**
 * A contact whose timeline is already written when the engine first plans for them (the way a
 * network seeded from its history, or any contact with a past, reaches the engine).
 */
function withHistory(metOn: string, timeline: [string, Channel, Direction][]): number {
  const { db } = app.context;
  const id = insertContact(
    db,
    ContactDraft.parse({ displayName: `Met ${metOn}`, metOn, metWhere: 'a fair' }),
    MONDAY,
  );
  for (const [occurredAt, channel, direction] of timeline)
    insertInteraction(
      db,
      { contactId: id, occurredAt, channel, direction, summary: 'x', outcome: null },
      MONDAY,
    );
  app.context.engine.afterContactCreated(id);
  return id;
}

describe('re-engagement looks at the timeline', () => {
  it('asks to reconnect only with people never followed up since meeting', async () => {
    app = berlinApp(MONDAY);
    const never = withHistory('2026-03-02', []);
    const theyWrote = withHistory('2026-03-02', [['2026-04-01T10:00:00Z', 'email', 'inbound']]);
    const wrote = withHistory('2026-03-02', [['2026-04-01T10:00:00Z', 'email', 'outbound']]);
    const eight = withHistory(
      '2026-03-02',
      Array.from({ length: 8 }, (_, i): [string, Channel, Direction] => [
        `2026-0${4 + (i % 5)}-1${i}T10:00:00Z`,
        'linkedin',
        i % 2 ? 'inbound' : 'outbound',
      ]),
    );
    const called = withHistory('2026-03-02', [['2026-05-01T10:00:00Z', 'call', 'inbound']]);
    const before = withHistory('2026-03-02', [['2026-02-01T10:00:00Z', 'email', 'outbound']]);

    const reengage = (id: number) =>
      openSteps(app, id).then((s) => s.filter((x) => x.purpose === 'reengage'));
    expect(await reengage(never)).toHaveLength(1);
    // Only their message: you still never followed up.
    expect(await reengage(theyWrote)).toHaveLength(1);
    expect(await reengage(wrote)).toEqual([]);
    expect(await reengage(eight)).toEqual([]);
    // A call is a conversation, whoever dialled.
    expect(await reengage(called)).toEqual([]);
    // Writing before you met does not count.
    expect(await reengage(before)).toHaveLength(1);
  });

  it('plans no refresher for someone already written to since meeting', async () => {
    app = berlinApp(MONDAY);
    const fresh = withHistory('2026-11-13', []);
    const thanked = withHistory('2026-11-13', [['2026-11-13T19:00:00Z', 'email', 'outbound']]);
    expect(brief(await openSteps(app, fresh))).toEqual(['refresher@2026-11-16:pending']);
    expect(await openSteps(app, thanked)).toEqual([]);
    // "Met, never followed up" on Today agrees with the engine.
    const names = (await app.api['followups.today']({})).metNotFollowedUp.map((m) => m.contactId);
    expect(names).not.toContain(thanked);
  });
});

describe('mass re-engagement is spread like other catch-ups', () => {
  it('fills each working day up to the budget instead of piling onto one morning', async () => {
    app = berlinApp('2026-11-19T10:00:00Z'); // a Thursday
    for (let i = 0; i < 34; i++)
      await app.api['contacts.create']({ displayName: `Old ${i}`, metOn: '2026-02-01', metWhere: 'a fair' });
    const perDay = new Map<string, number>();
    for (const s of await openSteps(app)) perDay.set(s.dueOn, (perDay.get(s.dueOn) ?? 0) + 1);
    // Thursday and Friday full, the weekend skipped, then Monday and Tuesday.
    expect(Object.fromEntries(perDay)).toEqual({
      '2026-11-19': 10,
      '2026-11-20': 10,
      '2026-11-23': 10,
      '2026-11-24': 4,
    });
    const today = await app.api['followups.today']({});
    expect(today.counts).toMatchObject({ due: 10, inBudget: 10, waiting: 0 });
  });

  it('keeps within the next two weeks, on the least loaded day once every day is full', async () => {
    app = berlinApp('2026-11-16T10:00:00Z', { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 2 } });
    for (let i = 0; i < 30; i++)
      await app.api['contacts.create']({ displayName: `Old ${i}`, metOn: '2026-02-01', metWhere: 'a fair' });
    const days = (await openSteps(app)).map((s) => s.dueOn);
    expect(days.every((d) => d >= '2026-11-16' && d <= '2026-11-27')).toBe(true);
    const perDay = new Map<string, number>();
    for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    // Ten working days, three each.
    expect([...perDay.values()]).toEqual(Array(10).fill(3));
  });

  it('spreads an overdue keep-in-touch rhythm set on a whole tag the same way', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    for (let i = 0; i < 25; i++) {
      const c = await app.api['contacts.create']({ displayName: `Investor ${i}`, tags: ['investor'] });
      await app.api['interactions.add']({
        contactId: c.id,
        channel: 'call',
        direction: 'inbound',
        summary: 'Long ago',
        occurredAt: '2026-01-10T10:00:00Z',
      });
    }
    await app.api['tags.update']({ name: 'investor', cadenceDays: 90 });
    const perDay = new Map<string, number>();
    for (const s of await openSteps(app)) perDay.set(s.dueOn, (perDay.get(s.dueOn) ?? 0) + 1);
    expect(Object.fromEntries(perDay)).toEqual({ '2026-11-16': 10, '2026-11-17': 10, '2026-11-18': 5 });
    // Re-planning a person (another interaction that does not reset the rhythm) leaves them be.
    const before = (await openSteps(app)).map((s) => `${s.id}@${s.dueOn}`);
    const first = (await openSteps(app))[0]!;
    await app.api['contacts.update']({ id: first.contactId, patch: { company: 'Acme' } });
    expect((await openSteps(app)).map((s) => `${s.id}@${s.dueOn}`)).toEqual(before);
  });
});
