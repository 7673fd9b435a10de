// The app's exports imported again through the real import service and database: into the
// address book they came from (everyone recognised, nothing added, twice) and into a fresh one
// (everyone new, field by field as exported).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactNote } from '../../../src/main/formats/export-fields.ts';
import type { Contact, ContactDraft } from '../../../src/shared/domain/contact.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const SETTINGS = { timeZone: 'Europe/Berlin', phoneRegion: 'DE' } as const;
const NOW = '2026-11-16T10:00:00Z';

/** People with and without the keys imports match on, and the characters exports must escape. */
const PEOPLE: ContactDraft[] = [
  {
    displayName: 'Zoë Ångström',
    firstName: 'Zoë',
    lastName: 'Ångström',
    company: 'Ångström Labs; AB',
    title: 'CTO, co-founder',
    location: 'Stockholm, Sweden',
    emails: [
      { value: 'zoe@angstrom.se', label: 'work' },
      { value: 'zoe@conf.example', label: 'Web Summit, 2026' },
    ],
    phones: [{ value: '+46 70 123 45 67', label: 'mobile' }],
    links: [{ url: 'https://www.linkedin.com/in/zoe-angstrom', label: 'LinkedIn' }],
    tags: ['Investors', 'C:\\', 'VIP ⭐'],
    notes: 'Seed round; "quoted", back\\slash.\nSecond line.',
    metOn: '2026-11-10',
    metWhere: 'Web Summit',
    nextStep: 'Send the deck',
  },
  // Phone only, family name first.
  {
    displayName: '山田 太郎',
    firstName: '太郎',
    lastName: '山田',
    company: '株式会社テスト',
    phones: [{ value: '+81 3-1234-5678', label: '会社' }],
    tags: ['日本'],
  },
  // LinkedIn only, a display name the parts do not make.
  {
    displayName: 'José Álvarez 🎉',
    firstName: 'José',
    lastName: 'Álvarez',
    links: [
      { url: 'https://www.linkedin.com/in/jose-alvarez', label: null },
      { url: 'https://example.es/blog', label: 'Blog 📝' },
    ],
    interests: 'Flamenco, paella; football',
  },
  // Nothing to match on but the name (and the exported UID).
  { displayName: "Siobhán O'Connor", company: 'Acme, Inc.', howMet: 'Introduced by Zoë' },
  { displayName: 'Prince' },
  { displayName: 'Dr. Sam Lee; PhD', firstName: 'Sam', lastName: 'Lee', tags: ['Ends with\\', 'two words'] },
];

async function createPeople(app: TempApp): Promise<Contact[]> {
  const created: Contact[] = [];
  for (const draft of PEOPLE) created.push(await app.api['contacts.create'](draft));
  return created;
}

/** What a contact reads as in any export: everything but the bookkeeping that changes on import. */
function comparable(c: Contact) {
  const { sources: _sources, updatedAt: _updatedAt, ...rest } = c;
  return rest;
}

let app: TempApp;
let fresh: TempApp | null = null;
beforeEach(() => {
  app = openTempApp(NOW, SETTINGS);
});
afterEach(() => {
  app.cleanup();
  fresh?.cleanup();
  fresh = null;
});

