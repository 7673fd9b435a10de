// A reason's days are written where it is read, in the reader's locale: the CLI, the .ics and
// notifications in the system's (LC_ALL here), the renderer in its own. For one locale, the
// CLI and the renderer write the same day with the same words, and no output holds a mark or
// an ISO day.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReminderNotice } from '../../../src/main/reminders/notice.ts';
import { noticeText, terminalLine } from '../../../src/main/reminders/notice-text.ts';
import type { FollowUp } from '../../../src/shared/domain/followup.ts';
import { cli } from '../../helpers/run-cli.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

const NOW = '2026-11-16T10:00:00.000Z';
const TODAY = '2026-11-16';
const LOCALES = ['en-US', 'en-GB', 'de-DE'] as const;
/** A mark, or a day written as YYYY-MM-DD. */
const LEAK = /\{[{dt]|\d{4}-\d{2}-\d{2}/;

let app: TempApp;
let steps: FollowUp[];

beforeAll(async () => {
  app = openTempApp(NOW);
  const ada = await app.api['contacts.create']({
    displayName: 'Ada',
    metOn: '2026-11-13',
    metWhere: 'Web {Summit}',
  });
  const old = await app.api['contacts.create']({ displayName: 'Old Friend', metOn: '2025-10-08' });
  await app.api['promises.add']({
    contactId: old.id,
    direction: 'mine',
    text: 'Send the deck',
    dueOn: '2026-12-02',
  });
  const grace = await app.api['contacts.create']({ displayName: 'Grace' });
  await app.api['followups.arrangeMeeting']({ contactId: grace.id, meetingAt: '2026-11-19T09:00:00Z' });
  steps = await app.api['followups.list']({ statuses: ['pending'] });
  expect(steps.map((s) => s.purpose).sort()).toEqual([
    'confirmation',
    'promise_mine',
    'reengage',
    'refresher',
  ]);
  expect(steps.find((s) => s.contactId === ada.id)).toBeDefined();
});

afterAll(() => {
  vi.unstubAllGlobals();
  app?.cleanup();
});

/** The renderer's format module as a window in `locale` loads it. */
async function rendererIn(locale: string) {
  vi.stubGlobal('navigator', { languages: [locale], language: locale });
  vi.resetModules();
  const dates = await import('../../../src/renderer/src/format/dates.ts');
  expect(dates.LOCALE).toBe(locale);
  return dates;
}

const posix = (locale: string) => `${locale.replace('-', '_')}.UTF-8`;
const run = (args: string[], locale: string) =>
  cli([...args, '--db', app.databasePath, '--now', NOW], { LC_ALL: posix(locale), LANG: posix(locale) });

describe('a reason read in the CLI and in the renderer', { timeout: 180_000 }, () => {
  it.each(LOCALES)('%s: the same words, the same day, no marks', async (locale) => {
    const renderer = await rendererIn(locale);
    const list = await run(['followups', 'list', '--json'], locale);
    expect(list.stderr).toBe('');
    const printed = JSON.parse(list.stdout) as { id: number; reason: string }[];
    for (const step of steps) {
      const cliReason = printed.find((p) => p.id === step.id)?.reason;
      expect(cliReason).toBe(renderer.formatDated(step.reason, { today: TODAY }));
      expect(cliReason).not.toMatch(LEAK);
    }
    // The day as the contact page writes it, inside the reason as the CLI prints it.
    const reengage = printed.find((p) => p.id === steps.find((s) => s.purpose === 'reengage')!.id)!;
    expect(reengage.reason).toContain(
      `You met on ${renderer.formatDay('2025-10-08', { short: true, now: new Date(2026, 10, 16, 12) })} and`,
    );
    const promise = printed.find((p) => p.id === steps.find((s) => s.purpose === 'promise_mine')!.id)!;
    expect(promise.reason).toBe(
      `You promised: Send the deck (due ${renderer.formatDay('2026-12-02', { short: true, now: new Date(2026, 10, 16, 12) })}).`,
    );
    const refresher = printed.find((p) => p.id === steps.find((s) => s.purpose === 'refresher')!.id)!;
    expect(refresher.reason).toMatch(/^You met at Web \{Summit\} on /);

    const today = await run(['today'], locale);
    for (const line of today.stdout.split('\n').filter((l) => l.startsWith('  #')))
      expect(line.replace(/^ {2}#\d+ {2}/, '')).not.toMatch(LEAK);
    expect(today.stdout).toContain(reengage.reason);
  });

  it.each(LOCALES)('%s: the .ics descriptions are read, never marked', async (locale) => {
    const renderer = await rendererIn(locale);
    const out = join(app.dir, `follow-ups-${locale}.ics`);
    const exported = await run(['export', '--format', 'ics', '--out', out, '--everything'], locale);
    expect(exported.code).toBe(0);
    const root = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    const descriptions = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).description);
    expect(descriptions).toHaveLength(steps.length);
    for (const text of descriptions) expect(text).not.toMatch(LEAK);
    for (const step of steps)
      expect(
        descriptions.some((d) => d.startsWith(renderer.formatDated(step.reason, { today: TODAY }))),
      ).toBe(true);
  });
});

describe('a reminder’s words', () => {
  it.each(LOCALES)('%s: the notification and the terminal line are read, never marked', async (locale) => {
    const renderer = await rendererIn(locale);
    const reading = { locale, today: TODAY, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    for (const step of steps) {
      const notice: ReminderNotice = { kind: 'single', items: [{ ...step, context: null }] };
      const { body } = noticeText(notice, reading);
      expect(body).toBe(renderer.formatDated(step.reason, { today: TODAY }));
      expect(body).not.toMatch(LEAK);
      expect(terminalLine(notice, new Date(NOW), reading)).not.toMatch(LEAK);
    }
  });
});
