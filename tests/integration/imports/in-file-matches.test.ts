// Rows of one file that name the same person: matched through the plan's own indexes (e-mails
// and LinkedIn profiles read back from the stored rows, not kept as keys), by any of a row's
// entries, the first row that holds a key winning.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');

const VCF = [
  card([
    'FN:Jo Bloggs',
    'EMAIL:jo@home.example',
    'EMAIL:jo@work.example',
    'URL:https://www.linkedin.com/in/jo-bloggs',
  ]),
  card(['FN:Sam Lee', 'EMAIL:sam@example.com', 'URL:https://example.com/sam']),
  // Jo's second e-mail, as this card's second.
  card(['FN:J. Bloggs', 'EMAIL:other@example.com', 'EMAIL:jo@work.example', 'TITLE:Editor']),
  // Jo's profile, written another way, behind a link that is no profile.
  card(['FN:Joanne Bloggs', 'URL:https://example.com/jo', 'URL:https://de.linkedin.com/in/Jo-Bloggs/?trk=x']),
  // Sam's e-mail: the first row holding it wins, not this one's own earlier match.
  card(['FN:Samuel Lee', 'EMAIL:sam@example.com', 'NOTE:met at the fair']),
].join('\r\n');

let app: TempApp;
beforeEach(() => {
  app = openTempApp('2026-11-16T10:00:00Z', { timeZone: 'Europe/Berlin', phoneRegion: 'DE' });
});
afterEach(() => app.cleanup());

describe('rows of one file that are one person', () => {
  it('match the earlier row by any of their e-mails or LinkedIn profiles, and merge into it', async () => {
    const preview = await app.api['imports.preview']({ fileName: 'people.vcf', content: b64(VCF) });
    expect(preview.counts).toMatchObject({ new: 2, matched: 3, review: 0 });
    const lines = new Map(preview.sampleNew.map((s) => [s.name, s.line]));
    const jo = lines.get('Jo Bloggs');
    const sam = lines.get('Sam Lee');
    expect(preview.matches.map((m) => [m.name, m.reason, m.inFileLine, m.contact.displayName])).toEqual([
      ['J. Bloggs', 'email', jo, 'Jo Bloggs'],
      ['Joanne Bloggs', 'linkedin', jo, 'Jo Bloggs'],
      ['Samuel Lee', 'email', sam, 'Sam Lee'],
    ]);

    const result = await app.api['imports.commit']({ previewId: preview.previewId, mergeLines: [] });
    expect(result).toMatchObject({ created: 2, updated: 0 });
    const list = await app.api['contacts.list']({ limit: 10 });
    expect(list.items.map((c) => c.displayName).sort()).toEqual(['Jo Bloggs', 'Sam Lee']);
  });
});
