import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capViolations } from '../../../src/main/followups/caps.ts';
import { localDayOfIso } from '../../../src/main/time/local-day.ts';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { BERLIN, berlinApp } from './helpers.ts';

// Random histories of captures, interactions, actions on steps and clock moves; after every
// operation the engine's invariants must hold, and in the end every cycle must have ended.

type Op =
  | {
      kind: 'capture';
      metDaysAgo: number | null;
      cadence: 30 | 90 | null;
      pacing: 'fast' | 'standard' | 'deliberate';
    }
  | {
      kind: 'interaction';
      who: number;
      direction: 'inbound' | 'outbound';
      channel: 'email' | 'call' | 'linkedin';
    }
  | { kind: 'done' | 'skip'; pick: number }
  | { kind: 'snooze'; pick: number; preset: '1h' | 'tomorrow' | 'nextWeek' }
  | { kind: 'meeting'; who: number; daysAhead: number }
  | { kind: 'thank'; who: number }
  | { kind: 'promise'; who: number; direction: 'mine' | 'theirs'; daysAhead: number }
  | { kind: 'schedule'; who: number; daysAhead: number }
  | { kind: 'clock'; hours: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('capture' as const),
    metDaysAgo: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    cadence: fc.constantFrom(30 as const, 90 as const, null),
    pacing: fc.constantFrom('fast' as const, 'standard' as const, 'deliberate' as const),
  }),
  fc.record({
    kind: fc.constant('interaction' as const),
    who: fc.nat(),
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    channel: fc.constantFrom('email' as const, 'call' as const, 'linkedin' as const),
  }),
  fc.record({ kind: fc.constantFrom('done' as const, 'skip' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('snooze' as const),
    pick: fc.nat(),
    preset: fc.constantFrom('1h' as const, 'tomorrow' as const, 'nextWeek' as const),
  }),
  fc.record({
    kind: fc.constant('meeting' as const),
    who: fc.nat(),
    daysAhead: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ kind: fc.constant('thank' as const), who: fc.nat() }),
  fc.record({
    kind: fc.constant('promise' as const),
    who: fc.nat(),
    direction: fc.constantFrom('mine' as const, 'theirs' as const),
    daysAhead: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('schedule' as const),
    who: fc.nat(),
    daysAhead: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ kind: fc.constant('clock' as const), hours: fc.integer({ min: 1, max: 24 * 21 }) }),
);

const START = '2026-11-16T10:00:00Z';

async function apply(
  app: TempApp,
  contacts: number[],
  o: Op,
  now: () => Date,
  setNow: (d: Date) => void,
): Promise<void> {
  const day = (ahead: number) =>
    localDayOfIso(new Date(now().getTime() + ahead * 86_400_000).toISOString(), 'Europe/Berlin');
  const who = (n: number) => contacts[n % contacts.length];
  const open = async () => app.api['followups.list']({ statuses: ['pending', 'snoozed'] });
  switch (o.kind) {
    case 'capture': {
      const c = await app.api['contacts.create']({
        displayName: `P${contacts.length}`,
        metOn: o.metDaysAgo === null ? null : day(-o.metDaysAgo),
        cadenceDays: o.cadence,
        pacing: o.pacing,
      });
      contacts.push(c.id);
      return;
    }
    case 'clock':
      setNow(new Date(now().getTime() + o.hours * 3_600_000));
      await app.api['followups.today']({});
      return;
  }
  if (contacts.length === 0) return;
  switch (o.kind) {
    case 'interaction':
      await app.api['interactions.add']({
        contactId: who(o.who)!,
        channel: o.channel,
        direction: o.direction,
        summary: 'x',
      });
      return;
    case 'done':
    case 'skip':
    case 'snooze': {
      const steps = await open();
      const step = steps[o.pick % Math.max(1, steps.length)];
      if (!step) return;
      if (o.kind === 'done') await app.api['followups.done']({ id: step.id });
      else if (o.kind === 'skip') await app.api['followups.skip']({ id: step.id });
      else if (o.kind === 'snooze') await app.api['followups.snooze']({ id: step.id, preset: o.preset });
      return;
    }
    case 'meeting':
      await app.api['followups.arrangeMeeting']({
        contactId: who(o.who)!,
        meetingAt: new Date(now().getTime() + o.daysAhead * 86_400_000).toISOString(),
      });
      return;
    case 'thank':
      await app.api['followups.thank']({ contactId: who(o.who)! });
      return;
    case 'promise':
      await app.api['promises.add']({
        contactId: who(o.who)!,
        direction: o.direction,
        text: 'something',
        dueOn: day(o.daysAhead),
      });
      return;
    case 'schedule':
      await app.api['followups.schedule']({ contactId: who(o.who)!, dueOn: day(o.daysAhead) });
      return;
  }
}

