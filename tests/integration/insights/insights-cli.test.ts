import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const rate = { sent: expect.any(Number), replied: expect.any(Number), small: expect.any(Boolean) };
let db = '';
// In the test's process (a child costs a second or more); the CSV in a child, as a pipe reads it.

beforeAll(async () => {
  db = join(tempDir(), 'seeded.db');
  const seeded = await cliInProcess(['seed', '--contacts', '200', '--db', db, '--json']);
  expect(seeded.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dirname(db), { recursive: true, force: true }));

describe('insights on the command line', () => {
  it('answers in JSON with every measure, on a seeded network', async () => {
    const run = await cliInProcess(['insights', '--db', db, '--json'], { TZ: 'Europe/Berlin' });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.period.timeZone).toBe('Europe/Berlin');
    expect(report.followThrough).toEqual({
      met: expect.any(Number),
      within24h: expect.any(Number),
      within48h: expect.any(Number),
      within7d: expect.any(Number),
      never: expect.any(Number),
      medianHours: expect.any(Number),
    });
    const ft = report.followThrough;
    expect(ft.met).toBeGreaterThan(0);
    expect(ft.within24h).toBeLessThanOrEqual(ft.within48h);
    expect(ft.within48h).toBeLessThanOrEqual(ft.within7d);
    expect(ft.within7d + ft.never).toBeLessThanOrEqual(ft.met);
    for (const by of [report.replyRate.channel, report.replyRate.purpose]) {
      expect(Object.keys(by).length).toBeGreaterThan(0);
      for (const r of Object.values(by)) expect(r).toMatchObject(rate);
    }
    expect(Object.keys(report.cycles).sort()).toEqual(
      ['active', 'cancelled', 'completed', 'no_response', 'replied', 'skipped'].sort(),
    );
    expect(report.promises).toEqual({
      mine: { keptOnTime: expect.any(Number), late: expect.any(Number), open: expect.any(Number) },
      theirs: { fulfilled: expect.any(Number), nudged: expect.any(Number), open: expect.any(Number) },
    });
  }, 30_000);

  it('prints the figures as CSV with --csv, the same as the JSON says', async () => {
    const csv = await cli(['insights', '--db', db, '--csv'], { TZ: 'Europe/Berlin' });
    expect(csv.code).toBe(0);
    const json = JSON.parse(
      (await cliInProcess(['insights', '--db', db, '--json'], { TZ: 'Europe/Berlin' })).stdout,
    );
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('measure,by,key,metric,value');
    expect(lines).toContain(`followThrough,,met,people,${json.followThrough.met}`);
    expect(lines).toContain(`network,,neverFollowedUp,people,${json.network.neverFollowedUp}`);
  }, 30_000);

  it('prints a short table, with no one in it when the filters keep no one', async () => {
    const run = await cliInProcess(['insights', '--db', db, '--from', '2020-01-01', '--tag', 'no-such-tag']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Follow-through: 0 people met');
    expect(run.stdout).toContain('No messages sent.');
  }, 30_000);
});
