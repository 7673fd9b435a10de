import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseCardLines } from '../../../../src/main/sync/contacts/card-lines.ts';
import { buildCard } from '../../../../src/main/sync/contacts/card-write.ts';
import { readCardFields } from '../../../../src/main/sync/contacts/synced-fields.ts';
import { mergeFields } from '../../../../src/main/sync/contacts/three-way.ts';
import { ADA_UID, ada, phoneCard } from './fields-fixture.ts';

const NOW = '2026-12-01T10:00:00.000Z';
const fresh = (fields = ada()) => buildCard(fields, { uid: ADA_UID, previous: null, now: NOW });
/** The fields as a card says them: what the base of the next merge is. */
const canonical = (fields = ada()) => readCardFields(fresh(fields)).fields;
const names = (card: string) =>
  parseCardLines(card).lines.map((l) => (l.group ? `${l.group}.${l.name}` : l.name));

describe('the card this app writes', () => {
  it('is a valid vCard 3.0 that ical.js reads, with the app fields as X-FOLLOWTHROUGH- properties', () => {
    const card = fresh();
    expect(() => ICAL.parse(card)).not.toThrow();
    expect(card).toContain('X-FOLLOWTHROUGH-VERSION:1\r\n');
    expect(card).toContain('X-FOLLOWTHROUGH-MET-WHERE:Web Summit\\, Lisbon\r\n');
    expect(card).toContain('X-FOLLOWTHROUGH-DISCUSSED:Difference engines\\; funding\r\n');
    expect(card).toContain('X-FOLLOWTHROUGH-NEXT-STEP-DUE:2026-12-04\r\n');
    expect(card).toContain('CATEGORIES:Conference,Math\r\n');
    expect(card).toContain(`UID:${ADA_UID}\r\n`);
    for (const line of card.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('reads back as it was written, and a second write of what was read changes nothing', () => {
    const once = canonical();
    expect(once).toMatchObject({ ...ada(), phones: [{ value: '+44 20 7946 0018', label: 'Mobile' }] });
    expect(readCardFields(fresh(once)).fields).toEqual(once);
  });

  it('gives N the whole name when the contact has no name parts (phones show N)', () => {
    const card = fresh(ada({ firstName: null, lastName: null }));
    expect(card).toContain('N:;Ada Lovelace;;;\r\n');
  });
});

describe('cards the phones write back', () => {
  it('iOS via iCloud: the phone edit is taken, the app fields survive, PHOTO and the rest are kept on PUT', () => {
    const base = canonical();
    const remote = readCardFields(phoneCard('ios-icloud-kept.vcf'));
    expect(remote.appFieldsKept).toBe(true);
    expect(remote.uid).toBe(ADA_UID);
    const out = mergeFields({ base, local: base, remote: remote.fields, remoteAppFieldsKept: true });
    expect(out.conflicts).toEqual([]);
    expect(out.localChanges.phones).toEqual([{ value: '+44 7700 900123', label: 'Mobile' }]);
    expect(out.local.discussed).toBe('Difference engines; funding');
    expect(out.local.nextStepDueOn).toBe('2026-12-04');
    expect(out.remote).toBeNull(); // the server already says all of it

    // A later change here rewrites only what changed and keeps the phone's lines in place.
    const local = { ...out.local, nextStep: 'Send the paper and the slides' };
    const again = mergeFields({
      base: remote.fields,
      local,
      remote: remote.fields,
      remoteAppFieldsKept: true,
    });
    const put = buildCard(again.remote!, {
      uid: remote.uid!,
      previous: phoneCard('ios-icloud-kept.vcf'),
      now: NOW,
    });
    expect(() => ICAL.parse(put)).not.toThrow();
    const kept = names(put);
    for (const name of [
      'PHOTO',
      'BDAY',
      'item3.X-ABDATE',
      'item3.X-ABLABEL',
      'item1.EMAIL',
      'item1.X-ABLABEL',
    ])
      expect(kept).toContain(name);
    expect(put).toContain('TEL;type=CELL;type=VOICE;type=pref:+44 7700 900123');
    expect(put).toContain('X-FOLLOWTHROUGH-NEXT-STEP:Send the paper and the slides');
    const read = readCardFields(put);
    expect(read.fields).toEqual(local);
    expect(read.uid).toBe(ADA_UID);
  });

  it('a client that dropped the X- properties: nothing is read as cleared, and the PUT puts them back', () => {
    const base = canonical();
    const remote = readCardFields(phoneCard('ios-dropped.vcf'));
    expect(remote.appFieldsKept).toBe(false);
    expect(remote.fields.discussed).toBeNull();
    const out = mergeFields({ base, local: base, remote: remote.fields, remoteAppFieldsKept: false });
    expect(out.conflicts).toEqual([]);
    expect(Object.keys(out.localChanges).sort()).toEqual(['emails', 'links', 'phones']);
    expect(out.local.discussed).toBe('Difference engines; funding');
    expect(out.remote).not.toBeNull();
    const put = buildCard(out.remote!, { uid: ADA_UID, previous: phoneCard('ios-dropped.vcf'), now: NOW });
    expect(names(put)).toEqual(expect.arrayContaining(['PHOTO', 'X-ABSHOWAS', 'X-FOLLOWTHROUGH-DISCUSSED']));
    expect(readCardFields(put)).toMatchObject({ appFieldsKept: true, fields: out.local });
  });

  it('a dropping client and an edit here of an app field: the edit here wins, no conflict', () => {
    const base = canonical();
    const local = { ...base, discussed: 'Funding only' };
    const remote = readCardFields(phoneCard('ios-dropped.vcf'));
    const out = mergeFields({ base, local, remote: remote.fields, remoteAppFieldsKept: false });
    expect(out.conflicts).toEqual([]);
    expect(out.remote?.discussed).toBe('Funding only');
  });

  it.each([
    ['davx5-v4.vcf', '4.0', ['PHOTO', 'NICKNAME', 'X-PHONETIC-LAST-NAME', 'X-SIP']],
    ['davx5-v3.vcf', '3.0', ['X-PHONETIC-LAST-NAME', 'davdroid1.TEL', 'davdroid1.X-ABLABEL']],
  ])('DAVx5 (%s): its edits merge, its version and own properties are kept', (file, version, own) => {
    const base = canonical();
    const remote = readCardFields(phoneCard(file));
    expect(remote.appFieldsKept).toBe(true);
    const local = { ...base, title: 'Countess of Lovelace' };
    const out = mergeFields({ base, local, remote: remote.fields, remoteAppFieldsKept: true });
    expect(out.conflicts).toEqual([]);
    expect(out.local.nextStep).toBe('Send the paper');
    expect(out.local.phones.length).toBeGreaterThan(1);
    const put = buildCard(out.remote!, { uid: ADA_UID, previous: phoneCard(file), now: NOW });
    expect(parseCardLines(put).version).toBe(version);
    expect(names(put)).toEqual(expect.arrayContaining(own));
    expect(put).toContain('TITLE:Countess of Lovelace');
    expect(readCardFields(put).fields).toEqual(out.local);
  });

  it('fresh item groups never take a number the kept lines hold', () => {
    const previous = phoneCard('ios-icloud-kept.vcf');
    const fields = readCardFields(previous).fields;
    const local = { ...fields, emails: [...fields.emails, { value: 'ada@work.example', label: 'Lab' }] };
    const put = buildCard(local, { uid: ADA_UID, previous, now: NOW });
    expect(put).toContain('item3.X-ABDATE');
    expect(put).toContain('item4.EMAIL;TYPE=INTERNET,PREF:ada@example.org');
    expect(put).toMatch(/item5\.EMAIL;TYPE=INTERNET:ada@work\.example\r\nitem5\.X-ABLabel:Lab/);
    expect(readCardFields(put).fields.emails.map((e) => e.value)).toEqual([
      'ada@example.org',
      'ada@work.example',
    ]);
  });
});
