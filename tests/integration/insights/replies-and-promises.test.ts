import { afterEach, describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../../src/shared/domain/insights.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

let app: TempApp | null = null;
afterEach(() => {
  app?.cleanup();
  app = null;
});

describe('reply rate', () => {
  it('credits a reply within 14 days to the last message before it, by channel and by purpose', async () => {
    app = openTempApp('2026-04-20T12:00:00.000Z', { timeZone: 'Europe/Berlin' });
    const { api } = app;
    const step = async (contactId: number) => {
      const open = await api['followups.list']({ contactId, statuses: ['pending', 'snoozed'] });
      return open[0]!.id;
    };
    const reply = (contactId: number, occurredAt: string) =>
      api['interactions.add']({
        contactId,
        occurredAt,
        channel: 'email',
        direction: 'inbound',
        summary: 'Thanks!',
      });
    const send = (contactId: number, occurredAt: string, channel: 'email' | 'linkedin' = 'email') =>
      api['interactions.add']({ contactId, occurredAt, channel, direction: 'outbound', summary: 'Hello' });

    const p = await api['contacts.create']({ displayName: 'Replies before the nudge', metOn: '2026-04-20' });
    const q = await api['contacts.create']({ displayName: 'Replies to the nudge', metOn: '2026-04-20' });
    const r1 = await api['contacts.create']({ displayName: 'Replies at 14 days', metOn: '2026-03-30' });
    const r2 = await api['contacts.create']({ displayName: 'Replies too late', metOn: '2026-03-30' });
    const s = await api['contacts.create']({ displayName: 'Silent', metOn: '2026-03-30' });
    await send(r1.id, '2026-04-01T10:00:00.000Z');
    await send(r2.id, '2026-04-01T10:00:00.000Z');
    await send(s.id, '2026-04-02T10:00:00.000Z', 'linkedin');
    await reply(r1.id, '2026-04-15T10:00:00.000Z');

    app.setNow('2026-04-21T09:00:00.000Z');
    await api['followups.done']({ id: await step(p.id), channel: 'email' });
    await api['followups.done']({ id: await step(q.id), channel: 'email' });
    app.setNow('2026-04-24T09:00:00.000Z');
    await reply(p.id, '2026-04-24T08:00:00.000Z');
    app.setNow('2026-04-28T09:00:00.000Z');
    await api['followups.done']({ id: await step(q.id), channel: 'email' });
    app.setNow('2026-05-20T09:00:00.000Z');
    await reply(q.id, '2026-04-29T08:00:00.000Z');
    await reply(r2.id, '2026-04-15T10:00:00.001Z');

    const report = await api['insights.report']({ from: '2026-04-01', to: '2026-05-20' });
    expect(report.replyRate.channel).toEqual({
      email: { sent: 5, replied: 3, rate: 0.6, small: false },
      linkedin: { sent: 1, replied: 0, rate: null, small: true },
    });
    expect(report.replyRate.purpose).toEqual({
      refresher: { sent: 2, replied: 1, rate: null, small: true },
      second: { sent: 1, replied: 1, rate: null, small: true },
      // Met three weeks before they were added: the engine's open re-engagement step took each message.
      reengage: { sent: 3, replied: 1, rate: null, small: true },
    });
    // A period that ends before the messages: nothing sent.
    const before = await api['insights.report']({ from: '2026-03-01', to: '2026-03-31' });
    expect(before.replyRate).toEqual({
      channel: {},
      purpose: {},
      pacing: {},
      weekday: {},
      hour: {},
      template: {},
    });
    const endings = report.cycles;
    expect(Object.keys(endings).sort()).toEqual(
      ['active', 'cancelled', 'completed', 'no_response', 'replied', 'skipped'].sort(),
    );
    // P, Q and R1 at least ended "replied" (how the others end is the engine's business).
    expect(endings.replied).toBeGreaterThanOrEqual(3);
    expect(Object.values(before.cycles).every((n) => n === 0)).toBe(true);
  });
});

const PROMISE_ZONES: { zone: string; mine: InsightsReport['promises']['mine'] }[] = [
  // 21:30 UTC on the due day is 23:30 there (on time); 22:30 UTC is already the next day (late).
  { zone: 'Europe/Berlin', mine: { keptOnTime: 1, late: 1, open: 1 } },
  // Both are the afternoon of the due day there.
  { zone: 'America/New_York', mine: { keptOnTime: 2, late: 0, open: 1 } },
];

describe.each(PROMISE_ZONES)('promises in $zone', ({ zone, mine }) => {
  it('calls mine kept on time by the local day it was marked done', async () => {
    app = openTempApp('2026-04-01T08:00:00.000Z', { timeZone: zone });
    const { api } = app;
    const c = await api['contacts.create']({ displayName: 'Promiser', metOn: '2026-03-30' });
    const add = (direction: 'mine' | 'theirs', dueOn: string) =>
      api['promises.add']({ contactId: c.id, direction, text: 'An intro', dueOn });
    const a = await add('mine', '2026-04-05');
    const b = await add('mine', '2026-04-05');
    await add('mine', '2026-04-30');
    const d = await add('theirs', '2026-04-10');
    await add('theirs', '2026-04-10');
    const f = await add('mine', '2026-04-10');
    app.setNow('2026-04-05T21:30:00.000Z');
    await api['promises.done']({ id: a.id });
    app.setNow('2026-04-05T22:30:00.000Z');
    await api['promises.done']({ id: b.id });
    await api['promises.done']({ id: d.id });
    await api['promises.cancel']({ id: f.id });

    const report = await api['insights.report']({ from: '2026-04-01' });
    expect(report.promises).toEqual({ mine, theirs: { fulfilled: 1, nudged: 0, open: 1 } });
    // Promises made before the period are not its own.
    const later = await api['insights.report']({ from: '2026-04-02' });
    expect(later.promises).toEqual({
      mine: { keptOnTime: 0, late: 0, open: 0 },
      theirs: { fulfilled: 0, nudged: 0, open: 0 },
    });
  });
});
