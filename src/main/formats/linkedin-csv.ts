import type { HeaderSignature } from './csv-header.ts';
import { cellAt, columnIndex, type RowFill } from './csv-table.ts';
import { joinName, quote } from './field-text.ts';

/**
 * LinkedIn's Connections.csv. `URL` is missing from older exports and `Email Address` is empty
 * unless the connection allowed it, so only the name and date columns identify the file.
 */
export const LINKEDIN_HEADER: HeaderSignature = { required: ['First Name', 'Last Name', 'Connected On'] };

// A Map: a month read from a file ("constructor") must never find Object.prototype's members.
const MONTHS = new Map<string, string>(
  Object.entries({
    jan: '01',
    feb: '02',
    mar: '03',
    apr: '04',
    may: '05',
    jun: '06',
    jul: '07',
    aug: '08',
    sep: '09',
    oct: '10',
    nov: '11',
    dec: '12',
  }),
);
/** "12 Mar 2024", the only form LinkedIn writes (English whatever the account's language). */
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ -](\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRAILING_SLASHES = /\/+$/;
const CANONICAL_PROFILE = /^https:\/\/www\.linkedin\.com\/in\/[^?#\s/A-Z]+$/;
/** Scheme optional; host with a dot; path kept; query and fragment (tracking) dropped. */
const PROFILE_URL = /^(?:https?:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#\s]*)?(?:[?#]\S*)?$/i;

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

function parseDate(value: string): string | null {
  const dmy = DAY_MONTH_YEAR.exec(value);
  const iso = dmy ? null : ISO_DATE.exec(value);
  const y = dmy?.[3] ?? iso?.[1];
  const m = dmy ? MONTHS.get(dmy[2]!.toLowerCase()) : iso?.[2];
  const d = (dmy?.[1] ?? iso?.[3])?.padStart(2, '0');
  if (!y || !m || !d) return null;
  const day = Number(d);
  return day >= 1 && day <= daysIn(Number(y), Number(m)) && m >= '01' && m <= '12' ? `${y}-${m}-${d}` : null;
}

/** A 50,000-row export holds a few thousand distinct dates: each is parsed once. */
const parsedDates = new Map<string, string | null>();

/** YYYY-MM-DD, or null when the text is not a real calendar date. */
export function parseConnectedOn(value: string): string | null {
  let date = parsedDates.get(value);
  if (date === undefined) {
    date = parseDate(value);
    if (parsedDates.size > 10_000) parsedDates.clear();
    parsedDates.set(value, date);
  }
  return date;
}

/**
 * One spelling per profile (https, lower-case host, no query or trailing slash), so the service
 * can match a re-imported connection by its URL.
 */
export function normaliseProfileUrl(value: string): string {
  // What LinkedIn writes on almost every row is already in that form.
  if (CANONICAL_PROFILE.test(value)) return value;
  const m = PROFILE_URL.exec(value.trim());
  // Anything else is left for the builder to reject with a warning.
  if (!m) return value;
  return `https://${m[1]!.toLowerCase()}${(m[2] ?? '').replace(TRAILING_SLASHES, '')}`;
}

/** How a LinkedIn row becomes a contact, for the columns of this file's header. */
export function linkedInRows(header: readonly string[]): RowFill {
  const col = columnIndex(header);
  const first = col('First Name');
  const last = col('Last Name');
  const url = col('URL');
  const email = col('Email Address');
  const company = col('Company');
  const position = col('Position');
  const connectedOn = col('Connected On');

  return (b, row) => {
    b.set('firstName', cellAt(row, first), 'First Name');
    b.set('lastName', cellAt(row, last), 'Last Name');
    if (!joinName(b.get('firstName'), b.get('lastName'))) {
      return 'No name: a LinkedIn member who has since left or hidden their profile; skipped.';
    }
    const profile = cellAt(row, url);
    if (profile) b.link(normaliseProfileUrl(profile), 'LinkedIn', 'URL');
    b.email(cellAt(row, email), null, 'Email Address');
    b.set('company', cellAt(row, company), 'Company');
    b.set('title', cellAt(row, position), 'Position');
    const date = cellAt(row, connectedOn);
    if (date) {
      b.metOn = parseConnectedOn(date);
      if (!b.metOn) b.warn('Connected On', `${quote(date)} is not a date like 12 Mar 2024; it was left out.`);
    }
    return undefined;
  };
}
