import ICAL from 'ical.js';
import { ContactBuilder, warning } from './contact-builder.ts';
import { formatPlace, joinName } from './field-text.ts';
import { type ImportedContact, ImportFileError, type ImportProblem, type ReadResult } from './record.ts';
import { type RawCard, splitCards, toRfcLine } from './vcard-lines.ts';
import { splitEscaped, unescapeText } from './vcard-text.ts';

const VCARD_3 = ICAL.design.getDesignSet('vcard3');
const VCARD_4 = ICAL.design.getDesignSet('vcard');

type Params = Record<string, unknown>;

interface Property {
  name: string;
  params: Params;
  /** As ical.js decoded them: used for TEL and URL only (see vcard-text.ts for the rest). */
  values: unknown[];
  /** The value as written (after toRfcLine), still escaped. */
  raw: string;
  line: number;
}

const propertyName = (text: string): string => /^[^;:]{0,40}/.exec(text)![0].toUpperCase();

/**
 * ical.js reads each content line on its own (rather than the whole card), so one property it
 * rejects costs that property, not the card, and every warning keeps its physical line. 4.0
 * values follow the 4.0 rules; 2.1 has been rewritten to 3.0 by toRfcLine. Text values are
 * decoded from `raw` by vcard-text.ts, which gets right what ical.js does not.
 */
function parseProperties(card: RawCard, b: ContactBuilder): Property[] {
  const design = card.version.startsWith('4') ? VCARD_4 : VCARD_3;
  const properties: Property[] = [];
  for (const { text, line } of card.lines) {
    try {
      const rfc = toRfcLine(text, card.version);
      const [name, params, , ...values] = ICAL.parse.property(rfc.line, design) as [
        string,
        Params,
        string,
        ...unknown[],
      ];
      properties.push({ name, params, values, raw: rfc.value, line });
    } catch {
      b.warn(propertyName(text), 'This line could not be read as a vCard property; it was ignored.', line);
    }
  }
  return properties;
}

const asText = (v: unknown): string =>
  Array.isArray(v) ? v.map(asText).join(' ') : v == null ? '' : String(v);

/** A TEL value as ical.js decoded it (phone-number and uri types, not text). */
const decodedValue = (p: Property): string => p.values.map(asText).join(',');

/**
 * A URL as written, without the backslashes Apple and Google put before its colons and commas
 * (`URL:http\://…`: they escape a URI like 3.0 text). ical.js keeps them, and no URL has a
 * backslash of its own (RFC 3986), so every one goes.
 */
const uriOf = (p: Property): string => (p.raw.includes('\\') ? p.raw.replace(/\\(.)/gs, '$1') : p.raw);

/**
 * A text property's text. An unescaped comma (3.0 lists several NOTE values that way) is kept:
 * the text as written.
 */
const textOf = (p: Property): string => unescapeText(p.raw);

/** The values of a comma list (CATEGORIES, a component of N or ADR). */
const listOf = (raw: string): string[] => splitEscaped(raw, ',').map(unescapeText);

/**
 * Component `i` of a structured value (N, ORG, ADR). In N and ADR each component is itself a
 * comma list (RFC 2426 §3.1.2, §3.2.1: "John,Johnny" given names): its values joined by spaces.
 */
function component(p: Property, i: number): string {
  const part = splitEscaped(p.raw, ';')[i];
  if (part === undefined) return '';
  return p.name === 'org' ? unescapeText(part) : listOf(part).join(' ');
}

const typesOf = (p: Property): string[] =>
  [p.params.type]
    .flat()
    .flatMap((t) => (typeof t === 'string' ? t.toLowerCase().split(',') : []))
    .map((t) => t.trim());

/**
 * TYPE values as labels, named like the Outlook and Google readers' labels. A Map, not an object
 * literal: a label read from a file ("constructor") must never find Object.prototype's members.
 */
const TYPE_LABELS = new Map<string, string>(
  Object.entries({
    cell: 'Mobile',
    mobile: 'Mobile',
    iphone: 'iPhone',
    main: 'Main',
    home: 'Home',
    work: 'Work',
    other: 'Other',
    pager: 'Pager',
    car: 'Car',
    fax: 'Fax',
    linkedin: 'LinkedIn',
  }),
);
/** Types that say how, not which: never a label. */
const NOT_A_LABEL = new Set([
  'pref',
  'internet',
  'voice',
  'x400',
  'text',
  'msg',
  'video',
  'bbs',
  'modem',
  'isdn',
  'pcs',
  'dom',
  'intl',
  'postal',
  'parcel',
  '',
]);

function typeLabel(types: string[]): string | null {
  const kinds = types.filter((t) => !NOT_A_LABEL.has(t));
  if (kinds.includes('fax')) {
    const where = kinds.find((t) => t === 'home' || t === 'work');
    return where ? `${TYPE_LABELS.get(where)} fax` : 'Fax';
  }
  const t = kinds[0]?.replace(/^x-/, '');
  if (!t) return null;
  return TYPE_LABELS.get(t) ?? t.charAt(0).toUpperCase() + t.slice(1);
}

/** Apple's built-in labels are keys like "_$!<Other>!$_"; custom ones are plain text. */
const APPLE_LABEL = /^_\$!<(.*)>!\$_$/;
const APPLE_LABELS = new Map<string, string>(
  Object.entries({
    HomePage: 'Home page',
    HomeFAX: 'Home fax',
    WorkFAX: 'Work fax',
    OtherFAX: 'Other fax',
  }),
);

function abLabel(value: string): string {
  const key = APPLE_LABEL.exec(value.trim())?.[1];
  return key === undefined ? value.trim() : (APPLE_LABELS.get(key) ?? key);
}

