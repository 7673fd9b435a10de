import {
  EMAIL_TYPES,
  escapeText,
  PHONE_TYPES,
  pushLabelled,
  revision,
  typed,
} from '../../formats/vcard-write.ts';
import { type CardLine, parseCardLines, rawValue, writeCardLines } from './card-lines.ts';
import {
  APP_MARKER,
  APP_MARKER_VALUE,
  APP_PROPERTIES,
  readCardFields,
  type SyncedField,
  type SyncedFields,
} from './synced-fields.ts';

const PRODID = '-//Followthrough//Followthrough CardDAV//EN';

/**
 * Which fields each part of a card holds. A part whose fields are the same on the server's card
 * and in what is to be written keeps the server's lines verbatim (their TYPE=iPhone, their
 * item groups, ORG's department, ADR's street): the app rewrites only what changed.
 */
const PARTS = {
  name: ['displayName', 'firstName', 'lastName'],
  company: ['company'],
  title: ['title'],
  location: ['location'],
  notes: ['notes'],
  emails: ['emails'],
  phones: ['phones'],
  links: ['links'],
  tags: ['tags'],
  app: [...APP_PROPERTIES.keys()],
} satisfies Record<string, SyncedField[]>;
type Part = keyof typeof PARTS;

const APP_NAMES = new Set<string>([...APP_PROPERTIES.values(), APP_MARKER]);

/** The part a server line belongs to; null for what the app does not own (kept as is). */
function partOf(line: CardLine, firstAdr: CardLine | undefined): Part | 'meta' | null {
  switch (line.name) {
    case 'FN':
    case 'N':
      return 'name';
    case 'ORG':
      return 'company';
    case 'TITLE':
      return 'title';
    case 'NOTE':
      return 'notes';
    case 'EMAIL':
      return 'emails';
    case 'TEL':
      return 'phones';
    case 'URL':
      return 'links';
    case 'CATEGORIES':
      return 'tags';
    // Only the first address is the app's location (formats/vcard.ts reads that one).
    case 'ADR':
      return line === firstAdr ? 'location' : null;
    case 'PRODID':
    case 'REV':
    case 'UID':
      return 'meta';
    case 'X-SOCIALPROFILE':
      // Apple's web profiles are the app's links; its x-apple: handles are not.
      return /^https?:/i.test(uriOf(line)) ? 'links' : null;
    default:
      return APP_NAMES.has(line.name) ? 'app' : null;
  }
}

const uriOf = (line: CardLine): string => rawValue(line).replace(/\\(.)/gs, '$1');

export interface CardOptions {
  /** The card's UID: the server's own when the card came from there, never changed. */
  uid: string;
  /** The server's card this replaces, whose other properties are kept; null for a new card. */
  previous: string | null;
  now: string;
}

/**
 * The vCard 3.0 to PUT for these fields. Built on the server's previous card when there is one:
 * every line the app does not own (PHOTO, X-ABShowAs, BDAY, IMPP, X-ABRELATEDNAMES, DAVx5's
 * X- properties, further addresses) is written back as it came, in its place, and the version
 * the card was written in is kept (DAVx5 may write 4.0; the lines written here read the same).
 */
