// The import service end to end on a real database: preview counts and reasons, the commit,
// idempotent re-import, all-or-nothing on failure, review state and the quiet Today.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repairSearchIndex } from '../../../src/main/store/search-index.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,12 Mar 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper-123,,US Navy,Rear Admiral,01 Feb 2023',
  'Linus,Pauling,https://www.linkedin.com/in/linus-p,linus@example.com,"Caltech, Pasadena",Chemist,05 Jan 2022',
  ',,,,,,03 Apr 2021',
  'Marie,Curie,https://www.linkedin.com/in/marie-curie,,Sorbonne,Physicist,20 Jun 2020',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.com,Analytical Engines,Mathematician,12 Mar 2024',
].join('\n');

let app: TempApp;
beforeEach(() => {
  app = openTempApp('2026-11-16T10:00:00Z', { timeZone: 'Europe/Berlin', phoneRegion: 'DE' });
});
afterEach(() => app.cleanup());

async function seedKnownPeople() {
  const grace = await app.api['contacts.create']({
    displayName: 'Grace Hopper',
    links: [{ url: 'https://de.linkedin.com/in/Grace-Hopper-123/?trk=abc' }],
  });
  const linus = await app.api['contacts.create']({
    displayName: 'L. Pauling',
    emails: [{ value: 'LINUS@example.com' }],
  });
  const marie = await app.api['contacts.create']({ displayName: 'Marie Curie', company: 'Sorbonne' });
  return { grace, linus, marie };
}

describe('import preview', () => {
  it('counts new, matched (with the reason), possible matches and problems with their line', async () => {
    const known = await seedKnownPeople();
    const preview = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    expect(preview.format).toBe('linkedin-csv');
    expect(preview.detected).toBe(true);
    expect(preview.counts).toMatchObject({ new: 1, matched: 3, review: 1 });
    const byLine = new Map(preview.matches.map((m) => [m.line, m]));
    expect(byLine.get(6)).toMatchObject({ reason: 'linkedin', contact: { id: known.grace.id } });
    expect(byLine.get(7)).toMatchObject({ reason: 'email', contact: { id: known.linus.id } });
    expect(byLine.get(7)?.adds).toEqual(expect.arrayContaining(['1 link', 'company', 'title']));
    // The same person twice in one file: the second row matches the first, in the file.
    expect(byLine.get(10)).toMatchObject({ reason: 'linkedin', inFileLine: 5 });
    expect(preview.review).toEqual([
      expect.objectContaining({
        line: 9,
        reason: 'name',
        contact: expect.objectContaining({ id: known.marie.id }),
      }),
    ]);
    expect(preview.problems.some((p) => p.line === 8 && p.file === 'Connections.csv')).toBe(true);
    // Nothing was written.
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(3);
  });

  it('refuses an empty file and a file in no known format with the file name in the message', async () => {
    await expect(app.api['imports.preview']({ fileName: 'empty.csv', content: '' })).rejects.toThrow(
      /empty\.csv/,
    );
    await expect(
      app.api['imports.preview']({ fileName: 'notes.txt', content: b64('just some words\nand more\n') }),
    ).rejects.toThrow(/notes\.txt/);
  });
});