/** Google's system groups, which its vCards list in CATEGORIES next to the user's labels. */
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'starred']);
const IS_GROUP_KIND = new Set(['x-addressbookserver-kind', 'kind']);
/** Apple's "show as company" and 4.0's KIND:org: the card is an organisation's, not a person's. */
const isOrganisationCard = (p: Property): boolean =>
  (p.name === 'kind' && textOf(p).trim().toLowerCase() === 'org') ||
  (p.name === 'x-abshowas' && textOf(p).trim().toLowerCase() === 'company');
const HTTP = /^https?:\/\//i;

/**
 * ADR is pobox;extended;street;locality;region;code;country; 4.0 may carry a LABEL. City, region
 * and country when the card has them; else the label, else the other parts on one line: Google
 * writes a whole address into the extended part, and a street alone still says where.
 */
function placeOf(p: Property): string | null {
  const place = [component(p, 3), component(p, 4), component(p, 6)];
  if (typeof p.params.label === 'string') return formatPlace(place, p.params.label);
  // Commas in these parts are the address's own (not always escaped), not a list to join.
  const part = (i: number) => listOf(splitEscaped(p.raw, ';')[i] ?? '').join(', ');
  return formatPlace(place, [part(2), part(1), part(0)].join('\n'));
}

/** A contact, null when the card had nothing to recognise the person by, 'group' for a group card. */
function readCard(card: RawCard, problems: ImportProblem[]): ImportedContact | 'group' | null {
  const b = new ContactBuilder(card.line, problems);
  const properties = parseProperties(card, b);
  // Apple exports its groups as cards; they are lists of members, not people.
  if (properties.some((p) => IS_GROUP_KIND.has(p.name) && textOf(p).trim().toLowerCase() === 'group')) {
    return 'group';
  }
  // item1.EMAIL + item1.X-ABLabel: the label belongs to every property of the group.
  const groupLabels = new Map<string, string>();
  for (const p of properties) {
    if (p.name === 'x-ablabel' && typeof p.params.group === 'string') {
      groupLabels.set(p.params.group.toLowerCase(), abLabel(textOf(p)));
    }
  }
  const labelOf = (p: Property) =>
    (typeof p.params.group === 'string' ? groupLabels.get(p.params.group.toLowerCase()) : undefined) ??
    typeLabel(typesOf(p));

  let nameFromN: { name: string | null; line: number } | null = null;
  let nickname: Property | null = null;
  let role: Property | null = null;
  const notes: Property[] = [];
  for (const p of properties) {
    switch (p.name) {
      case 'fn':
        b.set('displayName', textOf(p), 'FN', p.line);
        break;
      case 'n':
        // N is family;given;additional;prefix;suffix.
        b.set('lastName', component(p, 0), 'N', p.line);
        b.set('firstName', component(p, 1), 'N', p.line);
        nameFromN = {
          name: joinName(component(p, 1), component(p, 2), component(p, 0), component(p, 4)),
          line: p.line,
        };
        break;
      case 'org':
        // ORG is Company;Department;...: the company is the first component.
        b.set('company', component(p, 0), 'ORG', p.line);
        break;
      case 'title':
        b.set('title', textOf(p), 'TITLE', p.line);
        break;
      case 'role':
        role ??= p;
        break;
      case 'nickname':
        nickname ??= p;
        break;
      case 'note':
        notes.push(p);
        break;
      case 'email':
        b.email(textOf(p), labelOf(p), 'EMAIL', p.line);
        break;
      case 'tel':
        b.phone(decodedValue(p), labelOf(p), 'TEL', p.line);
        break;
      case 'url':
        b.link(uriOf(p), labelOf(p), 'URL', p.line);
        break;
      case 'x-socialprofile':
        // Apple also writes non-web handles here (x-apple:...); only web profiles are links.
        if (HTTP.test(uriOf(p))) b.link(uriOf(p), labelOf(p), 'X-SOCIALPROFILE', p.line);
        break;
      case 'categories':
        b.tags(
          listOf(p.raw).filter((c) => !GOOGLE_SYSTEM_GROUPS.has(c.trim().toLowerCase())),
          'CATEGORIES',
          p.line,
        );
        break;
      case 'adr':
        if (!b.get('location')) b.set('location', placeOf(p), 'ADR', p.line);
        break;
      case 'uid':
        b.uid(textOf(p), 'UID', p.line);
        break;
    }
  }
  if (!b.get('displayName') && nameFromN) b.set('displayName', nameFromN.name, 'N', nameFromN.line);
  // A card with only a nickname ("Mum", "Coach") names the person by it.
  if (!b.get('displayName') && nickname)
    b.set('displayName', listOf(nickname.raw)[0], 'NICKNAME', nickname.line);
  // An organisation is its own company: the import then keeps its name whole (plan.ts).
  if (!b.get('company') && properties.some(isOrganisationCard)) {
    b.set('company', b.get('displayName'), 'FN');
  }
  if (!b.get('title') && role) b.set('title', textOf(role), 'ROLE', role.line);
  if (notes.length > 0) b.set('notes', notes.map(textOf).join('\n\n'), 'NOTE', notes[0]!.line);
  if (!b.hasContent()) {
    problems.push(
      warning(card.line, null, 'This card has no name, company, e-mail, phone or link; skipped.'),
    );
    return null;
  }
  return b.build();
}

export function readVcard(text: string): ReadResult {
  const split = splitCards(text);
  if (split.seen === 0) throw new ImportFileError('This is not a vCard file: it has no BEGIN:VCARD line.');
  const problems = split.problems;
  const records: ImportedContact[] = [];
  let groups = 0;
  for (const card of split.cards) {
    const record = readCard(card, problems);
    if (record === 'group') groups++;
    else if (record) records.push(record);
  }
  return { records, problems, rows: split.seen - groups };
}
