import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/store/migrations/index.ts';
import { cli, cliInProcess } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-app.ts';

let db: string;
// Commands run in the test's process (cliInProcess: a child costs a second or more), except where
// what a script sees of the process is the point: exit codes and stderr of a failure.
const json = async (args: string[]) => {
  const run = await cliInProcess([...args, '--db', db, '--json']);
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(() => {
  db = join(tempDir(), 'cli.db');
});

describe('CLI', () => {
  it('round-trips a contact, an event and an interaction through --json', async () => {
    const event = await json([
      'events',
      'add',
      'Web Summit 2026',
      '--date',
      '2026-11-10',
      '--location',
      'Lisbon',
    ]);
    expect(event).toMatchObject({ id: 1, name: 'Web Summit 2026', contactCount: 0 });

    const contact = await json([
      'contacts',
      'add',
      'Ada Lovelace',
      '--company',
      'Analytical Engines',
      '--email',
      'ada@example.com',
      '--email',
      'ada@home.example',
      '--tag',
      'math',
      '--event',
      '1',
      '--discussed',
      'Bernoulli numbers',
      '--next-step',
      'Send the notes',
    ]);
    expect(contact).toMatchObject({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.com' }, { value: 'ada@home.example' }],
      metEventName: 'Web Summit 2026',
      metOn: '2026-11-10',
    });

    const interaction = await json([
      'interactions',
      'add',
      String(contact.id),
      '--channel',
      'email',
      '--summary',
      'Sent the notes',
      '--at',
      '2026-11-11T09:30:00+01:00',
    ]);
    expect(interaction).toMatchObject({ contactId: contact.id, occurredAt: '2026-11-11T08:30:00.000Z' });

    const found = await json(['contacts', 'search', 'analyt']);
    expect(found.items.map((c: { id: number }) => c.id)).toEqual([contact.id]);

    const shown = await json(['contacts', 'show', String(contact.id)]);
    expect(shown.interactions).toHaveLength(1);
    expect(shown.nextStep).toBe('Send the notes');

    const list = await json(['contacts', 'list']);
    expect(list.total).toBe(1);
  });

  it('prints readable text without --json', async () => {
    const run = await cliInProcess(['contacts', 'show', '1', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Follow-up context');
    expect(run.stdout).toContain('Bernoulli numbers');
  });

  it('reports invalid input on stderr as JSON with exit code 2, and writes nothing', async () => {
    const run = await cli(['contacts', 'add', 'Bad', '--email', 'nope', '--db', db, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'emails.0.value' }] },
    });
    expect((await json(['contacts', 'list'])).total).toBe(1);
  });

  it('exits 1 with a clear message for a missing contact', async () => {
    const run = await cli(['contacts', 'show', '404', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no contact with id 404');
  });

  it('exits 2 on a usage error', async () => {
    const run = await cli(['contacts', 'show', 'abc', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/positive whole number/);
  });

  it('honours FOLLOWTHROUGH_DB when --db is absent', async () => {
    const run = await cliInProcess(['info', '--json'], { FOLLOWTHROUGH_DB: db });
    expect(JSON.parse(run.stdout)).toMatchObject({ databasePath: db, schemaVersion: MIGRATIONS.length });
  });

  it('seeds a synthetic network and backs it up consistently', async () => {
    const seedDb = join(tempDir(), 'seed.db');
    const seeded = JSON.parse(
      (await cliInProcess(['seed', '--contacts', '300', '--db', seedDb, '--json'])).stdout,
    );
    expect(seeded.contacts).toBe(300);
    expect(seeded.interactions).toBeGreaterThan(300);

    const out = join(tempDir(), 'backup.db');
    const backup = await cliInProcess(['backup', '--out', out, '--db', seedDb, '--json']);
    expect(backup.code).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(300);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    const again = await cliInProcess(['backup', '--out', out, '--db', seedDb]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(existsSync(out)).toBe(true);
  });
});
