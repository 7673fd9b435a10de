// The CLI's import, export, restore, duplicates and merge commands, run as a user would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

let dir: string;
let db: string;
const json = async (args: string[]) => {
  const run = await cli([...args, '--db', db, '--json']);
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

// Each command is a fresh Node process (~0.5 s, more on a loaded machine); tests chain several.
describe('CLI import and export', { timeout: 90_000 }, () => {
  it('previews with --dry-run (nothing written), imports, and re-imports nothing', async () => {
    const file = join(dir, 'Connections.csv');
    const dry = await json(['import', file, '--dry-run']);
    expect(dry).toMatchObject({ format: 'linkedin-csv', counts: { new: 2 } });
    expect((await json(['contacts', 'list', '--all'])).total).toBe(0);

    const run = await cli(['import', file, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Imported: 2 new/);
    expect(run.stderr).toMatch(/writing/); // progress goes to stderr
    expect((await json(['contacts', 'list', '--imported'])).total).toBe(2);
    // Indexed for search before the import command exited (read raw: opening the app would repair).
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM contacts_fts').pluck().get()).toBe(2);
    raw.close();

    const again = await json(['import', file]);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('reports a bad file with its name and exits 2', async () => {
    const bad = join(dir, 'broken.vcf');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const run = await cli(['import', bad, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.vcf/);
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
