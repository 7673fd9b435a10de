import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../e2e/server.ts';
import { cli, runScript } from '../../helpers/run-cli.ts';
import { servedDatabase } from '../../helpers/served-database.ts';

// Two real processes write to one database at once: the HTTP shell (`serve`, with its reminder
// scheduler running) and the CLI. Before every write transaction began IMMEDIATE, about 1% of
// HTTP writes and 5% of CLI writes failed with SQLITE_BUSY.

const WRITER = join(import.meta.dirname, '../../helpers/cli-writer.ts');
const HTTP_WRITES = 300;
const CLI_WRITES = 300;
const CLI_PROCESSES = 8;

const served = servedDatabase();

async function runWriter(
  db: string,
  count: number,
  contactId: number,
): Promise<{ failures: number[]; stderr: string }> {
  const run = await runScript(WRITER, [db, String(count), String(contactId)]);
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the writer printed no result:\n${run.stderr}`);
  return { ...(JSON.parse(line.slice('RESULT '.length)) as { failures: number[] }), stderr: run.stderr };
}

async function post(
  s: RunningServer,
  method: string,
  input: unknown,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.text() };
}

describe('two processes writing at once', () => {
  it('every write of both succeeds and none is lost', { timeout: 120_000 }, async () => {
    const created = await cli([
      '--db',
      served.dbPath,
      '--json',
      'contacts',
      'add',
      'Ada Lovelace',
      '--met-on',
      '2026-11-30',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const ada = (JSON.parse(created.stdout) as { id: number }).id;
    const s = await served.start();

    // HTTP: writes that read first and then write (the pattern that used to fail), three at a time.
    const httpFailures: string[] = [];
    const httpWrites = (async () => {
      const lanes = [0, 1, 2].map(async (lane) => {
        for (let i = lane; i < HTTP_WRITES; i += 3) {
          const call =
            i % 3 === 0
              ? post(s, 'contacts.create', { displayName: `Http Person ${i}`, metOn: '2026-11-30' })
              : post(s, 'interactions.add', {
                  contactId: ada,
                  channel: 'email',
                  direction: 'outbound',
                  summary: `http ${i}`,
                });
          const { status, body } = await call;
          if (status !== 200) httpFailures.push(`${i}: ${status} ${body}`);
        }
      });
      await Promise.all(lanes);
    })();
    const writer = runWriter(served.dbPath, CLI_WRITES, ada);
    const processes = Promise.all(
      Array.from({ length: CLI_PROCESSES }, (_, i) =>
        cli([
          '--db',
          served.dbPath,
          '--json',
          'contacts',
          'add',
          `Cli Person ${i}`,
          '--met-on',
          '2026-11-30',
        ]),
      ),
    );
    const [, writerResult, runs] = await Promise.all([httpWrites, writer, processes]);

    expect(httpFailures).toEqual([]);
    expect(writerResult.failures, writerResult.stderr).toEqual([]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }

    // Nothing lost: every write is in the file.
    const db = new Database(served.dbPath, { readonly: true });
    try {
      const count = (sql: string, ...params: unknown[]) =>
        db
          .prepare(sql)
          .pluck()
          .get(...params) as number;
      const httpInteractions = HTTP_WRITES - Math.ceil(HTTP_WRITES / 3);
      expect(count('SELECT count(*) FROM interactions WHERE contact_id = ?', ada)).toBe(
        httpInteractions + CLI_WRITES,
      );
      expect(count("SELECT count(*) FROM interactions WHERE summary LIKE 'cli %'")).toBe(CLI_WRITES);
      expect(count('SELECT count(*) FROM contacts')).toBe(1 + Math.ceil(HTTP_WRITES / 3) + CLI_PROCESSES);
    } finally {
      db.close();
    }
  });

  it('a writer that cannot get the lock in time gets a typed busy error, and nothing changes', {
    timeout: 60_000,
  }, async () => {
    const created = await cli(['--db', served.dbPath, '--json', 'contacts', 'add', 'Ada Lovelace']);
    expect(created.code, created.stderr).toBe(0);
    const server = await served.start();
    // Another process holding the write lock for longer than the wait bound (a long import).
    const holder = new Database(served.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const [run, http] = await Promise.all([
        cli(['--db', served.dbPath, '--json', 'contacts', 'add', 'Grace Hopper']),
        post(server, 'contacts.create', { displayName: 'Katherine Johnson' }),
      ]);
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      const error = (JSON.parse(lines[0] ?? '') as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('busy');
      expect(error.message).toMatch(/busy.*try again/i);
      expect(http.status).toBe(503);
      expect(JSON.parse(http.body)).toMatchObject({ ok: false, error: { code: 'busy' } });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const list = await cli(['--db', served.dbPath, '--json', 'contacts', 'list']);
    expect(list.stdout).not.toContain('Grace Hopper');
    expect(list.stdout).not.toContain('Katherine Johnson');
  });
});
