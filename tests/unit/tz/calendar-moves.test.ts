import { describe, expect, it } from 'vitest';
import { eventStart } from '../../../src/main/sync/calendar-objects.ts';
import { localDayOfIso } from '../../../src/main/time/local-day.ts';

// What day a step was moved to in the user's calendar app, read from the event the server holds.
// Run under every zone of npm run test:tz: the machine's own zone must never decide the day; the
// user's zone (Settings) and the event's own TZID do.

const event = (dtstart: string, extra = '') =>
  `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
${extra}BEGIN:VEVENT
UID:step-1@followthrough
DTSTAMP:20261101T000000Z
${dtstart}
SUMMARY:Follow up
END:VEVENT
END:VCALENDAR
`.replaceAll('\n', '\r\n');

const BERLIN = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
`;

const dayIn = (ics: string, zone: string) => {
  const start = eventStart(ics, zone);
  if (!start) throw new Error('no start');
  return start.day ?? localDayOfIso(start.at, zone);
};

describe(`a moved event's day (machine TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('a UTC start is read in the user zone, across the spring DST change', () => {
    // 29 Mar 2026 23:30 UTC: Monday 01:30 in Berlin (summer time since that night), Sunday in New York.
    const ics = event('DTSTART:20260329T233000Z\nDTEND:20260330T000000Z');
    expect(dayIn(ics, 'Europe/Berlin')).toBe('2026-03-30');
    expect(dayIn(ics, 'America/New_York')).toBe('2026-03-29');
    expect(dayIn(ics, 'Australia/Sydney')).toBe('2026-03-30');
  });

  it("a start with a TZID is read by the object's own VTIMEZONE, in the autumn's repeated hour", () => {
    // 25 Oct 2026 00:30 in Berlin is 24 Oct 22:30 UTC: a Sunday in Berlin, a Saturday in New York.
    const ics = event('DTSTART;TZID=Europe/Berlin:20261025T003000', BERLIN);
    expect(eventStart(ics, 'America/New_York')?.at).toBe('2026-10-24T22:30:00.000Z');
    expect(dayIn(ics, 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayIn(ics, 'America/New_York')).toBe('2026-10-24');
  });

  it('an IANA TZID without a VTIMEZONE is read in that zone, not the machine’s', () => {
    const ics = event('DTSTART;TZID=Asia/Tokyo:20261201T083000');
    expect(eventStart(ics, 'Europe/London')?.at).toBe('2026-11-30T23:30:00.000Z');
    expect(dayIn(ics, 'Asia/Tokyo')).toBe('2026-12-01');
    expect(dayIn(ics, 'Europe/London')).toBe('2026-11-30');
  });

  it('a floating start (no zone at all) is a wall-clock time in the user zone', () => {
    const ics = event('DTSTART:20261201T003000');
    expect(dayIn(ics, 'America/New_York')).toBe('2026-12-01');
    expect(dayIn(ics, 'Asia/Tokyo')).toBe('2026-12-01');
  });

  it('an all-day event is its own day in every zone', () => {
    const ics = event('DTSTART;VALUE=DATE:20261203\nDTEND;VALUE=DATE:20261204');
    for (const zone of ['Pacific/Auckland', 'Pacific/Honolulu', 'UTC'])
      expect(dayIn(ics, zone)).toBe('2026-12-03');
  });
});
