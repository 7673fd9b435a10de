import { EmailEntry, LinkEntry, PhoneEntry } from '../../shared/domain/contact.ts';
import { count, cut, joinName, quote, tidy } from './field-text.ts';
import type { ImportedContact, ImportedEntry, ImportedLink, ImportProblem } from './record.ts';

/**
 * The contract's limits (src/shared/domain/contact.ts), applied while reading so every record
 * handed to the service fits and every loss is reported once, with its line and column. A test
 * checks these against the contract.
 */
export const FIELD_LIMITS = {
  displayName: 200,
  firstName: 100,
  lastName: 100,
  company: 200,
  title: 200,
  location: 200,
  notes: 50_000,
} as const;
export const MAX_ENTRIES = 20;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;
export const MAX_LABEL_LENGTH = 40;
/** Warnings listed per record; the rest are counted in one more. */
export const MAX_WARNINGS_PER_RECORD = 10;
/** Not a contract field: a UID longer than this is not an identifier anyone wrote on purpose. */
export const MAX_UID_LENGTH = 1000;

export type TextField = keyof typeof FIELD_LIMITS;

const emailValue = EmailEntry.shape.value;
const phoneValue = PhoneEntry.shape.value;
const linkUrl = LinkEntry.shape.url;

/** "ext. 12" (Outlook, Google) and ";ext=12" (tel: URIs, RFC 3966) as the contract's "x12". */
const PHONE_EXTENSION = /\s*(?:;ext=|\bext\.?|\bextension)\s*/gi;
const MAILTO = /^mailto:/i;
const TEL_SCHEME = /^tel:/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * http(s) URLs of a plain shape (DNS host ending in a letters-only TLD, no port, a path of URL-safe
 * characters) that the contract's z.url() always accepts. They skip the schema, which costs more
 * than the rest of a LinkedIn row; every other URL goes through it. A test holds the two in step.
 */
export const PLAIN_WEB_URL = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z]{2,63}(?:\/[\w\-.~%/]*)?$/i;
const BARE_DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/?#:]|$)/i;

export const warning = (line: number, column: string | null, message: string): ImportProblem => ({
  line,
  column,
  message,
  severity: 'warning',
});

type ListKind = 'e-mail addresses' | 'phone numbers' | 'links' | 'tags';

/** What went over a per-contact limit, reported once per record where it first happened. */
interface Overflow {
  count: number;
  line: number;
  column: string;
}

/**
 * Collects one record's fields as a reader finds them, cleaning and bounding each on the way in.
 * Problems point at `line` (the record's first line) unless a reader knows the field's own line.
 */
export class ContactBuilder {
  readonly line: number;
  readonly #problems: ImportProblem[];
  readonly #text: Partial<Record<TextField, string>> = {};
  readonly #emails: ImportedEntry[] = [];
  readonly #phones: ImportedEntry[] = [];
  readonly #links: ImportedLink[] = [];
  readonly #tags: string[] = [];
  // Created on first use: most rows have no tags and nothing over the limits.
  #tagKeys: Set<string> | null = null;
  #overflow: Map<ListKind, Overflow> | null = null;
  metOn: string | null = null;
  #uid: string | null = null;
  #warnings = 0;

  constructor(line: number, problems: ImportProblem[]) {
    this.line = line;
    this.#problems = problems;
  }

  /** A warning about this record, for what a reader checks itself (a date, say). */
  warn(column: string | null, message: string, line = this.line): void {
    // A cell of a million bad addresses is one problem for the user, not a million.
    if (this.#warnings++ < MAX_WARNINGS_PER_RECORD) this.#problems.push(warning(line, column, message));
  }

  #bounded(value: string, max: number, column: string, line: number, what: string): string {
    if (value.length <= max) return value;
    this.warn(
      column,
      `${what} is ${count(value.length)} characters long; only the first ${count(max)} were kept.`,
      line,
    );
    return cut(value, max);
  }

  /** Single-line fields have their whitespace collapsed (Outlook's multi-line street cells). */
  set(field: TextField, value: string | null | undefined, column: string, line = this.line): void {
    if (value == null) return;
    const max = FIELD_LIMITS[field];
    // Only a bounded prefix is cleaned: the rest is cut anyway, and a 10 MB cell stays cheap.
    const head = value.length > max * 2 ? value.slice(0, max * 2) : value;
    const clean = (field === 'notes' ? head : tidy(head)).trim();
    if (clean === '') return;
    if (clean.length > max || head.length < value.length) {
      this.warn(
        column,
        `${column} is ${count(value.length)} characters long; only the first ${count(max)} were kept.`,
        line,
      );
    }
    this.#text[field] = cut(clean, max).trimEnd();
  }

  get(field: TextField): string | null {
    return this.#text[field] ?? null;
  }

