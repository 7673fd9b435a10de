import { generateContacts, generateEvents } from '../../src/main/seed/synthetic-network.ts';
import type { Contact } from '../../src/shared/domain/contact.ts';

/** A plain `Contact` as the store returns it, for format writers that need no database. */
export function contactFixture(overrides: Partial<Contact> & { id: number; displayName: string }): Contact {
  return {
    firstName: null,
    lastName: null,
    emails: [],
    phones: [],
    links: [],
    company: null,
    title: null,
    location: null,
    timeZone: null,
    tags: [],
    notes: null,
    metOn: null,
    metEventId: null,
    metEventName: null,
    metWhere: null,
    howMet: null,
    discussed: null,
    interests: null,
    nextStep: null,
    nextStepDueOn: null,
    nextStepDoneAt: null,
    nextStepPromiseId: null,
    preferredChannel: null,
    pacing: null,
    urgent: false,
    cadenceDays: null,
    noResponseSince: null,
    archivedAt: null,
    reviewState: null,
    sources: [],
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-11-16T10:00:00.000Z',
    lastInteractionAt: null,
    ...overrides,
  };
}

/** A varied, realistic address book: accents, CJK, emoji, long notes, labelled multi-values, tags. */
export function realisticContacts(): Contact[] {
  const long = `Talked about the seed round; "quoted", commas, back\\slash. ${'Lorem ipsum dolor sit amet, consectetur. '.repeat(12)}`;
  return [
    contactFixture({
      id: 1,
      displayName: 'Zoë Ångström',
      firstName: 'Zoë',
      lastName: 'Ångström',
      company: 'Ångström Labs; AB',
      title: 'CTO, co-founder',
      location: 'Stockholm, Sweden',
      emails: [
        { value: 'zoe@angstrom.se', label: 'work' },
        { value: 'zoe.private@example.com', label: 'home' },
        { value: 'zoe@conf.example', label: 'Web Summit 2026' },
      ],
      phones: [
        { value: '+46 70 123 45 67', label: 'mobile' },
        { value: '+46 8 555 000', label: 'work fax' },
      ],
      links: [
        { url: 'https://www.linkedin.com/in/zoe-angstrom', label: 'LinkedIn' },
        { url: 'https://angstrom.se/team?a=1&b=2', label: null },
      ],
      // A tag ending in a backslash before a comma: the escape ical.js misreads (see vcard-write.test).
      tags: ['Investors', 'C:\\', 'Nordics', 'VIP ⭐'],
      notes: long,
      metOn: '2026-11-16',
      metEventName: 'Web Summit',
      howMet: 'Introduced by Siobhán at the speakers’ dinner',
      discussed: 'Seed round\nHiring in Lisbon',
      nextStep: 'Send the deck',
    }),
    contactFixture({
      id: 2,
      displayName: '山田 太郎',
      firstName: '太郎',
      lastName: '山田',
      company: '株式会社テスト',
      title: '部長',
      emails: [{ value: 'taro@example.jp', label: null }],
      phones: [{ value: '+81 3-1234-5678', label: '会社' }],
      tags: ['日本', 'Partners'],
      notes: `日本語のメモ。${'長い文章が折り返されます。'.repeat(20)}`,
      metWhere: '東京ビッグサイト',
    }),
    contactFixture({
      id: 3,
      displayName: 'José Álvarez 🎉',
      firstName: 'José',
      lastName: 'Álvarez',
      emails: [{ value: 'jose@example.es', label: 'other' }],
      links: [{ url: 'https://example.es/josé', label: 'Blog 📝' }],
      notes: `Emoji everywhere ${'😀🎉👩‍👩‍👧🇪🇸'.repeat(15)}`,
      interests: 'Flamenco, paella; football',
    }),
    contactFixture({ id: 4, displayName: "Siobhán O'Connor", firstName: 'Siobhán', lastName: "O'Connor" }),
    contactFixture({ id: 5, displayName: 'Prince' }),
    contactFixture({
      id: 6,
      displayName: 'Nguyễn Thị Minh Khai',
      firstName: 'Minh Khai',
      lastName: 'Nguyễn Thị',
      title: 'Giám đốc',
      phones: [
        { value: '+84 28 3829 1234', label: 'home' },
        { value: '+84 90 123 4567', label: 'cell' },
        { value: '(028) 555-0100 x12', label: 'Front desk, 2nd floor' },
      ],
      notes: 'Combining marks: e\u0301 a\u0308 n\u0303 — and a tab\there.',
    }),
  ];
}

/** The bench's synthetic network (seeded, so the same every run) as `Contact`s, for timing writers. */
export function syntheticContacts(count: number): Contact[] {
  const spec = { contacts: count, interactionsPerContact: 0, seed: 7, now: new Date('2026-11-16T10:00:00Z') };
  const events = generateEvents(spec);
  const contacts: Contact[] = [];
  for (const { draft, eventIndex } of generateContacts(spec, events)) {
    contacts.push(
      contactFixture({
        ...draft,
        id: contacts.length + 1,
        firstName: draft.firstName ?? null,
        lastName: draft.lastName ?? null,
        emails: draft.emails.map((e) => ({ value: e.value, label: e.label ?? null })),
        phones: draft.phones.map((p) => ({ value: p.value, label: p.label ?? null })),
        links: draft.links.map((l) => ({ url: l.url, label: l.label ?? null })),
        company: draft.company ?? null,
        title: draft.title ?? null,
        location: draft.location ?? null,
        timeZone: draft.timeZone ?? null,
        notes: draft.notes ?? null,
        metOn: draft.metOn ?? null,
        metWhere: draft.metWhere ?? null,
        metEventName: eventIndex === null ? null : (events[eventIndex]?.name ?? null),
        howMet: draft.howMet ?? null,
        discussed: draft.discussed ?? null,
        interests: draft.interests ?? null,
        nextStep: draft.nextStep ?? null,
        metEventId: null,
        preferredChannel: draft.preferredChannel ?? null,
        pacing: draft.pacing ?? null,
        urgent: draft.urgent ?? false,
        cadenceDays: draft.cadenceDays ?? null,
      }),
    );
  }
  return contacts;
}