describe('import commit', () => {
  it('writes the plan, records the source, leaves new people for review and Today quiet', async () => {
    const known = await seedKnownPeople();
    const todayBefore = await app.api['followups.today']({});
    const preview = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    const result = await app.api['imports.commit']({ previewId: preview.previewId });
    expect(result).toMatchObject({ created: 2, updated: 2, unchanged: 0, skipped: 1 });

    const imported = await app.api['contacts.list']({ status: 'imported' });
    expect(imported.items.map((c) => c.displayName).sort()).toEqual(['Ada Lovelace', 'Marie Curie']);
    const ada = await app.api['contacts.get']({
      id: imported.items.find((c) => c.displayName === 'Ada Lovelace')!.id,
    });
    expect(ada).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines',
      title: 'Mathematician',
      metOn: '2024-03-12',
      reviewState: 'imported',
      links: [{ url: 'https://www.linkedin.com/in/ada-lovelace', label: 'LinkedIn' }],
    });
    expect(ada.sources).toEqual([
      { fileName: 'Connections.csv', format: 'linkedin-csv', importedAt: '2026-11-16T10:00:00.000Z' },
    ]);

    // Matched people gain what they lacked and keep what the user wrote.
    const linus = await app.api['contacts.get']({ id: known.linus.id });
    expect(linus.displayName).toBe('L. Pauling');
    expect(linus.company).toBe('Caltech, Pasadena');
    expect(linus.emails).toEqual([{ value: 'linus@example.com', label: null }]);

    // Imports are not new meetings: no "met" follow-ups for 2 strangers from 2020.
    const todayAfter = await app.api['followups.today']({});
    expect(todayAfter).toEqual(todayBefore);
    expect((await app.api['followups.list']({})).length).toBe((await app.api['followups.list']({})).length);
  });

  it('adds nothing when the same file is imported again', async () => {
    await seedKnownPeople();
    const first = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    await app.api['imports.commit']({ previewId: first.previewId });
    const total = (await app.api['contacts.list']({ status: 'all' })).total;

    const again = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    expect(again.counts).toMatchObject({ new: 0, matched: 0, review: 0 });
    const result = await app.api['imports.commit']({ previewId: again.previewId });
    expect(result.created).toBe(0);
    expect(result.updated).toBe(0);
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(total);
  });

  it('merges a possible match only when the user ticks it', async () => {
    const { marie } = await seedKnownPeople();
    const preview = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    const result = await app.api['imports.commit']({ previewId: preview.previewId, mergeLines: [9] });
    expect(result.created).toBe(1);
    const merged = await app.api['contacts.get']({ id: marie.id });
    expect(merged.links.map((l) => l.url)).toEqual(['https://www.linkedin.com/in/marie-curie']);
    expect(merged.reviewState).toBeNull();
  });

  it('is all-or-nothing: a failure half-way leaves the database exactly as before', async () => {
    await seedKnownPeople();
    const before = app.context.db.prepare('SELECT count(*) AS n FROM contacts').get();
    const preview = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    // A real SQLite failure in the middle of the write (the second new contact).
    app.context.db.exec(
      `CREATE TEMP TRIGGER fail_import BEFORE INSERT ON contacts WHEN NEW.display_name = 'Marie Curie'
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    await expect(app.api['imports.commit']({ previewId: preview.previewId })).rejects.toThrow();
    app.context.db.exec('DROP TRIGGER fail_import');
    expect(app.context.db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual(before);
    expect(app.context.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect(app.context.db.prepare('SELECT count(*) AS n FROM contact_sources').get()).toEqual({ n: 0 });
    expect(app.context.db.inTransaction).toBe(false);
    // And the app still works.
    await app.api['contacts.create']({ displayName: 'After the failure' });
  });

  it('an expired or used preview cannot be committed', async () => {
    const preview = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    await app.api['imports.commit']({ previewId: preview.previewId });
    await expect(app.api['imports.commit']({ previewId: preview.previewId })).rejects.toThrow(
      /expired|already/,
    );
  });

  it('reviewing imported people starts their keep-in-touch cadence', async () => {
    await app.api['tags.update']({ name: 'Investors', cadenceDays: 30 }).catch(() => undefined);
    const csv = [
      'First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value',
      'Jo,,Bloggs,* myContacts ::: Investors,* Work,jo@example.com,Mobile,030 1234567',
    ].join('\n');
    const preview = await app.api['imports.preview']({ fileName: 'contacts.csv', content: b64(csv) });
    expect(preview.format).toBe('google-csv');
    await app.api['imports.commit']({ previewId: preview.previewId });
    const [jo] = (await app.api['contacts.list']({ status: 'imported' })).items;
    expect(jo?.tags).toEqual(['Investors']);
    await app.api['tags.update']({ name: 'Investors', cadenceDays: 30 });
    expect(await app.api['followups.list']({ contactId: jo!.id })).toEqual([]);
    await app.api['contacts.markReviewed']({ ids: [jo!.id] });
    const steps = await app.api['followups.list']({ contactId: jo!.id });
    expect(steps.map((s) => s.purpose)).toEqual(['check_in']);
  });

  it('matches phones by their E.164 form in the user region', async () => {
    const known = await app.api['contacts.create']({
      displayName: 'Jo B',
      phones: [{ value: '+49 30 1234567' }],
    });
    const csv = [
      'First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value',
      'Jo,,Bloggs,,,,Mobile,030 1234567',
    ].join('\n');
    const preview = await app.api['imports.preview']({ fileName: 'contacts.csv', content: b64(csv) });
    expect(preview.matches).toEqual([
      expect.objectContaining({ reason: 'phone', contact: expect.objectContaining({ id: known.id }) }),
    ]);
  });
});

describe('import progress and concurrency', () => {
  it('reports progress while matching and writing, and other calls wait for the write', async () => {
    const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 6000; i++)
      rows.push(`P${i},Q${i},https://www.linkedin.com/in/p${i},,Co,Role,01 Jan 2024`);
    const phases: string[] = [];
    let list: ReturnType<TempApp['api']['contacts.list']> | undefined;
    const stop = app.context.bus.subscribe((e) => {
      if (e.type !== 'progress') return;
      phases.push(`${e.phase}:${e.done}`);
      // Sent while the import holds the database: answered after it, and sees all of it.
      if (e.phase === 'writing' && e.done > 0)
        list ??= app.api['contacts.list']({ status: 'imported', limit: 1 });
    });
    const preview = await app.api['imports.preview']({ fileName: 'big.csv', content: b64(rows.join('\n')) });
    const result = await app.api['imports.commit']({ previewId: preview.previewId });
    const page = await list!;
    stop();
    expect(result.created).toBe(6000);
    expect(page.total).toBe(6000);
    expect(phases).toEqual(
      expect.arrayContaining(['matching:0', 'matching:2000', 'writing:0', 'writing:2500', 'done:6000']),
    );
  });
});

