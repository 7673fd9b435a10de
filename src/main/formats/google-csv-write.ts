// Contacts as a CSV in the layout Google Contacts exports today (and imports by column name):
// fixed name/organisation columns, then numbered "E-mail N", "Phone N", "Address N" and
// "Website N" groups, as many as the contact with the most entries needs.
//
// The quoting is RFC 4180's one rule, written here instead of calling csv-stringify: on 50,000
// rows of 40 columns csv-stringify took 0.7-1.2 s by itself (a context object and tuples per
// field), this loop 0.2-0.3 s. Also, csv-stringify 6.9 with CRLF record ends leaves a field with
// a bare \n unquoted unless `quote_record_delimiter` is set: multi-line notes then split rows in
// readers that end a record at any LF. The tests hold the output byte-identical to
// csv-stringify's with that option.
import type { Contact } from '../../shared/domain/contact.ts';
import { contactNote, nameParts } from './export-fields.ts';

/** Google's own column names, in its order, up to the numbered groups. */
export const GOOGLE_FIXED_COLUMNS = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Phonetic First Name',
  'Phonetic Middle Name',
  'Phonetic Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Photo',
  'Labels',
] as const;

const ADDRESS_PARTS = [
  'Label',
  'Formatted',
  'Street',
  'City',
  'PO Box',
  'Region',
  'Postal Code',
  'Country',
  'Extended Address',
] as const;

/** Joins several values in one cell (Labels, or entries sharing a label in Google's export). */
export const GOOGLE_MULTI_VALUE = ' ::: ';
/** Google's system group every contact it exports belongs to; `* ` marks system groups. */
const MY_CONTACTS = '* myContacts';

export interface GoogleCsvOptions {
  /**
   * Start with a UTF-8 byte-order mark (default true). Google's own export starts with one and
   * its import accepts it; without it, Excel opens the file as ANSI and mangles every accent.
   */
  bom?: boolean;
}

/**
 * The whole CSV file: a BOM unless told otherwise, the header, one row per contact, CRLF record
 * ends (RFC 4180). Values are not prefixed against spreadsheet formulas: that would change what
 * Google imports (phone numbers start with `+`), and this file is meant for Google's import.
 */
export function contactsToGoogleCsv(contacts: Iterable<Contact>, options: GoogleCsvOptions = {}): string {
  const lines: string[] = [];
  for (const row of googleCsvRows(contacts)) lines.push(row.map(csvField).join(','));
  return `${options.bom === false ? '' : BOM}${lines.join(CRLF)}${CRLF}`;
}

const BOM = '\ufeff';
const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 §2: a field with a quote, comma or line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The header row then one row per contact, one entry per numbered group (Google merges entries
 * that share a label into one cell with ` ::: `; one per group reads back unambiguously). E-mail 1
 * and Phone 1 are
 * always present so importers that recognise the layout by them do; addresses and websites
 * appear only when some contact has one.
 */
export function googleCsvRows(contacts: Iterable<Contact>): string[][] {
  const all = Array.from(contacts);
  let emails = 1;
  let phones = 1;
  let addresses = 0;
  let websites = 0;
  for (const c of all) {
    if (c.emails.length > emails) emails = c.emails.length;
    if (c.phones.length > phones) phones = c.phones.length;
    if (c.location) addresses = 1;
    if (c.links.length > websites) websites = c.links.length;
  }
  const header: string[] = [...GOOGLE_FIXED_COLUMNS];
  for (let n = 1; n <= emails; n++) header.push(`E-mail ${n} - Label`, `E-mail ${n} - Value`);
  for (let n = 1; n <= phones; n++) header.push(`Phone ${n} - Label`, `Phone ${n} - Value`);
  for (let n = 1; n <= addresses; n++)
    for (const part of ADDRESS_PARTS) header.push(`Address ${n} - ${part}`);
  for (let n = 1; n <= websites; n++) header.push(`Website ${n} - Label`, `Website ${n} - Value`);

  const at = (name: string) => header.indexOf(name);
  const col = {
    first: at('First Name'),
    last: at('Last Name'),
    fileAs: at('File As'),
    company: at('Organization Name'),
    title: at('Organization Title'),
    notes: at('Notes'),
    labels: at('Labels'),
    email: at('E-mail 1 - Label'),
    phone: at('Phone 1 - Label'),
    address: at('Address 1 - Formatted'),
    website: at('Website 1 - Label'),
  };
  const rows: string[][] = [header];
  for (const c of all) {
    const row: string[] = new Array(header.length).fill('');
    const { first, last } = nameParts(c);
    row[col.first] = first;
    row[col.last] = last;
    // Google builds the shown name from the parts, which loses a display name written otherwise
    // ("山田 太郎" from given 太郎, family 山田; "José Álvarez 🎉"): File As keeps it.
    if (c.displayName !== [first, last].filter(Boolean).join(' ')) row[col.fileAs] = c.displayName;
    row[col.company] = c.company ?? '';
    row[col.title] = c.title ?? '';
    row[col.notes] = contactNote(c) ?? '';
    row[col.labels] = [MY_CONTACTS, ...c.tags].join(GOOGLE_MULTI_VALUE);
    // Each numbered group is a Label column followed by a Value column.
    for (const [i, e] of c.emails.entries()) {
      row[col.email + 2 * i] = e.label ?? '';
      row[col.email + 2 * i + 1] = e.value;
    }
    for (const [i, p] of c.phones.entries()) {
      row[col.phone + 2 * i] = p.label ?? '';
      row[col.phone + 2 * i + 1] = p.value;
    }
    // Free text (mostly a city) has no safe split into street/city/region: Formatted only.
    if (c.location) row[col.address] = c.location;
    for (const [i, l] of c.links.entries()) {
      row[col.website + 2 * i] = l.label ?? '';
      row[col.website + 2 * i + 1] = l.url;
    }
    rows.push(row);
  }
  return rows;
}
