// Random due times and random clock moves (normal waits, sleeps with and without a resume event,
// clock set forward, small backward corrections, steps added while running) against the rules:
// no reminder twice, never more than one timer, never outside working time, never over the daily
// budget, and every due reminder announced in the end.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { isWorkingTime, workingWindowOf } from '../../../src/main/time/working-window.ts';
import { DAY, HOUR, schedulerHarness } from './harness.ts';

const MINUTE = 60_000;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo'];
// Around the 2026 DST changes in Europe, the US and Australia, and a plain winter week.
const STARTS = [
  '2026-03-27T12:00:00Z',
  '2026-10-02T12:00:00Z',
  '2026-10-30T12:00:00Z',
  '2026-01-05T12:00:00Z',
];

const settingsArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    workingDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    hours: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }))
      .filter(([start, end]) => start < end),
    dailyBudget: fc.integer({ min: 1, max: 6 }),
    dailyDigest: fc.boolean(),
  })
  .map((s) => ({
    timeZone: s.timeZone,
    workingDays: s.workingDays,
    workingHours: { start: s.hours[0], end: s.hours[1] },
    caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: s.dailyBudget },
    notifications: { enabled: true, dailyDigest: s.dailyDigest, keepRunningInTray: true },
  }));

const stepArb = fc.record({
  offset: fc.integer({ min: -3 * DAY, max: 10 * DAY }),
  priority: fc.integer({ min: 1, max: 9 }),
});

const moveArb = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 2 * DAY }) }),
  fc.record({
    kind: fc.constant('sleep' as const),
    ms: fc.integer({ min: MINUTE, max: 3 * DAY }),
    resume: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('set-forward' as const), ms: fc.integer({ min: HOUR, max: 2 * DAY }) }),
  fc.record({ kind: fc.constant('correct-back' as const), ms: fc.integer({ min: 1_000, max: 5 * MINUTE }) }),
  fc.record({
    kind: fc.constant('add' as const),
    offset: fc.integer({ min: -DAY, max: 3 * DAY }),
    priority: fc.integer({ min: 1, max: 9 }),
  }),
);

describe('scheduler properties', () => {
  it('announces every due reminder exactly once, in working time, within the daily budget', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.constantFrom(...STARTS),
        fc.array(stepArb, { maxLength: 15 }),
        fc.array(moveArb, { maxLength: 20 }),
        // The hourly cap is a safety net, not what makes reminders fire: correctness must not
        // depend on it, so some runs sleep up to a month between passes.
        fc.constantFrom(HOUR, DAY, 30 * DAY),
        (settings, start, steps, moves, maxSleepMs) => {
          const h = schedulerHarness({ start, settings, scheduler: { maxSleepMs } });
          for (const step of steps) h.fake.add(Date.parse(start) + step.offset, { priority: step.priority });
          h.scheduler.start();

          for (const move of moves) {
            switch (move.kind) {
              case 'wait':
                h.time.advance(move.ms);
                break;
              case 'sleep':
                h.time.jump(move.ms);
                if (move.resume) h.scheduler.wake('resume');
                h.time.flush();
                break;
              case 'set-forward':
                h.time.jump(move.ms);
                break;
              case 'correct-back':
                h.time.jump(-move.ms);
                break;
              case 'add':
                h.fake.add(h.time.now() + move.offset, { priority: move.priority });
                h.scheduler.wake('data-changed');
                h.time.flush();
                break;
            }
            expect(h.time.pendingCount()).toBe(1);
          }

          // Long enough for every step to fall due and the budget to let them all through.
          const all = h.fake.source.dueNow(new Date(8.64e15));
          const lastDue = Math.max(h.time.now(), ...all.map((item) => Date.parse(item.dueAt)));
          const workingDaysNeeded = Math.ceil(all.length / settings.caps.dailyBudget) + 1;
          const weeks = Math.ceil(workingDaysNeeded / settings.workingDays.length) + 1;
          h.time.advance(lastDue - h.time.now() + weeks * 7 * DAY);

          expect(h.fake.duplicates).toEqual([]);
          expect(h.errors).toEqual([]);
          expect(h.fake.source.dueUnnotified(h.time.clock())).toEqual([]);
          expect(new Set(h.fake.notifiedIds()).size).toBe(all.length);

          const window = workingWindowOf(settings, settings.timeZone);
          const perDay = new Map<string, number>();
          for (const { at } of h.fake.log) {
            expect(isWorkingTime(at, window)).toBe(true);
            const day = Temporal.Instant.fromEpochMilliseconds(at)
              .toZonedDateTimeISO(settings.timeZone)
              .toPlainDate()
              .toString();
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
          }
          for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(settings.caps.dailyBudget);
        },
      ),
      { numRuns: 100 },
    );
  });
});
