// The .ics export checked by real calendar software from Debian (installed by .ci/run):
// calcurse imports it, khal parses it, and a Radicale CalDAV server stores every event.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Radicale, startRadicale } from '../../helpers/radicale.ts';
import { requireTool } from '../../helpers/require-tool.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

let app: TempApp;
let ics: string;
let dir: string;
let file: string;
let eventCount: number;

beforeAll(async () => {
  // A realistic export: several playbooks, accents, CJK, emoji and long text that must fold.
  app = openTempApp('2026-11-16T10:00:00Z', { timeZone: 'Europe/Berlin' });
  const names = ['Zoë Ångström', '山田 太郎', 'José Álvarez 🎉', "Siobhán O'Connor"];
  for (const [i, name] of names.entries()) {
    const c = await app.api['contacts.create']({
      displayName: name,
      metOn: '2026-11-16',
      discussed: `Café crème, naïve résumé; 日本語のテキスト 😀 ${'long '.repeat(40)}#${i}`,
      nextStep: 'Send the deck, then call',
      emails: [{ value: `p${i}@example.com` }],
      links: [{ url: `https://www.linkedin.com/in/p${i}` }],
    });
    await app.api['promises.add']({
      contactId: c.id,
      direction: i % 2 ? 'mine' : 'theirs',
      text: 'Intro; "quoted", commas',
      dueOn: '2026-11-25',
    });
    await app.api['followups.arrangeMeeting']({
      contactId: c.id,
      meetingAt: `2026-12-0${i + 2}T10:00:00+01:00`,
      note: 'Café Kranzler',
    });
  }
  const exported = await app.api['calendar.exportIcs']({ alarms: true });
  ics = exported.content;
  eventCount = exported.events;
  dir = tempDir('followthrough-ics-');
  file = join(dir, 'export.ics');
  writeFileSync(file, ics);
});
afterAll(() => app?.cleanup());

describe('third-party calendar software accepts the export', () => {
  it('has something to validate', () => {
    expect(eventCount).toBeGreaterThanOrEqual(12);
  });

  it('calcurse imports every event and skips none', () => {
    requireTool('calcurse', 'calcurse');
    const data = join(dir, 'calcurse');
    mkdirSync(data);
    const run = spawnSync('calcurse', ['-D', data, '-i', file], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${eventCount} apps / 0 events / 0 todos / 0 skipped`));
  });

  it('khal parses it (printics exits 0 and finds every event)', () => {
    requireTool('khal', 'khal');
    const calendars = join(dir, 'khal-calendar');
    mkdirSync(calendars);
    const config = join(dir, 'khal.conf');
    writeFileSync(
      config,
      `[calendars]\n[[export]]\npath = ${calendars}\ntype = calendar\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n`,
    );
    const run = spawnSync('khal', ['-c', config, 'printics', file], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${eventCount} events found`);
  });

  describe('Radicale (CalDAV) stores each event as its own calendar object', () => {
    let radicale: Radicale;

    beforeAll(async () => {
      radicale = await startRadicale(dir);
      const made = await fetch(`${radicale.base}/test/followups/`, {
        method: 'MKCALENDAR',
        headers: radicale.headers,
      });
      expect(made.status).toBe(201);
    });
    afterAll(() => {
      radicale?.stop();
    });

    it('accepts every event PUT alone (one UID per object, no METHOD)', async () => {
      const [head] = ics.split('BEGIN:VEVENT');
      const events = ics.match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g) ?? [];
      expect(events).toHaveLength(eventCount);
      for (const [i, event] of events.entries()) {
        const body = `${head!.replace('METHOD:PUBLISH\r\n', '')}${event}END:VCALENDAR\r\n`;
        const put = await fetch(`${radicale.base}/test/followups/event-${i}.ics`, {
          method: 'PUT',
          headers: { ...radicale.headers, 'content-type': 'text/calendar; charset=utf-8' },
          body,
        });
        expect(put.status, `event ${i}: ${await put.text()}`).toBe(201);
      }
    });

    it('still refuses an event without a UID (so the check has teeth)', async () => {
      const bad =
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nDTSTAMP:20261116T100000Z\r\nDTSTART:20261117T090000Z\r\nSUMMARY:no uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
      const put = await fetch(`${radicale.base}/test/followups/bad.ics`, {
        method: 'PUT',
        headers: { ...radicale.headers, 'content-type': 'text/calendar' },
        body: bad,
      });
      expect(put.status).toBe(400);
    });
  });
});