describe('search after an import', () => {
  it('finds imported people in the very next call, and a missing index is repaired on open', async () => {
    const preview = await app.api['imports.preview']({ fileName: 'Connections.csv', content: b64(LINKEDIN) });
    await app.api['imports.commit']({ previewId: preview.previewId });
    expect((await app.api['contacts.list']({ query: 'lovelace' })).items.map((c) => c.displayName)).toEqual([
      'Ada Lovelace',
    ]);

    // As if the app had died between the import's commit and its indexing.
    app.context.db.exec('DELETE FROM contacts_fts; DELETE FROM contacts_identity_fts;');
    expect(repairSearchIndex(app.context.db)).toBe(4);
    expect((await app.api['contacts.list']({ query: 'curie' })).total).toBe(1);
    expect(repairSearchIndex(app.context.db)).toBe(0);
  });
});

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '..', '..', 'fixtures', 'imports', name)).toString('base64');

describe('importer fidelity: a shared phone number is not the same person', () => {
  it('offers two people of one file who share a switchboard number for review instead of merging them', async () => {
    const preview = await app.api['imports.preview']({
      fileName: 'office.vcf',
      content: fixture('fidelity-shared-phone.vcf'),
    });
    expect(preview.counts).toMatchObject({ new: 1, matched: 1, review: 2 });
    // "Alice A" from her phone: the same number under a name that agrees with Alice Archer's.
    expect(preview.matches).toEqual([expect.objectContaining({ line: 19, reason: 'phone', inFileLine: 1 })]);
    // Bob, and the card with nothing but the number and "Front desk": possible matches only.
    expect(preview.review).toEqual([
      expect.objectContaining({ line: 10, name: 'Bob Baker', reason: 'phone', inFileLine: 1 }),
      expect.objectContaining({ line: 26, name: 'Front desk', reason: 'phone', inFileLine: 1 }),
    ]);
    const result = await app.api['imports.commit']({ previewId: preview.previewId });
    expect(result).toMatchObject({ created: 3 });
    const people = (await app.api['contacts.list']({ status: 'imported' })).items;
    const byName = new Map(people.map((c) => [c.displayName, c]));
    expect(byName.get('Alice Archer')).toMatchObject({ company: 'North Consulting', title: 'Partner' });
    expect(byName.get('Bob Baker')).toMatchObject({ company: 'South Partners' });
    expect(byName.has('Front desk')).toBe(true);
  });

  it('merges a ticked possible match into the earlier row it names', async () => {
    const preview = await app.api['imports.preview']({
      fileName: 'office.vcf',
      content: fixture('fidelity-shared-phone.vcf'),
    });
    const result = await app.api['imports.commit']({ previewId: preview.previewId, mergeLines: [26] });
    expect(result).toMatchObject({ created: 2 });
    const alice = (await app.api['contacts.list']({ query: 'archer' })).items[0];
    expect(alice).toMatchObject({ displayName: 'Alice Archer', company: 'North Consulting' });
  });

  it('offers someone known by the same number under another name for review, and merges under an agreeing one', async () => {
    const known = await app.api['contacts.create']({
      displayName: 'Alice Archer',
      company: 'North Consulting',
      phones: [{ value: '+1 415 555 0100' }],
    });
    const csv = [
      'First Name,Middle Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value',
      'Bob,,Baker,South Partners,,bob@south.example,Work,+1 415-555-0100',
      'alice,,ARCHER,,,,Mobile,+1 (415) 555 0100',
    ].join('\n');
    const preview = await app.api['imports.preview']({ fileName: 'contacts.csv', content: b64(csv) });
    expect(preview.review).toEqual([
      expect.objectContaining({
        line: 2,
        reason: 'phone',
        contact: expect.objectContaining({ id: known.id }),
      }),
    ]);
    expect(preview.matches).toEqual([
      expect.objectContaining({
        line: 3,
        reason: 'phone',
        contact: expect.objectContaining({ id: known.id }),
      }),
    ]);
    await app.api['imports.commit']({ previewId: preview.previewId });
    expect(await app.api['contacts.get']({ id: known.id })).toMatchObject({ company: 'North Consulting' });
    expect((await app.api['contacts.list']({ query: 'baker' })).items[0]).toMatchObject({
      company: 'South Partners',
    });
  });
});

