import type { HeaderSignature } from './csv-header.ts';
import { cellAt, columnIndex, type RowFill } from './csv-table.ts';
import { formatPlace, joinName } from './field-text.ts';

/** Current export (2023 on): "First Name,Middle Name,Last Name,...,Labels,E-mail 1 - Label,...". */
export const GOOGLE_HEADER: HeaderSignature = {
  required: ['First Name', 'Last Name'],
  oneOf: ['Labels', 'Organization Name', 'File As', 'Phonetic First Name'],
};
/**
 * Legacy export: "Name,Given Name,Additional Name,Family Name,...,Group Membership,E-mail 1 - Type,...".
 * Given and Family Name are what no other format has; the rest are optional (a contact list with
 * no groups has no Group Membership column), so any one of them confirms the layout.
 */
export const GOOGLE_LEGACY_HEADER: HeaderSignature = {
  required: ['Given Name', 'Family Name'],
  oneOf: ['Name', 'Additional Name', 'Group Membership', 'E-mail 1 - Type', 'Phone 1 - Type'],
};

/**
 * When the user names a Google format, the columns every export of it has are enough: the oneOf
 * lists above only tell Google from Outlook (current) or confirm the layout (legacy) for detection.
 */
export const GOOGLE_CHOSEN_HEADER: HeaderSignature = { required: GOOGLE_HEADER.required };
export const GOOGLE_LEGACY_CHOSEN_HEADER: HeaderSignature = { required: GOOGLE_LEGACY_HEADER.required };

/** Where each field lives in one of the two layouts; lists are tried in order. */
interface Layout {
  formatted: string[];
  /** Google's "File as": see displayName below. */
  fileAs: string | null;
  first: string;
  middle: string;
  last: string;
  suffix: string;
  nickname: string;
  company: string[];
  title: string[];
  notes: string;
  groups: string;
}

const CURRENT: Layout = {
  formatted: [],
  fileAs: 'File As',
  first: 'First Name',
  middle: 'Middle Name',
  last: 'Last Name',
  suffix: 'Name Suffix',
  nickname: 'Nickname',
  company: ['Organization Name', 'Organization 1 - Name'],
  title: ['Organization Title', 'Organization 1 - Title'],
  notes: 'Notes',
  groups: 'Labels',
};

const LEGACY: Layout = {
  formatted: ['Name'],
  // The legacy layout has a formatted "Name" column instead.
  fileAs: null,
  first: 'Given Name',
  middle: 'Additional Name',
  last: 'Family Name',
  suffix: 'Name Suffix',
  nickname: 'Nickname',
  company: ['Organization 1 - Name'],
  title: ['Organization 1 - Title'],
  notes: 'Notes',
  groups: 'Group Membership',
};

/** Google joins several values of one cell (two e-mails under one label) with " ::: ". */
const MULTI_VALUE = ':::';
/** "E-mail 2 - Value", "Phone 1 - Label" (current) or "- Type" (legacy), "Address 1 - Formatted". */
const NUMBERED_COLUMN =
  /^(E-mail|Phone|Website|Address) (\d+) - (Label|Type|Value|Formatted|City|Region|Country)$/i;

type Kind = 'e-mail' | 'phone' | 'website' | 'address';
type Part = 'label' | 'value' | 'formatted' | 'city' | 'region' | 'country';

/** One numbered group of columns ("Phone 2 - ..."), as indexes into the row. */
interface Group {
  kind: Kind;
  column: string;
  parts: Partial<Record<Part, number>>;
}

/** Read from the header once, not per row: how many groups a file has depends on its data. */
function numberedGroups(header: readonly string[]): Group[] {
  const groups = new Map<string, Group>();
  header.forEach((name, index) => {
    const m = NUMBERED_COLUMN.exec(name.trim());
    if (!m) return;
    const kind = m[1]!.toLowerCase() as Kind;
    const id = `${kind} ${m[2]}`;
    let group = groups.get(id);
    if (!group) {
      group = { kind, column: `${m[1]} ${m[2]}`, parts: {} };
      groups.set(id, group);
    }
    const sub = m[3]!.toLowerCase();
    const part: Part = sub === 'type' ? 'label' : (sub as Part);
    group.parts[part] ??= index;
  });
  return [...groups.values()];
}

