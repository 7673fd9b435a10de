// The vCard export checked by real address-book software from Debian (installed by .ci/run):
// khard reads every card from a folder, and a Radicale CardDAV server stores each one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactToVcard, contactUid } from '../../../src/main/formats/vcard-write.ts';
import type { Contact } from '../../../src/shared/domain/contact.ts';
import { realisticContacts } from '../../helpers/contact-fixture.ts';
import { ADDRESS_BOOK_MKCOL, type Radicale, startRadicale } from '../../helpers/radicale.ts';
import { requireTool } from '../../helpers/require-tool.ts';
import { tempDir } from '../../helpers/temp-app.ts';

let contacts: Contact[];
let dir: string;

beforeAll(() => {
  contacts = realisticContacts();
  dir = tempDir('followthrough-vcf-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('khard reads every exported card', () => {
  /** Runs khard on a folder of .vcf files, one card per file, with its own config and home. */
  function khard(cards: Record<string, string>, ...args: string[]) {
    requireTool('khard', 'khard');
    const book = tempDir('followthrough-khard-');
    for (const [name, vcf] of Object.entries(cards)) writeFileSync(join(book, name), vcf);
    const config = join(book, 'khard.conf');
    // skip_unparsable = no: one unreadable card fails the whole run (exit 1).
    writeFileSync(
      config,
      `[addressbooks]\n[[export]]\npath = ${book}\n[general]\neditor = true\nmerge_editor = true\n[contact table]\ndisplay = formatted_name\nsort = formatted_name\n[vcard]\npreferred_version = 3.0\nskip_unparsable = no\n`,
    );
    const env = { ...process.env, HOME: book, XDG_CONFIG_HOME: book, XDG_CACHE_HOME: book };
    const run = spawnSync('khard', ['-c', config, ...args], { encoding: 'utf8', env });
    rmSync(book, { recursive: true, force: true });
    return run;
  }
  const files = () => Object.fromEntries(contacts.map((c) => [`contact-${c.id}.vcf`, contactToVcard(c)]));

  it('lists every card by UID and formatted name', () => {
    const run = khard(files(), 'list', '--parsable');
    expect(run.status, run.stderr).toBe(0);
    const listed = run.stdout.trim().split('\n').sort();
    expect(listed).toEqual(contacts.map((c) => `${contactUid(c.id)}\t${c.displayName}\texport`).sort());
  });

  it('reads every e-mail and phone with its type or free-text label', () => {
    const emails = khard(files(), 'email', '--parsable', '--remove-first-line');
    expect(emails.status, emails.stderr).toBe(0);
    expect(emails.stdout).toContain('zoe@angstrom.se\tZoë Ångström\tINTERNET, WORK, pref\n');
    expect(emails.stdout).toContain('zoe@conf.example\tZoë Ångström\tWeb Summit 2026, INTERNET\n');
    const everyEmail = contacts.flatMap((c) => c.emails.map((e) => e.value)).sort();
    expect(
      emails.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0])
        .sort(),
    ).toEqual(everyEmail);

    const phones = khard(files(), 'phone', '--parsable');
    expect(phones.status, phones.stderr).toBe(0);
    expect(phones.stdout).toContain('+46 8 555 000\tZoë Ångström\tWORK, FAX\n');
    expect(phones.stdout).toContain('(028) 555-0100 x12\tNguyễn Thị Minh Khai\tFront desk, 2nd floor\n');
    expect(phones.stdout).toContain('+81 3-1234-5678\t山田 太郎\t会社\n');
    const everyPhone = contacts.flatMap((c) => c.phones.map((p) => p.value)).sort();
    expect(
      phones.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0])
        .sort(),
    ).toEqual(everyPhone);
  });

  it('reads escaped organisation, categories and the long folded note as written', () => {
    const run = khard(files(), 'show', '--format', 'yaml', 'contact-1@followthrough.app');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Organisation:\n  -   - Ångström Labs; AB\n');
    // The tag ending in a backslash, followed by a comma: the escape ical.js misreads.
    expect(run.stdout).toContain('Categories:\n  - Investors\n  - C:\\\n  - Nordics\n  - VIP ⭐\n');
    expect(run.stdout).toContain('Title: CTO, co-founder\n');
    expect(run.stdout).toMatch(/Note: "Talked about the seed round; \\"quoted\\", commas, back\\\\slash\./);
  });

  it('still fails on a badly folded card (so the check has teeth)', () => {
    const bad =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bad\r\nFN:Bad\r\nN:;Bad;;;\r\nNOTE:folded\r\nwithout a space\r\nEND:VCARD\r\n';
    const run = khard({ ...files(), 'bad.vcf': bad }, 'list', '--parsable');
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/bad\.vcf/);
  });
});

describe('Radicale (CardDAV) stores each card as its own address object', () => {
  let radicale: Radicale;
  let book: string;

  beforeAll(async () => {
    const data = join(dir, 'radicale-home');
    mkdirSync(data);
    radicale = await startRadicale(data);
    book = `${radicale.base}/test/contacts/`;
    // CardDAV address books are made with an extended MKCOL (RFC 5689) naming the resource type.
    const made = await fetch(book, {
      method: 'MKCOL',
      headers: { ...radicale.headers, 'content-type': 'application/xml; charset=utf-8' },
      body: ADDRESS_BOOK_MKCOL,
    });
    expect(made.status, await made.text()).toBe(201);
  });
  afterAll(() => {
    radicale?.stop();
  });

  const put = (name: string, vcf: string) =>
    fetch(`${book}${name}`, {
      method: 'PUT',
      headers: { ...radicale.headers, 'content-type': 'text/vcard; charset=utf-8' },
      body: vcf,
    });

  it('accepts every card PUT alone and serves it back', async () => {
    for (const contact of contacts) {
      const response = await put(`contact-${contact.id}.vcf`, contactToVcard(contact));
      expect(response.status, `${contact.displayName}: ${await response.text()}`).toBe(201);
    }
    const back = await fetch(`${book}contact-2.vcf`, { headers: radicale.headers });
    expect(back.status).toBe(200);
    const text = await back.text();
    expect(text).toContain('UID:contact-2@followthrough.app');
    expect(text).toContain('FN:山田 太郎');
  });

  it('refuses a card without a UID (so the check has teeth)', async () => {
    const noUid = contactToVcard(contacts[3] as Contact).replace(/UID:[^\r]*\r\n/, '');
    expect(noUid).not.toContain('UID');
    const response = await put('no-uid.vcf', noUid);
    expect(response.status).toBe(400);
  });
});