describe('importer fidelity: names and numbers', () => {
  it('keeps an organisation card whole instead of splitting its name into first and last', async () => {
    const cards = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:ACME Inc.\r\nORG:ACME Inc.;\r\nX-ABShowAs:COMPANY\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Globex Corporation\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hank Scorpio\r\nEND:VCARD',
    ].join('\r\n');
    const preview = await app.api['imports.preview']({ fileName: 'orgs.vcf', content: b64(cards) });
    await app.api['imports.commit']({ previewId: preview.previewId });
    const people = (await app.api['contacts.list']({ status: 'imported' })).items;
    const get = async (name: string) =>
      app.api['contacts.get']({ id: people.find((c) => c.displayName === name)!.id });
    for (const org of ['ACME Inc.', 'Globex Corporation']) {
      expect(await get(org)).toMatchObject({ firstName: null, lastName: null, company: org });
    }
    // A person's name is still split for sorting and exports.
    expect(await get('Hank Scorpio')).toMatchObject({ firstName: 'Hank', lastName: 'Scorpio' });
  });

  it('imports every card of the odd-cards file, numbers with letters kept as written', async () => {
    const preview = await app.api['imports.preview']({
      fileName: 'odd.vcf',
      content: fixture('fidelity-odd-cards.vcf'),
    });
    expect(preview.counts).toMatchObject({ new: 5, problems: 0 });
    await app.api['imports.commit']({ previewId: preview.previewId });
    const fax = (await app.api['contacts.list']({ query: 'fax desk' })).items[0]!;
    expect((await app.api['contacts.get']({ id: fax.id })).phones.map((p) => p.value)).toEqual([
      '+1-800-MYFAX',
      '1-800-FLOWERS',
    ]);
  });

  it('matches a number written with keypad letters by its digits, and keeps the letters', async () => {
    const known = await app.api['contacts.create']({
      displayName: 'Flora Fleur',
      phones: [{ value: '+1-800-FLOWERS' }],
    });
    expect(known.phones).toEqual([{ value: '+1-800-FLOWERS', label: null }]);
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Flora Fleur\r\nTEL:+1 800 356 9377\r\nEND:VCARD\r\n';
    const preview = await app.api['imports.preview']({ fileName: 'f.vcf', content: b64(card) });
    expect(preview.matches).toEqual([
      expect.objectContaining({
        reason: 'phone',
        contact: expect.objectContaining({ id: known.id }),
        adds: [],
      }),
    ]);
  });
});

