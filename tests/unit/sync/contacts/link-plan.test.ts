import { describe, expect, it } from 'vitest';
import { companyKey, fuzzyKey } from '../../../../src/main/imports/identity.ts';
import type { KnownContacts } from '../../../../src/main/imports/known-contacts.ts';
import type { NameRow } from '../../../../src/main/store/imports-store.ts';
import { planFirstLink, type ServerCard } from '../../../../src/main/sync/contacts/link-plan.ts';
import { ada } from './fields-fixture.ts';

interface Person {
  id: number;
  name: string;
  company?: string;
  emails?: string[];
  phones?: string[];
  linkedin?: string[];
}

/** The address book's keys as loadKnownContacts builds them (phones as E.164). */
function known(people: Person[]): KnownContacts {
  const add = (map: Map<string, number[]>, key: string, id: number) =>
    map.set(key, [...(map.get(key) ?? []), id]);
  const k: KnownContacts = {
    byEmail: new Map(),
    byPhone: new Map(),
    byLinkedin: new Map(),
    byName: new Map(),
    rows: new Map(),
  };
  for (const p of people) {
    const row: NameRow = {
      id: p.id,
      displayName: p.name,
      company: p.company ?? null,
      title: null,
      archived: 0,
    };
    k.rows.set(p.id, row);
    for (const e of p.emails ?? []) add(k.byEmail, e, p.id);
    for (const ph of p.phones ?? []) add(k.byPhone, ph, p.id);
    for (const l of p.linkedin ?? []) add(k.byLinkedin, l, p.id);
    const key = fuzzyKey(p.name);
    if (key) k.byName.set(key, [...(k.byName.get(key) ?? []), { row, company: companyKey(p.company) }]);
  }
  return k;
}

const card = (
  href: string,
  overrides: Parameters<typeof ada>[0] = {},
  uid: string | null = null,
): ServerCard => ({
  href,
  uid,
  fields: ada({ emails: [], phones: [], links: [], company: null, ...overrides }),
});

describe('first link: server cards to contacts here', () => {
  const book = known([
    { id: 1, name: 'Ada Lovelace', emails: ['ada@example.org'] },
    { id: 2, name: 'Charles Babbage', phones: ['+442079460018'] },
    { id: 3, name: 'Grace Hopper', linkedin: ['linkedin.com/in/grace'] },
    { id: 4, name: 'Alan Turing', company: 'Bletchley' },
    { id: 5, name: 'Reception', phones: ['+442079460999'] },
    { id: 6, name: 'Nobody Matched' },
  ]);

  it('links by UID, e-mail, phone under an agreeing name and LinkedIn; reviews name and a bare phone', () => {
    const plan = planFirstLink(
      [
        card('/a.vcf', { displayName: 'Ada King' }, 'contact-4@followthrough.app'), // id 4 is Alan: the UID is another database's
        card('/b.vcf', { displayName: 'ada lovelace', emails: [{ value: 'ADA@example.org', label: null }] }),
        card('/c.vcf', {
          displayName: 'Babbage, Charles',
          phones: [{ value: '020 7946 0018', label: null }],
        }),
        card('/d.vcf', {
          displayName: 'G. Hopper',
          links: [{ value: 'https://de.linkedin.com/in/Grace/', label: null }],
        }),
        card('/e.vcf', { displayName: 'Alan Turing', company: 'Bletchley Ltd' }),
        card('/f.vcf', { displayName: 'Jo Bloggs', phones: [{ value: '+44 20 7946 0999', label: null }] }),
        card('/g.vcf', { displayName: 'Someone New' }),
        card('/h.vcf', { displayName: 'Alan Turing' }, 'contact-4@followthrough.app'),
      ],
      book,
      [1, 2, 3, 4, 5, 6],
      'GB',
    );
    expect(plan.cards).toEqual([
      { href: '/a.vcf', action: 'create-here' },
      { href: '/b.vcf', action: 'link', contactId: 1, reason: 'email' },
      { href: '/c.vcf', action: 'link', contactId: 2, reason: 'phone' },
      { href: '/d.vcf', action: 'link', contactId: 3, reason: 'linkedin' },
      { href: '/e.vcf', action: 'review', contactId: 4, reason: 'name' },
      { href: '/f.vcf', action: 'review', contactId: 5, reason: 'phone' },
      { href: '/g.vcf', action: 'create-here' },
      // A strong key still links though a weaker card offered Alan for review: the user settles /e.
      { href: '/h.vcf', action: 'link', contactId: 4, reason: 'uid' },
    ]);
    // Only the unmatched contact goes to the server; those under review wait for the user.
    expect(plan.createThere).toEqual([6]);
  });

  it('never links two cards to one contact: the second is offered for review', () => {
    const plan = planFirstLink(
      [
        card('/1.vcf', { emails: [{ value: 'ada@example.org', label: null }] }),
        card('/2.vcf', { emails: [{ value: 'ada@example.org', label: null }] }),
      ],
      book,
      [1],
      'GB',
    );
    expect(plan.cards.map((c) => c.action)).toEqual(['link', 'review']);
    expect(plan.createThere).toEqual([]);
  });
});