describe('a vCard export imported into the address book it came from', () => {
  it('matches everyone by the exported UID, adds nothing, and a second import is all unchanged', async () => {
    const people = await createPeople(app);
    const before = await Promise.all(people.map((p) => app.api['contacts.get']({ id: p.id })));
    const file = await app.api['data.export']({ format: 'vcard' });
    expect(file.count).toBe(PEOPLE.length);

    const preview = await app.api['imports.preview']({ fileName: file.fileName, content: b64(file.content) });
    expect(preview.format).toBe('vcard');
    expect(preview.counts).toEqual({ new: 0, matched: PEOPLE.length, review: 0, unchanged: 0, problems: 0 });
    expect(preview.problems).toEqual([]);
    // (The export lists people by name, not by id.)
    expect(
      preview.matches
        .map((m) => ({ name: m.name, reason: m.reason, id: m.contact.id, adds: m.adds }))
        .sort((x, y) => x.id - y.id),
    ).toEqual(people.map((p) => ({ name: p.displayName, reason: 'uid', id: p.id, adds: [] })));

    const result = await app.api['imports.commit']({ previewId: preview.previewId });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: PEOPLE.length, skipped: 0 });
    const after = await Promise.all(people.map((p) => app.api['contacts.get']({ id: p.id })));
    expect(after.map(comparable)).toEqual(before.map(comparable));
    // The follow-up context the export put in NOTE did not become notes of people without notes.
    expect(after.find((c) => c.displayName === "Siobhán O'Connor")?.notes).toBeNull();

    const again = await app.api['imports.preview']({ fileName: file.fileName, content: b64(file.content) });
    expect(again.counts).toEqual({ new: 0, matched: 0, review: 0, unchanged: PEOPLE.length, problems: 0 });
    const second = await app.api['imports.commit']({ previewId: again.previewId });
    expect(second).toMatchObject({ created: 0, updated: 0 });
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(PEOPLE.length);
  });

  it('without UIDs (Google CSV) matches by e-mail, phone and LinkedIn, and offers the rest by name', async () => {
    const people = await createPeople(app);
    const file = await app.api['data.export']({ format: 'csv' });
    const preview = await app.api['imports.preview']({ fileName: file.fileName, content: b64(file.content) });
    expect(preview.format).toBe('google-csv');
    const byName = (list: typeof preview.matches) =>
      Object.fromEntries(list.map((m) => [m.name, [m.reason, m.contact.id]]));
    const id = (name: string) => people.find((p) => p.displayName === name)?.id;
    expect(byName(preview.matches)).toEqual({
      'Zoë Ångström': ['email', id('Zoë Ångström')],
      '山田 太郎': ['phone', id('山田 太郎')],
      'José Álvarez 🎉': ['linkedin', id('José Álvarez 🎉')],
    });
    // A single word ("Prince") says too little even for a suggestion: it would be new.
    expect(byName(preview.review)).toEqual({
      "Siobhán O'Connor": ['name', id("Siobhán O'Connor")],
      'Dr. Sam Lee; PhD': ['name', id('Dr. Sam Lee; PhD')],
    });
    expect(preview.counts).toMatchObject({ new: 1, matched: 3, review: 2, problems: 0 });
    expect(preview.matches.every((m) => m.adds.length === 0)).toBe(true);
  });

  it('does not take a card exported from another database for the contact with the same id', async () => {
    const [zoe] = await createPeople(app);
    const file = await app.api['data.export']({ format: 'vcard', contactIds: [zoe!.id] });
    fresh = openTempApp(NOW, SETTINGS);
    const stranger = await fresh.api['contacts.create']({ displayName: 'Somebody Else' });
    expect(stranger.id).toBe(zoe!.id);
    const preview = await fresh.api['imports.preview']({
      fileName: file.fileName,
      content: b64(file.content),
    });
    expect(preview.counts).toMatchObject({ new: 1, matched: 0, review: 0 });
  });
});

describe.each(['vcard', 'csv'] as const)('a %s export imported into a fresh address book', (format) => {
  it('creates everyone, field by field as exported', async () => {
    const people = await createPeople(app);
    const file = await app.api['data.export']({ format });
    fresh = openTempApp(NOW, SETTINGS);
    const preview = await fresh.api['imports.preview']({
      fileName: file.fileName,
      content: b64(file.content),
    });
    expect(preview.format).toBe(format === 'vcard' ? 'vcard' : 'google-csv');
    expect(preview.counts).toEqual({ new: PEOPLE.length, matched: 0, review: 0, unchanged: 0, problems: 0 });
    const result = await fresh.api['imports.commit']({ previewId: preview.previewId });
    expect(result).toMatchObject({ created: PEOPLE.length, updated: 0, skipped: 0 });

    const imported = await fresh.api['contacts.list']({ status: 'imported', limit: 100 });
    expect(imported.total).toBe(PEOPLE.length);
    const back = await Promise.all(imported.items.map((c) => fresh!.api['contacts.get']({ id: c.id })));
    // vCard spells the labels it has TYPE values for its own way ("Work", "Mobile").
    const label = (l: string | null) => l?.toLowerCase() ?? null;
    for (const original of people) {
      const copy = back.find((c) => c.displayName === original.displayName);
      expect(copy, original.displayName).toBeDefined();
      expect({
        displayName: copy!.displayName,
        firstName: copy!.firstName,
        lastName: copy!.lastName,
        company: copy!.company,
        title: copy!.title,
        location: copy!.location,
        emails: copy!.emails.map((e) => ({ value: e.value, label: label(e.label) })),
        phones: copy!.phones.map((p) => ({ value: p.value, label: label(p.label) })),
        links: copy!.links,
        tags: copy!.tags,
        // The exported note: the user's notes, then the follow-up context, which has no field
        // of its own in either format.
        notes: copy!.notes,
        reviewState: copy!.reviewState,
      }).toEqual({
        displayName: original.displayName,
        firstName: original.firstName,
        lastName: original.lastName,
        company: original.company,
        title: original.title,
        location: original.location,
        emails: original.emails.map((e) => ({ value: e.value, label: label(e.label) })),
        phones: original.phones.map((p) => ({ value: p.value, label: label(p.label) })),
        links: original.links,
        tags: original.tags,
        notes: contactNote(original),
        reviewState: 'imported',
      });
      // What neither format carries: the context stays in the note, not in its fields.
      expect([copy!.metOn, copy!.metWhere, copy!.howMet, copy!.nextStep]).toEqual([null, null, null, null]);
    }
  });
});
