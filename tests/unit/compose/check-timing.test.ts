// Runs under several TZ values (npm run test:tz): the check works in named zones, so the
// machine's own zone must not change a single answer. The cases sit on DST changes.
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/main/compose/check/check-message.ts';
import type { ComposeChannel } from '../../../src/shared/domain/compose.ts';
import { contextFor } from './check-fixture.ts';

type Overrides = Parameters<typeof contextFor>[0];
const timing = (overrides: Overrides, channel: ComposeChannel = 'email') =>
  checkMessage(contextFor(overrides), {
    channel,
    subject: null,
    body: 'Ada, solar roofs on Friday?',
  }).checks.find((c) => c.id === 'timing')!;
const sent = (...ats: string[]) => ats.map((at) => ({ at, channel: 'email', summary: `Message of ${at}` }));

describe(`timing (process TZ ${process.env.TZ ?? 'unset'})`, () => {
  it('is fine inside my working hours when their zone is unknown', () => {
    expect(timing({})).toEqual({
      id: 'timing',
      ok: true,
      message: 'Arrives Tue 10:00, within your working hours',
      suggestAt: null,
    });
  });

  it('uses their zone: 05:00 in New York is too early, in the week the US has changed clocks and Europe has not', () => {
    // 10 Mar 2026: New York is on EDT (UTC-4) since 8 Mar, Berlin still on CET (UTC+1).
    const t = timing({ contact: { timeZone: 'America/New_York' } });
    expect(t).toEqual({
      id: 'timing',
      ok: false,
      message:
        'Would arrive Tue 05:00 their time (Tue 10:00 yours), outside their working hours (Mon–Fri 9:00–18:00): schedule for Tue 09:00 their time (Tue 14:00 yours)',
      suggestAt: '2026-03-10T13:00:00.000Z',
    });
  });

  it('carries a Friday-evening message over a weekend with a DST change to Monday 09:00 their time', () => {
    // Fri 6 Mar 18:30 EST; New York springs forward on Sun 8 Mar, so Mon 09:00 is 13:00 UTC, not 14:00.
    const t = timing({ now: new Date('2026-03-06T23:30:00Z'), contact: { timeZone: 'America/New_York' } });
    expect(t.ok).toBe(false);
    expect(t.suggestAt).toBe('2026-03-09T13:00:00.000Z');
    expect(t.message).toContain('schedule for Mon 09:00 their time');
  });

  it('in Sydney, Monday 09:00 after the April change is 23:00 UTC on Sunday', () => {
    // Sydney leaves AEDT (UTC+11) for AEST (UTC+10) on Sun 5 Apr 2026.
    const t = timing({ now: new Date('2026-04-04T01:00:00Z'), contact: { timeZone: 'Australia/Sydney' } });
    expect(t).toMatchObject({ ok: false, suggestAt: '2026-04-05T23:00:00.000Z' });
    expect(t.message).toMatch(
      /^Would arrive Sat 12:00 their time \(Sat 03:00 yours\), outside their working hours/,
    );
  });

  it('falls back to my hours and zone for a zone it does not know, across my own DST change', () => {
    // Fri 27 Mar 18:30 CET; Berlin springs forward on Sun 29 Mar: Mon 08:00 CEST is 06:00 UTC.
    const t = timing({ now: new Date('2026-03-27T17:30:00Z'), contact: { timeZone: 'Mars/Olympus_Mons' } });
    expect(t).toEqual({
      id: 'timing',
      ok: false,
      message:
        'Would arrive Fri 18:30, outside your working hours (Mon–Fri 8:00–18:00): schedule for Mon 08:00',
      suggestAt: '2026-03-30T06:00:00.000Z',
    });
  });

  it('follows my working days and hours when they are unusual', () => {
    const t = timing({
      now: new Date('2026-03-10T09:00:00Z'),
      me: { workingDays: [0, 3, 6], workingHours: { start: 12, end: 14 } },
    });
    expect(t.message).toBe(
      'Would arrive Tue 10:00, outside your working hours (Sun, Wed, Sat 12:00–14:00): schedule for Wed 12:00',
    );
    expect(t.suggestAt).toBe('2026-03-11T11:00:00.000Z');
  });

  it('flags a message too soon after the last one and suggests the first day the gap allows', () => {
    const t = timing({ sent: sent('2026-03-09T10:00:00Z') });
    expect(t).toEqual({
      id: 'timing',
      ok: false,
      message: 'Only 1 day after your message of 9 Mar (minimum gap 3 days): schedule for Thu 08:00',
      suggestAt: '2026-03-12T07:00:00.000Z',
    });
    expect(timing({ sent: sent('2026-03-10T07:00:00Z') }).message).toMatch(
      /^Your message of 10 Mar went today \(minimum gap 3 days\)/,
    );
    expect(timing({ sent: sent('2026-03-07T10:00:00Z') }).ok).toBe(true);
    expect(
      timing({ sent: sent('2026-03-10T07:00:00Z'), me: { caps: { minGapDays: 0, maxPer30Days: 4 } } }).ok,
    ).toBe(true);
  });

  it('counts the gap in my calendar days, not in 24-hour blocks', () => {
    // 23:30 Berlin on Sat 7 Mar is 22:30 UTC; three days later on Tue is a gap of 3 local days.
    expect(timing({ sent: sent('2026-03-07T22:30:00Z') }).ok).toBe(true);
    // 00:30 Berlin on Sun 8 Mar (23:30 UTC on the 7th): only 2 local days.
    expect(timing({ sent: sent('2026-03-07T23:30:00Z') }).ok).toBe(false);
  });

  it('flags too many messages in 30 days and waits until the oldest that counts has left the window', () => {
    const t = timing({
      sent: sent(
        '2026-03-06T10:00:00Z',
        '2026-03-01T10:00:00Z',
        '2026-02-25T10:00:00Z',
        '2026-02-20T10:00:00Z',
      ),
    });
    // 20 Feb + 30 days is Sun 22 Mar; my next working moment after that is Mon 23 Mar 08:00, more
    // than six days away, so the day is written out.
    expect(t).toEqual({
      id: 'timing',
      ok: false,
      message: 'Already 4 messages to Ada in the last 30 days (maximum 4): schedule for Mon 23 Mar, 08:00',
      suggestAt: '2026-03-23T07:00:00.000Z',
    });
    // One of them 30 days ago is outside the window.
    expect(
      timing({
        sent: sent(
          '2026-03-05T10:00:00Z',
          '2026-02-27T10:00:00Z',
          '2026-02-20T10:00:00Z',
          '2026-02-08T10:00:00Z',
        ),
      }).ok,
    ).toBe(true);
  });

  it('names every reason, and schedules for the moment all of them allow', () => {
    const t = timing({
      now: new Date('2026-03-09T23:00:00Z'),
      contact: { timeZone: 'Asia/Tokyo' },
      sent: sent('2026-03-09T10:00:00Z'),
    });
    expect(t.message).toBe(
      'Would arrive Tue 08:00 their time (Tue 00:00 yours), outside their working hours (Mon–Fri 9:00–18:00); ' +
        'Only 1 day after your message of 9 Mar (minimum gap 3 days): schedule for Thu 09:00 their time (Thu 01:00 yours)',
    );
    // Thu 12 Mar starts at 23:00 UTC on the 11th in Berlin; Tokyo's 09:00 on Thu is 00:00 UTC on the 12th.
    expect(t.suggestAt).toBe('2026-03-12T00:00:00.000Z');
  });

  it('ignores working hours for a handwritten note, but not the caps', () => {
    const saturdayNight = new Date('2026-03-14T22:00:00Z');
    expect(timing({ now: saturdayNight }, 'handwritten_note')).toMatchObject({ ok: true, suggestAt: null });
    const t = timing({ now: saturdayNight, sent: sent('2026-03-14T09:00:00Z') }, 'handwritten_note');
    expect(t.ok).toBe(false);
    expect(t.suggestAt).toBe('2026-03-17T07:00:00.000Z');
  });

  it('ignores messages dated after now', () => {
    expect(timing({ sent: sent('2026-03-11T10:00:00Z') }).ok).toBe(true);
  });
});