describe('merge-heavy imports', () => {
  it('gathers what many rows add to one person, phones in file order, notes filled once', async () => {
    const known = await app.api['contacts.create']({
      displayName: 'Kim Known',
      emails: [{ value: 'kim@example.com' }],
    });
    const cards: string[] = [];
    for (let i = 0; i < 30; i++) {
      const email = i % 2 === 0 ? 'kim@example.com' : 'new@example.com';
      const note = i === 5 ? ['NOTE:first note'] : i === 7 ? ['NOTE:second note'] : [];
      cards.push(
        ['BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i % 2}`, `EMAIL:${email}`, `TEL:+49 30 ${1000000 + i}`]
          .concat([`CATEGORIES:T${i % 3}`, ...note, 'END:VCARD'])
          .join('\r\n'),
      );
    }
    const preview = await app.api['imports.preview']({
      fileName: 'many.vcf',
      content: b64(cards.join('\r\n')),
    });
    expect(preview.counts).toMatchObject({ new: 1, matched: 29 });
    const result = await app.api['imports.commit']({ previewId: preview.previewId });
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const kim = await app.api['contacts.get']({ id: known.id });
    const phones = (from: number) => Array.from({ length: 15 }, (_, k) => `+49 30 ${1000000 + from + 2 * k}`);
    // 15 rows each: all their numbers fit under the cap of 20.
    expect(kim.phones.map((p) => p.value)).toEqual(phones(0));
    expect(kim.tags).toEqual(['T0', 'T1', 'T2']);
    const other = (await app.api['contacts.list']({ query: 'new@example.com' })).items[0]!;
    const full = await app.api['contacts.get']({ id: other.id });
    expect(full.phones.map((p) => p.value)).toEqual(phones(1));
    // The first note fills the empty notes; the second does not replace it.
    expect(full.notes).toBe('first note');
    // Again, nothing is left to add.
    const again = await app.api['imports.preview']({
      fileName: 'many.vcf',
      content: b64(cards.join('\r\n')),
    });
    expect(again.counts).toMatchObject({ new: 0, matched: 0, unchanged: 30 });
  });

  it('leaves known people it adds to findable by what it added, and plans the cadence of a tag it added', async () => {
    await app.api['contacts.create']({ displayName: 'Tag Holder', tags: ['Investors'] });
    await app.api['tags.update']({ name: 'Investors', cadenceDays: 30 });
    const kim = await app.api['contacts.create']({
      displayName: 'Kim Known',
      emails: [{ value: 'kim@example.com' }],
    });
    const lee = await app.api['contacts.create']({
      displayName: 'Lee Known',
      emails: [{ value: 'lee@example.com' }],
    });
    expect(await app.api['followups.list']({ contactId: kim.id })).toEqual([]);
    const cards = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Known\r\nEMAIL:kim@example.com\r\nCATEGORIES:Investors\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Known\r\nEMAIL:lee@example.com\r\nORG:Zephyr Labs\r\nEND:VCARD',
    ].join('\r\n');
    const preview = await app.api['imports.preview']({ fileName: 'known.vcf', content: b64(cards) });
    expect(await app.api['imports.commit']({ previewId: preview.previewId })).toMatchObject({ updated: 2 });
    expect((await app.api['contacts.list']({ query: 'zephyr' })).items.map((c) => c.id)).toEqual([lee.id]);
    expect((await app.api['followups.list']({ contactId: kim.id })).map((s) => s.purpose)).toEqual([
      'check_in',
    ]);
  });

  it('stops adding to a list at its cap without rewriting it for every further row', async () => {
    const phones = Array.from({ length: 20 }, (_, i) => ({ value: `+49 30 ${2000000 + i}` }));
    const known = await app.api['contacts.create']({
      displayName: 'Full Phones',
      emails: [{ value: 'f@example.com' }],
      phones,
    });
    const before = await app.api['contacts.get']({ id: known.id });
    app.setNow('2026-11-17T10:00:00Z');
    const card =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Full Phones\r\nEMAIL:f@example.com\r\nTEL:+49 30 9999999\r\nEND:VCARD\r\n';
    const preview = await app.api['imports.preview']({ fileName: 'full.vcf', content: b64(card) });
    expect(preview.matches[0]?.adds).toEqual([]);
    const result = await app.api['imports.commit']({ previewId: preview.previewId });
    expect(result).toMatchObject({ updated: 0, unchanged: 1 });
    const after = await app.api['contacts.get']({ id: known.id });
    expect(after.phones).toEqual(before.phones);
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});
