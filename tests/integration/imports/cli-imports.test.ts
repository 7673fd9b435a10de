// The CLI's import, export, restore, duplicates and merge commands: in the test's process
// (cliInProcess; a child costs a second or more), and in a child where the exit code and stderr a
// script sees are the point, or the terminal it does not have.
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src/main/app/context.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

let dir: string;
let db: string;
const fixture = (name: string) => resolve(import.meta.dirname, '..', '..', 'fixtures', 'imports', name);
/** Import runs recorded, read raw (opening the app would touch the file). */
const importRuns = (): number => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM imports').pluck().get() as number;
  } finally {
    raw.close();
  }
};
const json = async (args: string[]) => {
  const run = await cliInProcess([...args, '--db', db, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Mathematician,12 Mar 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace,grace@navy.mil,US Navy,Admiral,01 Feb 2023',
].join('\r\n');

beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'cli.db');
  writeFileSync(join(dir, 'Connections.csv'), `\uFEFF${CONNECTIONS}\r\n`);
});

describe('CLI import and export', { timeout: 90_000 }, () => {
  it('previews with --dry-run (nothing written), imports, and re-imports nothing', async () => {
    const file = join(dir, 'Connections.csv');
    const dry = await json(['import', file, '--dry-run']);
    expect(dry).toMatchObject({ format: 'linkedin-csv', counts: { new: 2 } });
    expect((await json(['contacts', 'list', '--all'])).total).toBe(0);

    const run = await cliInProcess(['import', file, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Imported: 2 new/);
    expect(run.stdout).toMatch(/^Connections\.csv: linkedin-csv \(detected\), 2 rows read from 3 lines$/m);
    // The option the contacts command really has.
    expect(run.stdout).toContain('New contacts wait for review: `contacts list --imported`.');
    expect(run.stderr).toMatch(/writing/); // progress goes to stderr
    expect((await json(['contacts', 'list', '--imported'])).total).toBe(2);
    // Indexed for search before the import command exited (read raw: opening the app would repair).
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM contacts_fts').pluck().get()).toBe(2);
    raw.close();

    const again = await json(['import', file]);
    expect(again.result).toMatchObject({ importId: null, created: 0, updated: 0, unchanged: 2 });
    // Nothing written, so no import run claims one.
    expect(importRuns()).toBe(1);
  });

  it('reports a bad file with its name and exits 2', async () => {
    const bad = join(dir, 'broken.vcf');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const run = await cli(['import', bad, '--db', db]);
    expect(run.code).toBe(2);
    // Said once: no issue list repeating it after a "- content:" (progress lines aside).
    expect(run.stderr.split('\n').filter((l) => l.includes('PNG'))).toEqual([
      'Error: broken.vcf: This file is a PNG image, not a contacts export (CSV or vCard).',
    ]);
    expect(run.stderr).not.toContain('- content');
  });

  it('refuses a file over the size limit by its size on disk, before reading it', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, 450 * 1024 * 1024); // sparse: nothing is written, nothing need be read
    const run = await cliInProcess(['import', big, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('big.csv is 450 MB; imports take files up to 64 MB.');
  });

  it('refuses a vCard cut off before its first card ends, and records no import run', async () => {
    const runs = importRuns();
    const cut = join(dir, 'cut.vcf');
    copyFileSync(fixture('hostile-vcard-cut-off.vcf'), cut);
    const run = await cliInProcess(['import', cut, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Error: cut\.vcf: nothing to import, its one card cannot be imported\. Line 1: This card has no END:VCARD/m,
    );
    expect(importRuns()).toBe(runs);
  });

  it('reads a legacy Google CSV without Group Membership, with --format or without', async () => {
    const file = fixture('hostile-google-legacy-no-groups.csv');
    for (const args of [[], ['--format', 'google-csv-legacy']]) {
      const preview = await json(['import', file, '--dry-run', ...args]);
      expect(preview).toMatchObject({ format: 'google-csv-legacy', rows: 2, problems: [] });
    }
  });

  it('takes a file path from the CLI only: the HTTP shell and the window upload the bytes', async () => {
    const file = join(dir, 'Connections.csv');
    for (const shell of ['http', 'electron'] as const) {
      const context = openAppContext({
        shell,
        dataDir: dir,
        databasePath: join(dir, `${shell}.db`),
        settings: inMemorySettings(),
      });
      try {
        const answer = await context.dispatch('imports.preview', { fileName: 'x.csv', path: file });
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', issues: [{ path: 'path' }] },
        });
      } finally {
        context.close();
      }
    }
  });

  it('reads every other row of a 50,000-row file with a stray quote on line 11, and says so', async () => {
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 50_000; i++) {
      lines.push(`First${i},Last${i},https://www.linkedin.com/in/p-${i},,Acme,Engineer,1 Mar 2024`);
    }
    const bad = `"${lines[10]}`;
    lines[10] = bad;
    const file = join(dir, 'stray.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const preview = await json(['import', file, '--dry-run']);
    expect(preview).toMatchObject({ rows: 50_000, lines: 50_001, counts: { new: 49_999, problems: 1 } });
    expect(preview.problems).toEqual([
      expect.objectContaining({ file: 'stray.csv', line: 11, severity: 'error' }),
    ]);
    expect(preview.problems[0].message.endsWith(`The line as in the file: ${bad}`)).toBe(true);

    const human = await cliInProcess(['import', file, '--dry-run', '--db', db]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('stray.csv: linkedin-csv (detected), 50,000 rows read from 50,001 lines');
    // The problem in full, the line included: not cut to a table column.
    expect(human.stdout).toContain(`stray.csv:11 error: This row could not be read:`);
    expect(human.stdout).toContain(`The line as in the file: ${bad}\n`);
  });

  it('exports vCard, CSV and a JSON backup that restore brings back', async () => {
    const vcf = join(dir, 'out.vcf');
    await json(['export', '--format', 'vcard', '--out', vcf]);
    expect(readFileSync(vcf, 'utf8')).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    const csv = join(dir, 'out.csv');
    await json(['export', '--format', 'csv', '--out', csv]);
    expect(readFileSync(csv, 'utf8')).toMatch(/First Name/);

    const backup = join(dir, 'backup.json');
    expect(await json(['export', '--format', 'json', '--out', backup])).toMatchObject({ contacts: 2 });
    await json(['contacts', 'add', 'Someone New']);
    const refused = await cli(['restore', backup, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const restored = await json(['restore', backup, '--yes']);
    expect(restored).toMatchObject({ contacts: 2 });
    expect((await json(['contacts', 'list', '--all'])).total).toBe(2);

    // A database copy (backup --out) restores the same way.
    const copy = join(dir, 'copy.sqlite');
    await json(['backup', '--out', copy]);
    await json(['contacts', 'add', 'Another']);
    expect(await json(['restore', copy, '--yes'])).toMatchObject({ contacts: 2 });
  });

  it('lists duplicates, merges, and undoes the merge', async () => {
    const a = await json(['contacts', 'add', 'Sam Lee', '--email', 'sam@acme.com']);
    const b = await json(['contacts', 'add', 'Samuel Lee', '--email', 'SAM@acme.com', '--company', 'Acme']);
    const pairs = await json(['duplicates']);
    expect(pairs[0]).toMatchObject({ a: { id: a.id }, b: { id: b.id }, reasons: [{ reason: 'email' }] });
    const merged = await json(['merge', String(a.id), String(b.id), '--take', 'company']);
    expect(merged).toMatchObject({ contactId: a.id, mergedId: b.id });
    expect(await json(['contacts', 'show', String(a.id)])).toMatchObject({ company: 'Acme' });
    expect(await json(['undo-merge'])).toEqual({ keptId: a.id, restoredId: b.id });
  });
});