const splitValues = (cell: string): string[] =>
  cell
    .split(MULTI_VALUE)
    .map((v) => v.trim())
    .filter(Boolean);

/** A leading "* " marks Google's system groups in Labels and the primary entry in a label column. */
const SYSTEM_MARK = '* ';

function entryLabel(cell: string): string | null {
  const label = cell.startsWith(SYSTEM_MARK) ? cell.slice(SYSTEM_MARK.length).trim() : cell;
  return label || null;
}

/**
 * Google's "File as" is, in the People API's words, "the name that should be used to sort the
 * person in a list". It is empty unless someone set it, and this app's export sets it to the
 * display name whenever that is not "first last" (山田 太郎 from given 太郎 and family 山田,
 * "Dr. Sam Lee", "José Álvarez 🎉"), because Google rebuilds the shown name from the parts. So a
 * File As is the name someone chose to list the person by, and it wins over the joined parts.
 * Except a plain "Lovelace, Ada": Outlook's and Exchange's default filing, the name parts turned
 * round a comma for sorting, which is not what anyone calls the person.
 */
function isSortingForm(fileAs: string, parts: string | null): boolean {
  if (!parts || !fileAs.includes(',')) return false;
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .sort()
      .join(' ');
  return words(fileAs) === words(parts);
}

function googleRows(header: readonly string[], layout: Layout): RowFill {
  const col = columnIndex(header);
  const firstOf = (names: string[]) => names.find((n) => col(n) !== -1) ?? names[0] ?? '';
  const formatted = firstOf(layout.formatted);
  const company = firstOf(layout.company);
  const title = firstOf(layout.title);
  // Column indexes resolved once; rows are only indexed.
  const i = {
    formatted: formatted ? col(formatted) : -1,
    fileAs: layout.fileAs ? col(layout.fileAs) : -1,
    first: col(layout.first),
    middle: col(layout.middle),
    last: col(layout.last),
    suffix: col(layout.suffix),
    nickname: col(layout.nickname),
    company: col(company),
    title: col(title),
    notes: col(layout.notes),
    groups: col(layout.groups),
  };
  const groups = numberedGroups(header);

  return (b, row) => {
    const first = cellAt(row, i.first);
    const last = cellAt(row, i.last);
    b.set('firstName', first, layout.first);
    b.set('lastName', last, layout.last);
    const joined = joinName(first, cellAt(row, i.middle), last, cellAt(row, i.suffix));
    const fileAs = cellAt(row, i.fileAs);
    const shownAs = fileAs && !isSortingForm(fileAs, joined) ? fileAs : '';
    const name = cellAt(row, i.formatted) || shownAs || joined || cellAt(row, i.nickname);
    const nameColumn = formatted && cellAt(row, i.formatted) ? formatted : shownAs ? 'File As' : layout.first;
    b.set('displayName', name, nameColumn);
    b.set('company', cellAt(row, i.company), company);
    b.set('title', cellAt(row, i.title), title);
    b.set('notes', cellAt(row, i.notes), layout.notes);
    b.tags(
      // Only "* " marks a system group ("* myContacts"); a label the user named "*VIP" is theirs.
      splitValues(cellAt(row, i.groups)).filter((g) => !g.startsWith(SYSTEM_MARK)),
      layout.groups,
    );

    for (const { kind, column, parts } of groups) {
      const label = entryLabel(cellAt(row, parts.label ?? -1));
      if (kind === 'address') {
        if (b.get('location')) continue;
        const place = formatPlace(
          [cellAt(row, parts.city ?? -1), cellAt(row, parts.region ?? -1), cellAt(row, parts.country ?? -1)],
          cellAt(row, parts.formatted ?? -1),
        );
        b.set('location', place, `${column} - Formatted`);
        continue;
      }
      const valueColumn = `${column} - Value`;
      for (const value of splitValues(cellAt(row, parts.value ?? -1))) {
        if (kind === 'e-mail') b.email(value, label, valueColumn);
        else if (kind === 'phone') b.phone(value, label, valueColumn);
        else b.link(value, label, valueColumn);
      }
    }
    return undefined;
  };
}

/** How a Google row becomes a contact, for the columns of this file's header. */
export const googleCurrentRows = (header: readonly string[]): RowFill => googleRows(header, CURRENT);
export const googleLegacyRows = (header: readonly string[]): RowFill => googleRows(header, LEGACY);
