import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const NOW = '2026-11-20T09:00:00.000Z';
let db = '';
// In the test's process (a child costs a second or more); the usage errors in a child, for the
// exit code a script sees.

beforeAll(async () => {
  db = join(tempDir(), 'seeded.db');
  const seeded = await cliInProcess(['seed', '--contacts', '200', '--db', db, '--now', NOW, '--json']);
  expect(seeded.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dirname(db), { recursive: true, force: true }));

describe('forecast on the command line', () => {
  it('answers in JSON with the days against the budget and the summary', async () => {
    const run = await cliInProcess([
      'forecast',
      '--db',
      db,
      '--now',
      NOW,
      '--days',
      '60',
      '--reply-rate',
      '0.25',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const f = JSON.parse(run.stdout);
    expect(f.days).toHaveLength(60);
    expect(f.days[0]).toMatchObject({ date: '2026-11-20', prompts: expect.any(Number), budget: 10 });
    expect(f.summary).toMatchObject({
      newContacts: expect.any(Number),
      refreshedWithin48h: expect.any(Number),
      maxTouchesPer30Days: expect.any(Number),
      touchCap: 4,
      openCyclesAtEnd: 0,
      cyclesWaiting: expect.any(Number),
      daysOverBudget: expect.any(Number),
    });
    expect(f.summary.maxTouchesPer30Days).toBeLessThanOrEqual(f.summary.touchCap);
    expect(f.assumptions.replyRate).toEqual({ value: 0.25, source: 'given', messages: 0 });
    // The seeded network captures people every week: the forecast keeps doing so.
    expect(f.summary.newContacts).toBeGreaterThan(0);
  }, 30_000);

  it('prints a table and the summary in words', async () => {
    const run = await cliInProcess(['forecast', '--db', db, '--now', NOW, '--days', '14']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Forecast 2026-11-20 to 2026-12-03 \(14 days, /);
    expect(run.stdout).toContain('DATE');
    expect(run.stdout).toContain('day off');
    expect(run.stdout).toMatch(/At most \d+ nudges to one person in 30 days \(cap 4\)\./);
    expect(run.stdout).toMatch(/Cycles nothing would end: 0; waiting on overdue steps at the end: \d+/);
  }, 30_000);

  it('refuses a horizon or a reply rate out of range, as a usage error', async () => {
    const days = await cli(['forecast', '--db', db, '--days', '400']);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('days');
    const rate = await cli(['forecast', '--db', db, '--reply-rate', '1.5']);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('0 to 1');
  }, 30_000);
});