export function buildCard(fields: SyncedFields, options: CardOptions): string {
  const previous = options.previous === null ? null : parseCardLines(options.previous);
  const before = options.previous === null ? null : readCardFields(options.previous).fields;
  const changed = (part: Part) =>
    before === null || PARTS[part].some((f) => JSON.stringify(before[f]) !== JSON.stringify(fields[f]));
  // Fresh item groups never reuse a number the kept lines hold (item3.X-ABDATE stays item3's).
  const item = { next: 1 };
  for (const line of previous?.lines ?? []) {
    const n = /^item(\d+)$/.exec(line.group ?? '')?.[1];
    if (n !== undefined) item.next = Math.max(item.next, Number(n) + 1);
  }
  const lines = [`PRODID:${PRODID}`, `UID:${escapeText(options.uid)}`];
  const written = new Set<Part>();
  const write = (part: Part, keptProfiles: ReadonlySet<string>) => {
    if (written.has(part)) return;
    written.add(part);
    lines.push(...freshLines(part, fields, item, keptProfiles));
  };
  const firstAdr = previous?.lines.find((l) => l.name === 'ADR');
  // Groups whose owned line is rewritten: their X-ABLabel goes with it.
  const rewrittenGroups = new Set<string>();
  for (const line of previous?.lines ?? []) {
    const part = partOf(line, firstAdr);
    if (part !== null && part !== 'meta' && changed(part) && line.group) rewrittenGroups.add(line.group);
  }
  const keptProfiles = new Set(
    (previous?.lines ?? [])
      .filter((l) => l.name === 'X-SOCIALPROFILE' && partOf(l, firstAdr) === 'links')
      .map(uriOf)
      .filter((url) => fields.links.some((link) => link.value === url)),
  );
  for (const line of previous?.lines ?? []) {
    const part = partOf(line, firstAdr);
    if (part === 'meta') continue;
    if (part === null) {
      if (line.name === 'X-ABLABEL' && line.group && rewrittenGroups.has(line.group)) continue;
      lines.push(line.text);
    } else if (!changed(part)) {
      lines.push(line.text);
    } else if (line.name === 'X-SOCIALPROFILE' && keptProfiles.has(uriOf(line))) {
      // A profile still in the links stays an X-SOCIALPROFILE, where iOS shows it.
      lines.push(line.text);
    } else {
      write(part, keptProfiles);
    }
  }
  for (const part of Object.keys(PARTS) as Part[]) if (changed(part)) write(part, keptProfiles);
  const rev = revision(options.now);
  if (rev) lines.push(`REV:${rev}`);
  return writeCardLines(previous?.version ?? '3.0', lines);
}

/** The app's lines for one part of the card. */
function freshLines(
  part: Part,
  fields: SyncedFields,
  item: { next: number },
  keptProfiles: ReadonlySet<string>,
): string[] {
  const lines: string[] = [];
  switch (part) {
    case 'name': {
      // With no name parts the whole name is the given name, as the export does (export-fields.ts):
      // phones build the name they show from N.
      const none = !fields.firstName && !fields.lastName;
      const first = none ? fields.displayName : (fields.firstName ?? '');
      lines.push(
        `FN:${escapeText(fields.displayName)}`,
        `N:${escapeText(fields.lastName ?? '')};${escapeText(first)};;;`,
      );
      break;
    }
    case 'company':
      if (fields.company) lines.push(`ORG:${escapeText(fields.company)}`);
      break;
    case 'title':
      if (fields.title) lines.push(`TITLE:${escapeText(fields.title)}`);
      break;
    case 'location':
      if (fields.location) lines.push(`ADR:;;;${escapeText(fields.location)};;;`);
      break;
    case 'notes':
      if (fields.notes) lines.push(`NOTE:${escapeText(fields.notes)}`);
      break;
    case 'emails':
      for (const [i, email] of fields.emails.entries()) {
        const typing = typed(['INTERNET'], EMAIL_TYPES, email.label, i === 0 && fields.emails.length > 1);
        pushLabelled(lines, item, 'EMAIL', typing, escapeText(email.value));
      }
      break;
    case 'phones':
      for (const [i, phone] of fields.phones.entries()) {
        const typing = typed([], PHONE_TYPES, phone.label, i === 0 && fields.phones.length > 1);
        pushLabelled(lines, item, 'TEL', typing, escapeText(phone.value));
      }
      break;
    case 'links':
      for (const link of fields.links) {
        if (keptProfiles.has(link.value)) continue;
        pushLabelled(lines, item, 'URL', { types: [], freeLabel: link.label }, link.value);
      }
      break;
    case 'tags':
      if (fields.tags.length) lines.push(`CATEGORIES:${fields.tags.map(escapeText).join(',')}`);
      break;
    case 'app':
      lines.push(`${APP_MARKER}:${APP_MARKER_VALUE}`);
      for (const [field, name] of APP_PROPERTIES) {
        const value = fields[field];
        if (value) lines.push(`${name}:${escapeText(value)}`);
      }
      break;
  }
  return lines;
}

/** Fields as a card says them, so the writer's and reader's spellings never look like edits. */
export function canonicalFields(fields: SyncedFields, now: string): SyncedFields {
  return readCardFields(buildCard(fields, { uid: 'canonical', previous: null, now })).fields;
}