  #label(label: string | null | undefined, column: string, line: number): string | null {
    const l = label ? tidy(label.slice(0, MAX_LABEL_LENGTH * 4)).trim() : '';
    return l ? this.#bounded(l, MAX_LABEL_LENGTH, column, line, `The label of ${column}`) : null;
  }

  #over(kind: ListKind, column: string, line: number): void {
    this.#overflow ??= new Map();
    const o = this.#overflow.get(kind);
    if (o) o.count++;
    else this.#overflow.set(kind, { count: 1, line, column });
  }

  /** Adds unless already there (the same address in two columns). */
  #add<T>(list: T[], entry: T, same: (e: T) => boolean): void {
    if (!list.some(same)) list.push(entry);
  }

  /** Once a list is full the rest is only counted, not checked: a cell may hold a million. */
  #full(list: unknown[], kind: ListKind, column: string, line: number): boolean {
    if (list.length < MAX_ENTRIES) return false;
    this.#over(kind, column, line);
    return true;
  }

  email(
    value: string | null | undefined,
    label: string | null | undefined,
    column: string,
    line = this.line,
  ): void {
    const raw = value?.trim().replace(MAILTO, '');
    if (!raw || this.#full(this.#emails, 'e-mail addresses', column, line)) return;
    // Obvious misses skip the schema, whose failures are costly (Exchange X.500 paths, notes).
    const parsed = raw.length <= 254 && raw.includes('@') ? emailValue.safeParse(raw) : null;
    if (!parsed?.success) {
      this.warn(column, `${quote(raw)} is not an e-mail address; it was left out.`, line);
      return;
    }
    const entry = { value: parsed.data, label: this.#label(label, column, line) };
    this.#add(this.#emails, entry, (e) => e.value === entry.value);
  }

  phone(
    value: string | null | undefined,
    label: string | null | undefined,
    column: string,
    line = this.line,
  ): void {
    // vCard 4.0 writes phones as tel: URIs.
    const raw = value
      ? tidy(value.slice(0, 200).replace(TEL_SCHEME, '').replace(PHONE_EXTENSION, ' x')).trim()
      : '';
    if (!raw || this.#full(this.#phones, 'phone numbers', column, line)) return;
    const parsed = phoneValue.safeParse(raw);
    if (!parsed.success) {
      this.warn(
        column,
        `${quote(value!.trim())} is not a phone number the app can keep; it was left out.`,
        line,
      );
      return;
    }
    const entry = { value: parsed.data, label: this.#label(label, column, line) };
    this.#add(this.#phones, entry, (p) => p.value === entry.value);
  }

  link(
    value: string | null | undefined,
    label: string | null | undefined,
    column: string,
    line = this.line,
  ): void {
    let raw = value?.trim();
    if (!raw || this.#full(this.#links, 'links', column, line)) return;
    // Address books hold "acme.com" as often as "https://acme.com".
    if (!HAS_SCHEME.test(raw) && BARE_DOMAIN.test(raw)) raw = `https://${raw}`;
    const parsed =
      raw.length > 2000
        ? null
        : PLAIN_WEB_URL.test(raw)
          ? { success: true, data: raw }
          : linkUrl.safeParse(raw);
    if (!parsed?.success) {
      this.warn(
        column,
        `${quote(value!.trim())} is not a web address (http or https); it was left out.`,
        line,
      );
      return;
    }
    const entry = { url: parsed.data, label: this.#label(label, column, line) };
    this.#add(this.#links, entry, (l) => l.url === entry.url);
  }

  /** Tags may not contain commas (the contract's rule): a comma becomes a space. Duplicates ignoring case are dropped. */
  tags(values: Iterable<string>, column: string, line = this.line): void {
    for (const value of values) {
      const t = tidy(value.slice(0, MAX_TAG_LENGTH * 4).replaceAll(',', ' ')).trim();
      if (!t) continue;
      const tag = this.#bounded(t, MAX_TAG_LENGTH, column, line, `The tag ${quote(t)}`).trim();
      const k = tag.toLowerCase();
      this.#tagKeys ??= new Set();
      if (this.#tagKeys.has(k)) continue;
      this.#tagKeys.add(k);
      if (this.#tags.length < MAX_TAGS) this.#tags.push(tag);
      else this.#over('tags', column, line);
    }
  }

  uid(value: string | null | undefined, column: string, line = this.line): void {
    const v = value?.trim();
    if (!v) return;
    if (v.length > MAX_UID_LENGTH) {
      this.warn(column, 'The UID is too long to be an identifier; it was ignored.', line);
    } else {
      this.#uid = v;
    }
  }

  /** Something to recognise the person by; rows without any are skipped by the readers. */
  hasContent(): boolean {
    const t = this.#text;
    return !!(
      t.displayName ||
      t.firstName ||
      t.lastName ||
      t.company ||
      this.#emails.length ||
      this.#phones.length ||
      this.#links.length
    );
  }

  build(): ImportedContact {
    for (const [kind, o] of this.#overflow ?? []) {
      const max = kind === 'tags' ? MAX_TAGS : MAX_ENTRIES;
      this.warn(o.column, `Only ${max} ${kind} are kept per contact; ${o.count} more were left out.`, o.line);
    }
    if (this.#warnings > MAX_WARNINGS_PER_RECORD) {
      this.#problems.push(
        warning(
          this.line,
          null,
          `${this.#warnings - MAX_WARNINGS_PER_RECORD} more problems in this record were not listed.`,
        ),
      );
    }
    const t = this.#text;
    const composed = joinName(t.firstName, t.lastName);
    return {
      line: this.line,
      displayName: t.displayName ?? (composed ? cut(composed, FIELD_LIMITS.displayName).trimEnd() : null),
      firstName: t.firstName ?? null,
      lastName: t.lastName ?? null,
      company: t.company ?? null,
      title: t.title ?? null,
      notes: t.notes ?? null,
      emails: this.#emails,
      phones: this.#phones,
      links: this.#links,
      tags: this.#tags,
      metOn: this.metOn,
      location: t.location ?? null,
      uid: this.#uid,
    };
  }
}
