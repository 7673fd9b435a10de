// Runs under several TZ values (npm run test:tz): a marked day must read as the same day in
// every zone, and an instant in the zone the reader names, whatever the process's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonFor } from '../../../src/main/followups/reasons.ts';
import type { FollowUpProfile } from '../../../src/main/store/contacts-store.ts';
import { localeFromEnv } from '../../../src/main/time/locale.ts';
import {
  dated,
  day,
  fromStored,
  instant,
  nested,
  plainText,
  readDated,
  storedForm,
} from '../../../src/shared/format/dated-text.ts';
import { dateWriter } from '../../../src/shared/format/dates.ts';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const profile = (extra: Partial<FollowUpProfile> = {}) =>
  ({ metWhere: 'Web Summit', metOn: '2026-10-08', ...extra }) as FollowUpProfile;
const at = (locale: string, timeZone = 'Europe/Berlin', today = '2026-11-16') => ({
  locale,
  today,
  timeZone,
});

describe(`reasons read in the reader's locale, in ${zone}`, () => {
  it('writes the day of a reason as en-US, en-GB and de-DE write it', () => {
    const reason = reasonFor('refresher', { profile: profile() });
    expect(storedForm(reason)).toBe(
      'You met at Web Summit on {d:2026-10-08}. A short thank-you that names what you talked about, while it is fresh.',
    );
    expect(readDated(reason, at('en-GB'))).toMatch(/^You met at Web Summit on 8 Oct\. A short/);
    expect(readDated(reason, at('en-US'))).toMatch(/^You met at Web Summit on Oct 8\. A short/);
    expect(readDated(reason, at('de-DE'))).toMatch(/^You met at Web Summit on 8\. Okt\.\. A short/);
  });

  it('writes the day exactly as the contact page and the CLI write it (one formatter)', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'ja-JP']) {
      const text = readDated(
        reasonFor('second', { profile: profile(), previousDay: '2026-11-03' }),
        at(locale),
      );
      expect(text).toBe(
        `No reply to your message of ${dateWriter(locale).day('2026-11-03', { short: true, today: '2026-11-16' })}. A brief second note that acknowledges the first.`,
      );
    }
  });

  it('names the year of a day in another year, and only then', () => {
    const reengage = reasonFor('reengage', { profile: profile({ metOn: '2025-10-08' }) });
    expect(readDated(reengage, at('en-GB'))).toMatch(/^You met at Web Summit on 8 Oct 2025 and never/);
    expect(readDated(reengage, at('en-US'))).toMatch(/^You met at Web Summit on Oct 8, 2025 and never/);
    // Read again a year on, last year's day gets its year: the text is never stale.
    const due = reasonFor('promise_mine', {
      profile: profile(),
      promiseText: 'Send the deck',
      promiseDue: '2026-12-12',
    });
    expect(readDated(due, at('en-GB'))).toBe('You promised: Send the deck (due 12 Dec).');
    expect(readDated(due, at('en-GB', 'UTC', '2027-01-05'))).toBe(
      'You promised: Send the deck (due 12 Dec 2026).',
    );
  });

  it('writes a meeting in the reader’s zone and clock', () => {
    const reason = reasonFor('confirmation', { profile: profile(), meetingAt: '2026-11-19T09:00:00.000Z' });
    expect(readDated(reason, at('en-GB'))).toMatch(/^Meeting Thu 19 Nov at 10:00\. Confirm/);
    expect(readDated(reason, at('en-US', 'America/New_York'))).toMatch(
      /^Meeting Thu, Nov 19 at 4:00\sAM\. Confirm/,
    );
    expect(readDated(reason, at('de-DE', 'Asia/Tokyo'))).toMatch(
      /^Meeting Do\., 19\. Nov\. at 18:00\. Confirm/,
    );
  });

  it.each([
    ['2026-03-08', '8 Mar'],
    ['2026-03-29', '29 Mar'],
    ['2026-04-05', '5 Apr'],
    ['2026-10-04', '4 Oct'],
    ['2026-10-25', '25 Oct'],
    ['2026-11-01', '1 Nov'],
    ['2024-02-29', '29 Feb 2024'],
    ['0001-01-01', '1 Jan 1'],
  ])('a marked %s reads as that day, DST change or not', (iso, words) => {
    expect(readDated(dated`on ${day(iso)}`, at('en-GB', zone, '2026-06-01'))).toBe(`on ${words}`);
  });
});

describe('the marked form', () => {
  it('gives back any plain text as it was, braces and look-alike marks included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(readDated(plainText(text), at('en-GB'))).toBe(text);
        expect(readDated(dated`${text}`, at('de-DE'))).toBe(text);
      }),
      { numRuns: 300 },
    );
    for (const tricky of ['{d:2026-10-08}', '{{', '{t:2026-11-19T09:00:00.000Z}', '}{', '{'])
      expect(readDated(dated`You met at ${tricky} on ${day('2026-10-08')}.`, at('en-GB'))).toBe(
        `You met at ${tricky} on 8 Oct.`,
      );
  });

  it('puts dated text inside another as it is, not escaped twice', () => {
    const inner = dated`due ${day('2026-11-24')} at {home}`;
    expect(readDated(dated`the nudge, ${nested(inner)}, is done`, at('en-GB'))).toBe(
      'the nudge, due 24 Nov at {home}, is done',
    );
  });

  it('reads a brace that starts no mark as itself (text written before marks existed)', () => {
    expect(readDated(fromStored('Met at {the} café on {d:2026-13-40'), at('en-GB'))).toBe(
      'Met at {the} café on {d:2026-13-40',
    );
  });

  it('refuses to mark what is not a day or an instant', () => {
    expect(() => day('8 Oct')).toThrow();
    expect(() => instant('soon')).toThrow();
  });
});

describe('the system locale main writes in', () => {
  it('follows LC_ALL, then LC_TIME, then LANG, as POSIX does for dates', () => {
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('de-DE');
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8', LC_TIME: 'en_GB.UTF-8' })).toBe('en-GB');
    expect(localeFromEnv({ LC_ALL: 'fr_FR@euro', LC_TIME: 'en_GB.UTF-8' })).toBe('fr-FR');
    expect(localeFromEnv({ LC_ALL: '', LANG: 'en_US.UTF-8' })).toBe('en-US');
  });

  it('leaves C, POSIX and nonsense to the Intl default', () => {
    expect(localeFromEnv({})).toBeUndefined();
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(localeFromEnv({ LC_ALL: 'POSIX', LANG: 'de_DE.UTF-8' })).toBeUndefined();
    expect(localeFromEnv({ LANG: '!!' })).toBeUndefined();
  });
});
