// cliInProcess is only worth having if a command answers there as it does in a child: the same
// code, stdout and stderr, nothing left behind in the test's process, and a refusal for what
// only a process of its own can do.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, cliInProcess } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-app.ts';

const db = join(tempDir(), 'parity.db');
const NOW = '2026-11-16T10:00:00Z';

describe('cliInProcess', { timeout: 60_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('answers as the child does: output, a usage error, an error as JSON, help', async () => {
    // The same commands on two databases of their own, so ids agree.
    const commands = (file: string) => [
      ['contacts', 'add', 'Ada Lovelace', '--met-on', '2026-11-13', '--db', file, '--now', NOW],
      ['today', '--db', file, '--now', NOW],
      ['contacts', 'show', 'abc', '--db', file],
      ['contacts', 'show', '404', '--db', file, '--json'],
      ['contacts', 'add', 'Bad', '--email', 'nope', '--db', file, '--json'],
      ['followups', '--help'],
    ];
    const here = commands(db);
    const childDb = join(tempDir(), 'child.db');
    const child = commands(childDb);
    for (const [i, args] of here.entries()) {
      expect(await cliInProcess(args), args.join(' ')).toEqual(await cli(child[i] ?? []));
    }
    // A zone 14 hours ahead: it is already Tuesday there, here as in the child.
    const kiritimati = { TZ: 'Pacific/Kiritimati' };
    const tuesday = await cliInProcess(['today', '--db', db, '--now', NOW], kiritimati);
    expect(tuesday.stdout).toMatch(/^Today, 2026-11-17/);
    expect(tuesday).toEqual(await cli(['today', '--db', childDb, '--now', NOW], kiritimati));
  });

  it('runs calls one at a time, each with its own env, and puts back what it changed', async () => {
    const other = join(tempDir(), 'other.db');
    const { write } = process.stdout;
    const tz = process.env.TZ;
    const [a, b] = await Promise.all([
      cliInProcess(['info', '--json'], { FOLLOWTHROUGH_DB: db }),
      cliInProcess(['info', '--json'], { FOLLOWTHROUGH_DB: other, TZ: 'Pacific/Auckland' }),
    ]);
    expect(JSON.parse(a.stdout).databasePath).toBe(db);
    expect(JSON.parse(b.stdout).databasePath).toBe(other);
    expect(process.env.FOLLOWTHROUGH_DB).toBeUndefined();
    expect(process.env.TZ).toBe(tz);
    expect(process.stdout.write).toBe(write);
    expect(process.exitCode).toBeUndefined();
  });

  it('refuses what needs a process of its own', async () => {
    await expect(cliInProcess(['--db', db, 'serve', '--port', '0'])).rejects.toThrow(
      /serve runs until a signal/,
    );
    await expect(cliInProcess(['today', '--db', db], { LC_ALL: 'de_DE.UTF-8' })).rejects.toThrow(
      /LC_ALL is read once per process/,
    );
    vi.useFakeTimers();
    await expect(cliInProcess(['today', '--db', db])).rejects.toThrow(/fake timers/);
    vi.useRealTimers();
    // And it still runs after a refusal.
    expect((await cliInProcess(['today', '--db', db, '--now', NOW])).code).toBe(0);
  });
});
