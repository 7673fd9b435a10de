import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { followUpsToIcs } from '../../../src/main/calendar/ics-export.ts';
import type { StepRangeRow } from '../../../src/main/store/calendar-store.ts';
import { systemLocale } from '../../../src/main/time/locale.ts';
import { plainText, readDated } from '../../../src/shared/format/dated-text.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  sequence: number;
}

/** Parses with ical.js (Mozilla's parser, used by Thunderbird): what a real consumer reads. */
function parse(ics: string): { method: string; events: ParsedEvent[] } {
  const root = new ICAL.Component(ICAL.parse(ics));
  return {
    method: String(root.getFirstPropertyValue('method')),
    events: root.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        sequence: e.sequence,
      };
    }),
  };
}

const exportAll = async () =>
  (await app.api['calendar.exportIcs']({ from: '2026-11-01', to: '2027-12-31' })).content;

describe('.ics export', () => {
  it('writes one VEVENT per open follow-up that parses back with the same UID, times and text', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      metOn: '2026-11-16',
      discussed: 'Bernoulli numbers; "notes", commas, and \\ backslashes',
      emails: [{ value: 'ada@example.com' }],
    });
    await app.api['promises.add']({
      contactId: ada.id,
      direction: 'theirs',
      text: 'Send the diagrams',
      dueOn: '2026-11-20',
    });
    const steps = await app.api['followups.list']({ statuses: ['pending'] });
    const { method, events } = parse(await exportAll());
    expect(method).toBe('PUBLISH');
    expect(events).toHaveLength(steps.length);
    for (const step of steps) {
      const event = events.find((e) => e.uid === `followup-${step.id}@followthrough.app`);
      expect(event, `event for step ${step.id}`).toBeDefined();
      expect(event!.start).toBe(step.dueAt);
      expect(Date.parse(event!.end) - Date.parse(event!.start)).toBe(30 * 60_000);
      expect(event!.summary).toContain('Ada Lovelace');
      // Its days written as main writes them (the system's locale), never marked.
      expect(event!.description).toContain(
        readDated(step.reason, { locale: systemLocale(), today: '2026-11-16', timeZone: 'Europe/Berlin' }),
      );
      expect(event!.description).not.toMatch(/\{|\d{4}-\d{2}-\d{2}/);
    }
    expect(events.find((e) => e.summary.includes('refresher'))?.description).toContain(
      'Bernoulli numbers; "notes", commas, and \\ backslashes',
    );
    expect(events.find((e) => e.summary.includes('refresher'))?.description).toContain('ada@example.com');
  });

  it('uses CRLF, VEVENT (never VTODO), UTC times and the required properties', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    await app.api['contacts.create']({ displayName: 'Grace', metOn: '2026-11-16' });
    const ics = await exportAll();
    expect(ics.split('\r\n').length).toBeGreaterThan(10);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    // Every content line ends with CRLF, the last one too (RFC 5545 §3.1).
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toContain('VTODO');
    for (const prop of ['PRODID:', 'VERSION:2.0', 'UID:', 'DTSTAMP:', 'SEQUENCE:', 'LAST-MODIFIED:'])
      expect(ics).toContain(prop);
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(ics).not.toContain('TZID');
  });

  it('gives the same UIDs when exported twice, and bumps SEQUENCE when a step changes', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await app.api['contacts.create']({ displayName: 'Linus', metOn: '2026-11-16' });
    const first = parse(await exportAll()).events;
    expect(parse(await exportAll()).events.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    const [step] = await app.api['followups.list']({ contactId: c.id });
    await app.api['followups.reschedule']({ id: step!.id, dueOn: '2026-11-19' });
    const [moved] = parse(await exportAll()).events;
    expect(moved!.uid).toBe(first[0]!.uid);
    expect(moved!.sequence).toBeGreaterThan(first[0]!.sequence);
    expect(moved!.start).toBe('2026-11-19T08:00:00.000Z');
  });

  it('leaves done and cancelled steps out, and adds a VALARM only when asked', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await app.api['contacts.create']({ displayName: 'Done soon', metOn: '2026-11-16' });
    const [step] = await app.api['followups.list']({ contactId: c.id });
    expect((await app.api['calendar.exportIcs']({ alarms: true })).content).toContain('BEGIN:VALARM');
    expect((await app.api['calendar.exportIcs']({})).content).not.toContain('VALARM');
    await app.api['followups.done']({ id: step!.id });
    const { events } = parse((await app.api['calendar.exportIcs']({})).content);
    expect(events.map((e) => e.uid)).not.toContain(`followup-${step!.id}@followthrough.app`);
  });

  it('filters by contact and tag', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const a = await app.api['contacts.create']({ displayName: 'Tagged', metOn: '2026-11-16', tags: ['vip'] });
    await app.api['contacts.create']({ displayName: 'Other', metOn: '2026-11-16' });
    expect((await app.api['calendar.exportIcs']({ tag: 'vip' })).events).toBe(1);
    expect((await app.api['calendar.exportIcs']({ contactId: a.id })).events).toBe(1);
    expect((await app.api['calendar.exportIcs']({})).events).toBe(2);
  });
});

describe('.ics text safety (property)', () => {
  const row = (summaryName: string, description: string): StepRangeRow => ({
    id: 1,
    contactId: 1,
    contactName: summaryName,
    purpose: 'refresher',
    dueAt: '2026-11-17T08:00:00.000Z',
    reason: plainText(description),
    context: null,
    sequence: 0,
    updatedAt: '2026-11-16T10:00:00.000Z',
    createdAt: '2026-11-16T10:00:00.000Z',
    emails: null,
    links: null,
    ownDueAt: '2026-11-17T08:00:00.000Z',
    exportedStart: null,
    exportBumps: 0,
    exportMovedAt: null,
  });
  // Full Unicode, emoji and astral characters included, long enough to fold many times.
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 400 })
    .filter((s) => s.trim().length > 0);

  it('survives export and re-parse, folds at 75 octets and never splits a UTF-8 sequence', () => {
    fc.assert(
      fc.property(text, text, (name, description) => {
        const ics = followUpsToIcs([row(name, description)], {
          now: new Date('2026-11-16T10:00:00Z'),
          alarms: false,
          name: 'Test',
          reading: { locale: 'en-GB', today: '2026-11-16', timeZone: 'UTC' },
        });
        const decoder = new TextDecoder('utf-8', { fatal: true });
        for (const line of Buffer.from(ics, 'utf8').toString('latin1').split('\r\n')) {
          const bytes = Buffer.from(line, 'latin1');
          expect(bytes.length).toBeLessThanOrEqual(75);
          expect(() => decoder.decode(bytes)).not.toThrow();
        }
        const [event] = parse(ics).events;
        expect(event!.summary).toBe(`Follow up with ${name}: refresher`);
        expect(event!.description).toBe(description);
      }),
      { numRuns: 200 },
    );
  });
});
