import type { HeaderSignature } from './csv-header.ts';
import { type CsvTable, cellAt, columnIndex, mapRows } from './csv-table.ts';
import { formatPlace, joinName } from './field-text.ts';
import type { ReadResult } from './record.ts';

/** Current export (2023 on): "First Name,Middle Name,Last Name,...,Labels,E-mail 1 - Label,...". */
export const GOOGLE_HEADER: HeaderSignature = {
  required: ['First Name', 'Last Name'],
  oneOf: ['Labels', 'Organization Name', 'File As', 'Phonetic First Name'],
};
/** Legacy export: "Name,Given Name,Additional Name,Family Name,...,Group Membership,E-mail 1 - Type,...". */
export const GOOGLE_LEGACY_HEADER: HeaderSignature = {
  required: ['Name', 'Given Name', 'Family Name', 'Group Membership'],
};

/** Where each field lives in one of the two layouts; lists are tried in order. */
interface Layout {
  formatted: string[];
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

function readGoogle(table: CsvTable, layout: Layout): ReadResult {
  const col = columnIndex(table.header);
  const firstOf = (names: string[]) => names.find((n) => col(n) !== -1) ?? names[0] ?? '';
  const formatted = firstOf(layout.formatted);
  const company = firstOf(layout.company);
  const title = firstOf(layout.title);
  // Column indexes resolved once; rows are only indexed.
  const i = {
    formatted: formatted ? col(formatted) : -1,
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
  const groups = numberedGroups(table.header);

  return mapRows(table, (b, row) => {
    const first = cellAt(row, i.first);
    const last = cellAt(row, i.last);
    b.set('firstName', first, layout.first);
    b.set('lastName', last, layout.last);
    const name =
      cellAt(row, i.formatted) ||
      joinName(first, cellAt(row, i.middle), last, cellAt(row, i.suffix)) ||
      cellAt(row, i.nickname);
    b.set('displayName', name, formatted && cellAt(row, i.formatted) ? formatted : layout.first);
    b.set('company', cellAt(row, i.company), company);
    b.set('title', cellAt(row, i.title), title);
    b.set('notes', cellAt(row, i.notes), layout.notes);
    b.tags(
      splitValues(cellAt(row, i.groups)).filter((g) => !g.startsWith('*')),
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
  });
}

export const readGoogleCsv = (table: CsvTable): ReadResult => readGoogle(table, CURRENT);
export const readGoogleLegacyCsv = (table: CsvTable): ReadResult => readGoogle(table, LEGACY);
