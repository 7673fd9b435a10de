import { dateWriter, type IsoDay } from './dates.ts';

/**
 * Prose that mentions days ("You met at Web Summit on 8 Oct"), kept with its days marked rather
 * than written, so whoever shows it writes them in the reader's locale at that moment: the
 * renderer in its own, the CLI, the .ics export, the feed and notifications in the system's. A
 * change of locale leaves no stale text behind, and one day reads the same in a reason and on
 * the contact page (both go through DateWriter.day).
 *
 * The stored form (followups.reason and cancel_reason, undo_actions.summary; migration 011):
 *
 *     {d:2025-10-08}                a calendar day: "8 Oct", or "8 Oct 2024" in another year
 *     {t:2025-10-08T08:00:00.000Z}  an instant: "Wed 8 Oct at 10:00" in the reader's zone
 *     {{                            a literal "{"
 *
 * Nothing else is special: "}" is itself, and a "{" that starts no mark reads as itself.
 *
 * To the compiler a DatedText is not a string (at runtime it is one, in the database and on
 * the wire), so no screen, output or message can show it without reading it first. For the same
 * reason `typeof` cannot tell it from plain words: put it in a template with nested().
 */
declare const datedText: unique symbol;
export type DatedText = { readonly [datedText]: true };

declare const datedPiece: unique symbol;
/** A part of a `dated` template written as it is: a marked day or instant, or dated text. */
export type DatedPiece = { readonly [datedPiece]: string };

/** Who reads, and when: the locale, their local day (this year's days omit the year) and zone. */
export interface DatedReading {
  /** BCP 47; undefined: the process's default. */
  locale: string | undefined;
  today: IsoDay;
  /** Where instants are written; undefined: the process's own zone. */
  timeZone?: string | undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MARK = /\{(?:(\{)|d:(\d{4}-\d{2}-\d{2})\}|t:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\})/g;

const piece = (source: string): DatedPiece => ({ source }) as unknown as DatedPiece;
const sourceOfPiece = (p: DatedPiece): string => (p as unknown as { source: string }).source;

/** The stored form of a text (what the database column and the API carry). */
export const storedForm = (text: DatedText): string => text as unknown as string;

/** A column or payload known to hold dated text, as such. */
export const fromStored = (stored: string): DatedText => stored as unknown as DatedText;

const escapeBraces = (text: string): string => text.replaceAll('{', '{{');

/** Plain words as dated text: a "{" in them stays a "{". */
export const plainText = (text: string): DatedText => fromStored(escapeBraces(text));

/** A calendar day, to be written in the reader's locale. */
export function day(iso: IsoDay): DatedPiece {
  if (!ISO_DAY.test(iso)) throw new Error(`Not a calendar day: ${iso}`);
  return piece(`{d:${iso}}`);
}

/** An instant, to be written with its weekday and time in the reader's locale and zone. */
export function instant(iso: string): DatedPiece {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Not an instant: ${iso}`);
  return piece(`{t:${at.toISOString()}}`);
}

/** Dated text put inside another as it is. */
export const nested = (text: DatedText): DatedPiece => piece(storedForm(text));

/**
 * Writes dated text: the literal parts and interpolated strings are escaped, pieces (`day()`,
 * `instant()`, `nested()`) go in as they are. dated`You met on ${day(metOn)}.`
 */
export function dated(strings: TemplateStringsArray, ...values: (string | number | DatedPiece)[]): DatedText {
  let out = escapeBraces(strings[0] ?? '');
  values.forEach((value, i) => {
    out += typeof value === 'object' ? sourceOfPiece(value) : escapeBraces(String(value));
    out += escapeBraces(strings[i + 1] ?? '');
  });
  return fromStored(out);
}

/** The text as the reader reads it: every day and instant written in their locale. */
export function readDated(text: DatedText, reading: DatedReading): string {
  const writer = dateWriter(reading.locale);
  return storedForm(text).replace(
    MARK,
    (_all, brace: string | undefined, d: string | undefined, t: string | undefined) => {
      if (brace) return '{';
      if (d) return writer.day(d, { short: true, today: reading.today });
      return writer.moment(new Date(t as string), reading.timeZone);
    },
  );
}

/** The same text read, or null for null (an optional column). */
export function readOptional(text: DatedText | null, reading: DatedReading): string | null {
  return text === null ? null : readDated(text, reading);
}

/** T with every DatedText in it read: what an output that writes T as text or JSON holds. */
export type Read<T> = T extends DatedText ? string : T extends object ? { [K in keyof T]: Read<T[K]> } : T;

/** True when some DatedText hides in T, so an output can be checked at compile time to read it. */
export type HasDatedText<T> = T extends DatedText
  ? true
  : T extends readonly (infer U)[]
    ? HasDatedText<U>
    : T extends object
      ? true extends { [K in keyof T]-?: HasDatedText<T[K]> }[keyof T]
        ? true
        : false
      : false;