interface StepRow {
  id: number;
  contact_id: number;
  cycle_id: number;
  purpose: string;
  due_on: string;
  manual: number;
  status: string;
  updated_at: string;
}

function checkInvariants(app: TempApp, nowIso: string): void {
  const db = app.context.db;
  const steps = db.prepare('SELECT * FROM followups').all() as StepRow[];
  const openSteps = steps.filter((s) => s.status === 'pending' || s.status === 'snoozed');
  const cycles = db.prepare('SELECT id, status, ends_at, playbook FROM cycles').all() as {
    id: number;
    status: string;
    ends_at: string | null;
    playbook: string;
  }[];
  for (const cycle of cycles) {
    const mine = openSteps.filter((s) => s.cycle_id === cycle.id);
    if (cycle.status === 'ended') expect(mine, `ended cycle ${cycle.id} has open steps`).toEqual([]);
    else
      expect(
        mine.length > 0 || cycle.ends_at !== null,
        `active ${cycle.playbook} cycle ${cycle.id} has nothing to do`,
      ).toBe(true);
    expect(mine.length, `cycle ${cycle.id} has several open steps`).toBeLessThanOrEqual(1);
  }
  const checkIns = new Map<number, number>();
  for (const s of openSteps.filter((x) => x.purpose === 'check_in'))
    checkIns.set(s.contact_id, (checkIns.get(s.contact_id) ?? 0) + 1);
  for (const [contact, n] of checkIns) expect(n, `contact ${contact} has ${n} open check-ins`).toBe(1);

  // Steps placed automatically by this operation break no cap.
  for (const s of openSteps.filter(
    (x) => x.manual === 0 && x.updated_at === nowIso && x.purpose !== 'promise_mine',
  )) {
    const touches = [
      ...(
        db
          .prepare("SELECT occurred_at FROM interactions WHERE contact_id = ? AND direction = 'outbound'")
          .pluck()
          .all(s.contact_id) as string[]
      ).map((t) => localDayOfIso(t, 'Europe/Berlin')),
      ...openSteps
        .filter((o) => o.contact_id === s.contact_id && o.id !== s.id && o.purpose !== 'promise_mine')
        .map((o) => o.due_on),
    ];
    expect(
      capViolations(s.due_on, touches, DEFAULT_SETTINGS.caps),
      `${s.purpose} #${s.id} on ${s.due_on}`,
    ).toEqual([]);
  }
}

describe('follow-up engine properties', () => {
  it('keeps its invariants through random histories, and every cycle ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const app = berlinApp(START, BERLIN);
        let now = new Date(START);
        const setNow = (d: Date) => {
          now = d;
          app.setNow(d.toISOString());
        };
        const contacts: number[] = [];
        try {
          for (const o of ops) {
            // Each operation happens a few minutes after the last, so "placed by this operation" is exact.
            setNow(new Date(now.getTime() + 5 * 60_000));
            await apply(app, contacts, o, () => now, setNow);
            checkInvariants(app, now.toISOString());
          }
          // Left alone for 400 days: every cycle that existed has ended (waits ran out, stale steps expired).
          const before = now.toISOString();
          setNow(new Date(now.getTime() + 400 * 86_400_000));
          await app.api['followups.today']({});
          const lingering = app.context.db
            .prepare("SELECT id, playbook FROM cycles WHERE status = 'active' AND started_at <= ?")
            .all(before);
          expect(lingering).toEqual([]);
          checkInvariants(app, now.toISOString());
        } finally {
          app.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
