import type { HeaderSignature } from './csv-header.ts';
import { cellAt, columnIndex, type RowFill } from './csv-table.ts';
import { formatPlace, joinName } from './field-text.ts';

/**
 * Outlook.com (61 columns) and Outlook desktop (every field quoted, ~90 columns) share these
 * names. Localized Outlook translates its headers ("Vorname", "Prénom") and often separates with
 * semicolons; only the English headers are read: users of other languages export as vCard.
 */
export const OUTLOOK_HEADER: HeaderSignature = {
  required: ['First Name', 'Last Name', 'E-mail Address'],
  oneOf: ['Job Title', 'Mobile Phone', 'Business Phone', 'Home Phone'],
};

/** When the user names Outlook, the columns every export of it has (English headers) are enough. */
export const OUTLOOK_CHOSEN_HEADER: HeaderSignature = { required: OUTLOOK_HEADER.required };

const EMAIL_COLUMNS = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'];

/** Outlook names the kind of phone by its column; the labels match what vCard and Google files give. */
const PHONE_COLUMNS: readonly [column: string, label: string][] = [
  ['Mobile Phone', 'Mobile'],
  ['Business Phone', 'Work'],
  ['Business Phone 2', 'Work'],
  ['Home Phone', 'Home'],
  ['Home Phone 2', 'Home'],
  ['Primary Phone', 'Main'],
  ['Company Main Phone', 'Company'],
  ['Other Phone', 'Other'],
  ['Car Phone', 'Car'],
  ['Pager', 'Pager'],
  ["Assistant's Phone", 'Assistant'],
  ['Callback', 'Callback'],
  ['Radio Phone', 'Radio'],
  ['ISDN', 'ISDN'],
  ['TTY/TDD Phone', 'TTY/TDD'],
  ['Telex', 'Telex'],
  ['Business Fax', 'Work fax'],
  ['Home Fax', 'Home fax'],
  ['Other Fax', 'Other fax'],
];

const WEB_COLUMNS: readonly [column: string, label: string | null][] = [
  ['Web Page', null],
  ['Personal Web Page', 'Personal'],
];

/** The first address block with a place in it gives the location. */
const ADDRESS_BLOCKS = ['Business', 'Home', 'Other'];

/** Outlook's category separator is the system list separator: ';' in most exports, ',' in some. */
const CATEGORY_SEPARATOR = /[;,]/;

/** How an Outlook row becomes a contact, for the columns of this file's header. */
export function outlookRows(header: readonly string[]): RowFill {
  const col = columnIndex(header);
  // "Title" is the honorific (Mr., Dr.); the job is "Job Title".
  const i = {
    displayName: col('Display Name'),
    first: col('First Name'),
    middle: col('Middle Name'),
    last: col('Last Name'),
    suffix: col('Suffix'),
    nickname: col('Nickname'),
    company: col('Company'),
    title: col('Job Title'),
    notes: col('Notes'),
    categories: col('Categories'),
    location: col('Location'),
  };
  const emails = EMAIL_COLUMNS.map((c) => [c, col(c)] as const);
  const phones = PHONE_COLUMNS.map(([c, label]) => [c, col(c), label] as const);
  const webs = WEB_COLUMNS.map(([c, label]) => [c, col(c), label] as const);
  const addresses = ADDRESS_BLOCKS.map((block) => ({
    column: `${block} City`,
    street: col(`${block} Street`),
    city: col(`${block} City`),
    state: col(`${block} State`),
    country: col(`${block} Country/Region`) === -1 ? col(`${block} Country`) : col(`${block} Country/Region`),
  }));

  return (b, row) => {
    const first = cellAt(row, i.first);
    const last = cellAt(row, i.last);
    b.set('firstName', first, 'First Name');
    b.set('lastName', last, 'Last Name');
    const name =
      cellAt(row, i.displayName) ||
      joinName(first, cellAt(row, i.middle), last, cellAt(row, i.suffix)) ||
      cellAt(row, i.nickname);
    b.set('displayName', name, cellAt(row, i.displayName) ? 'Display Name' : 'First Name');
    b.set('company', cellAt(row, i.company), 'Company');
    b.set('title', cellAt(row, i.title), 'Job Title');
    b.set('notes', cellAt(row, i.notes), 'Notes');
    b.tags(cellAt(row, i.categories).split(CATEGORY_SEPARATOR), 'Categories');
    for (const [column, index] of emails) b.email(cellAt(row, index), null, column);
    for (const [column, index, label] of phones) b.phone(cellAt(row, index), label, column);
    for (const [column, index, label] of webs) b.link(cellAt(row, index), label, column);
    for (const a of addresses) {
      const place = formatPlace(
        [cellAt(row, a.city), cellAt(row, a.state), cellAt(row, a.country)],
        cellAt(row, a.street),
      );
      if (place) {
        b.set('location', place, a.column);
        break;
      }
    }
    if (!b.get('location')) b.set('location', cellAt(row, i.location), 'Location');
    return undefined;
  };
}
