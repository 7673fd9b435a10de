import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { dateWords } from '../../../src/main/compose/dates.ts';
import { draftFor } from '../../../src/main/compose/draft.ts';
import { asProposedTime, findSlots, type SlotInput, slotPhrase } from '../../../src/main/compose/slots.ts';
import { draftContext } from './draft-fixture.ts';

const BERLIN_9_TO_5 = {
  myZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: 9, end: 17 },
};
const slotsAt = (now: string, over: Partial<SlotInput> = {}) =>
  findSlots({ now: new Date(now), theirZone: 'America/New_York', ...BERLIN_9_TO_5, ...over }).map((s) =>
    s.at.toISOString(),
  );

// 2026: America moves its clocks on 8 Mar and 1 Nov, Europe on 29 Mar and 25 Oct. In between,
// New York is five hours behind Berlin instead of six.
describe('two proposed times, inside my working hours and 09:00-17:00 where they are', () => {
  it('in the March weeks when the gap is five hours, the first is 14:00 in Berlin (09:00 in New York)', () => {
    expect(slotsAt('2026-03-16T08:00:00Z')).toEqual(['2026-03-17T13:00:00.000Z', '2026-03-18T13:00:00.000Z']);
  });

  it('once Europe has moved too (six hours), it is 15:00 in Berlin', () => {
    expect(slotsAt('2026-04-06T08:00:00Z')).toEqual(['2026-04-07T13:00:00.000Z', '2026-04-08T13:00:00.000Z']);
  });

  it('across the European change, the two slots are the same New York hour at different Berlin hours', () => {
    const [friday, monday] = findSlots({
      now: new Date('2026-03-26T08:00:00Z'),
      theirZone: 'America/New_York',
      ...BERLIN_9_TO_5,
    });
    const words = dateWords('en-GB');
    expect(asProposedTime(friday!, 'Europe/Berlin', words)).toEqual({
      at: '2026-03-27T13:00:00.000Z',
      mine: 'Fri 27 Mar, 14:00',
      theirs: 'Fri 27 Mar, 9:00',
    });
    expect(asProposedTime(monday!, 'Europe/Berlin', words)).toEqual({
      at: '2026-03-30T13:00:00.000Z',
      mine: 'Mon 30 Mar, 15:00',
      theirs: 'Mon 30 Mar, 9:00',
    });
  });

  it('in late October the gap is five hours again until America moves on 1 November', () => {
    expect(slotsAt('2026-10-26T08:00:00Z')).toEqual(['2026-10-27T13:00:00.000Z', '2026-10-28T13:00:00.000Z']);
    expect(slotsAt('2026-10-29T08:00:00Z')).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('from New York, 11:00 fits Berlin while the gap is five hours, not once it is six', () => {
    const fromNewYork = { myZone: 'America/New_York', theirZone: 'Europe/Berlin' };
    expect(slotsAt('2026-03-16T15:00:00Z', fromNewYork)[0]).toBe('2026-03-17T15:00:00.000Z');
    expect(slotsAt('2026-04-06T15:00:00Z', fromNewYork)[0]).toBe('2026-04-08T13:00:00.000Z');
  });

  it('is at least a day ahead, on my hour, and skips my days off', () => {
    // Friday 10:00 in Berlin: the next working slot a day ahead is Monday at 09:00.
    expect(slotsAt('2026-06-05T08:00:00Z', { theirZone: null })).toEqual([
      '2026-06-08T07:00:00.000Z',
      '2026-06-09T07:00:00.000Z',
    ]);
    // Tuesday 10:20: Wednesday 11:00 is the first hour that is a whole day ahead.
    expect(slotsAt('2026-06-02T08:20:00Z', { theirZone: null })[0]).toBe('2026-06-03T09:00:00.000Z');
  });

  it('a half-hour zone gets its own half hour: 09:00 in Berlin is 12:30 in Kolkata', () => {
    const [slot] = findSlots({
      now: new Date('2026-06-01T07:00:00Z'),
      theirZone: 'Asia/Kolkata',
      ...BERLIN_9_TO_5,
    });
    expect(slotPhrase(slot!, 'Europe/Berlin', dateWords('en-GB'))).toBe(
      'Tuesday 2 June at 12:30 your time (9:00 mine)',
    );
  });

  it('offers nothing when our working days never overlap', () => {
    expect(
      findSlots({
        now: new Date('2026-06-01T00:00:00Z'),
        myZone: 'Asia/Tokyo',
        theirZone: 'America/Los_Angeles',
        workingDays: [1, 2, 3, 4, 5],
        workingHours: { start: 9, end: 17 },
      }),
    ).toEqual([]);
  });

  it('names the day in their zone and my weekday when the date differs', () => {
    const words = dateWords('en-GB');
    const at = new Date('2026-06-02T21:00:00Z'); // Wed 09:00 in Auckland, Tue 23:00 in Berlin
    expect(slotPhrase({ at, theirZone: 'Pacific/Auckland' }, 'Europe/Berlin', words)).toBe(
      'Wednesday 3 June at 9:00 your time (Tue 23:00 mine)',
    );
    expect(slotPhrase({ at, theirZone: 'Pacific/Auckland' }, 'Europe/Berlin', words, 'me')).toBe(
      'Wednesday 3 June at 9:00 their time (Tue 23:00 yours)',
    );
    expect(slotPhrase({ at, theirZone: null }, 'Europe/Berlin', dateWords('en-US'))).toBe(
      `Tuesday, June 2 at ${new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(at)}`,
    );
  });

  it('every slot keeps every rule, for random zones, hours and moments', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Sydney',
      'Pacific/Auckland',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.option(fc.constantFrom(...zones), { nil: null }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 24 }),
        (now, myZone, theirZone, workingDays, start, span) => {
          const end = Math.min(24, start + span);
          const slots = findSlots({ now, myZone, theirZone, workingDays, workingHours: { start, end } });
          expect(slots.length).toBeLessThanOrEqual(2);
          const days = new Set<string>();
          for (const { at } of slots) {
            const mine = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(myZone);
            expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime() + 86_400_000);
            expect(mine.minute).toBe(0);
            expect(workingDays).toContain(mine.dayOfWeek % 7);
            expect(mine.hour).toBeGreaterThanOrEqual(start);
            expect(mine.hour + 1).toBeLessThanOrEqual(end);
            days.add(mine.toPlainDate().toString());
            if (theirZone) {
              const theirs = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(
                theirZone,
              );
              expect(theirs.dayOfWeek).toBeLessThanOrEqual(5);
              expect(theirs.hour * 60 + theirs.minute).toBeGreaterThanOrEqual(9 * 60);
              expect(theirs.hour * 60 + theirs.minute + 60).toBeLessThanOrEqual(17 * 60);
            }
          }
          expect(days.size).toBe(slots.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('drafts propose times for a meeting or a call', () => {
  it('writes both zones in the message and both instants in the draft', () => {
    const draft = draftFor(draftContext({ now: new Date('2026-03-16T08:00:00Z') }), {
      channel: 'email',
      variant: 0,
    });
    expect(draft.body).toContain(
      'Would you have time for a short call on Tuesday 17 March at 9:00 your time (14:00 mine) or Wednesday 18 March at 9:00 your time (14:00 mine)?',
    );
    expect(draft.proposedTimes.map((t) => t.at)).toEqual([
      '2026-03-17T13:00:00.000Z',
      '2026-03-18T13:00:00.000Z',
    ]);
    expect(draft.facts.map((f) => f.id)).toContain('proposed_times');
  });

  it('when the next step is a call or a coffee, whatever the purpose; not otherwise', () => {
    const coffee = draftContext({ purpose: 'check_in', contact: { nextStep: 'Grab a coffee in May' } });
    expect(draftFor(coffee).proposedTimes).toHaveLength(2);
    const deck = draftContext({ purpose: 'check_in', contact: { nextStep: 'send the deck' } });
    expect(draftFor(deck).proposedTimes).toEqual([]);
  });

  it("a confirmation's alternatives come after the meeting", () => {
    const ctx = draftContext({
      purpose: 'confirmation',
      step: {
        id: 1,
        purpose: 'confirmation',
        channel: null,
        dueAt: '2026-06-03T07:00:00Z',
        meetingAt: '2026-06-08T13:00:00Z',
        meetingPlace: null,
        note: null,
      },
    });
    for (const t of draftFor(ctx).proposedTimes) expect(t.at > '2026-06-08T13:00:00Z').toBe(true);
  });
});

describe('the same drafts whatever zone the machine is in', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'])('TZ=%s', (tz) => {
    const contexts = ['2026-03-26T08:00:00Z', '2026-10-29T08:00:00Z', '2026-06-03T22:30:00Z'].map((now) =>
      draftContext({ now: new Date(now), contact: { metOn: '2026-03-24' } }),
    );
    process.env.TZ = 'UTC';
    const expected = contexts.map((ctx) => draftFor(ctx, { channel: 'email', variant: 0 }));
    process.env.TZ = tz;
    // The runtime follows TZ (else this test would prove nothing).
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(
      -Temporal.Instant.from('2026-01-01T00:00:00Z').toZonedDateTimeISO(tz).offsetNanoseconds / 6e10 + 0,
    );
    expect(contexts.map((ctx) => draftFor(ctx, { channel: 'email', variant: 0 }))).toEqual(expected);
  });
});
