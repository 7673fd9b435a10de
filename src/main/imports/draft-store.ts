import type { ContactDraftParsed } from '../../shared/domain/contact.ts';
import { Column } from './column.ts';

/** toDraft's text fields after the display name, in stored order (then e-mails, phones, links, tags). */
const TEXT = [
  'firstName',
  'lastName',
  'company',
  'title',
  'location',
  'notes',
  'metOn',
] as const satisfies readonly (keyof ContactDraftParsed)[];

const CHUNK_BYTES = 1 << 20;

/**
 * The drafts of a preview's planned rows, which it holds until the commit: as objects (the draft,
 * its arrays and entry objects, a dozen small strings) a LinkedIn row cost ~750 B of V8 heap, and
 * packed in one JSON string still ~200 B, plus the collector's headroom on top. Here each is
 * ~115 bytes in 1 MB buffers outside the heap: a header of lengths (varints) then all its text
 * in UTF-8, read back with one decode and slices. Lengths count UTF-16 code units, which UTF-8
 * keeps: a lone surrogate (a cut at a field's limit can leave one) is stored as U+FFFD, as SQLite
 * would store it anyway.
 */
export class DraftStore {
  readonly #chunks: Buffer[] = [];
  readonly #chunk = new Column((n) => new Int32Array(n));
  readonly #at = new Column((n) => new Int32Array(n));
  #used = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  append(draft: ContactDraftParsed): number {
    const { header, body } = encode(draft);
    const bodyBytes = Buffer.byteLength(body, 'utf8');
    const need = 5 * (header.length + 1) + bodyBytes;
    let chunk = this.#chunks.at(-1);
    if (!chunk || chunk.length - this.#used < need) {
      // A row never spans chunks; one larger than a chunk (50,000 characters of notes) gets its own.
      chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, need));
      this.#chunks.push(chunk);
      this.#used = 0;
    }
    const index = this.#size;
    this.#chunk.set(index, this.#chunks.length - 1);
    this.#at.set(index, this.#used);
    let at = writeVarint(chunk, this.#used, bodyBytes);
    for (const n of header) at = writeVarint(chunk, at, n);
    this.#used = at + chunk.write(body, at, 'utf8');
    this.#size += 1;
    return index;
  }

  /** The draft, with fresh arrays and objects (callers may change them). */
  get(index: number): ContactDraftParsed {
    if (index < 0 || index >= this.#size) throw new RangeError(`no draft ${index}`);
    const r = new Reader(this.#chunks[this.#chunk.get(index)] as Buffer, this.#at.get(index));
    const bodyBytes = r.varint();
    const markers: number[] = [];
    for (let i = 0; i <= TEXT.length; i++) markers.push(r.varint());
    const emails = r.varint();
    const phones = r.varint();
    const links = r.varint();
    const tags = r.varint();
    const lengths: number[] = [];
    for (let i = 2 * (emails + phones + links) + tags; i > 0; i--) lengths.push(r.varint());
    r.body(bodyBytes);
    const displayName = r.text(markers[0] as number);
    const [
      firstName = null,
      lastName = null,
      company = null,
      title = null,
      location = null,
      notes = null,
      metOn = null,
    ] = TEXT.map((_, i) => r.text(markers[i + 1] as number));
    let l = 0;
    const entries = (count: number) => {
      const list: { value: string; label: string | null }[] = [];
      for (let i = 0; i < count; i++) {
        const value = r.take(lengths[l++] as number);
        list.push({ value, label: r.text(lengths[l++] as number) });
      }
      return list;
    };
    const emailList = entries(emails);
    const phoneList = entries(phones);
    const linkList = entries(links).map(({ value, label }) => ({ url: value, label }));
    const tagList: string[] = [];
    for (let i = 0; i < tags; i++) tagList.push(r.take(lengths[l++] as number));
    return {
      displayName: displayName ?? joinedName(firstName, lastName) ?? '',
      firstName,
      lastName,
      company,
      title,
      location,
      notes,
      metOn,
      emails: emailList,
      phones: phoneList,
      links: linkList,
      tags: tagList,
    };
  }
}

/** Reads one stored draft: its header's varints, then its body's texts in order. */
class Reader {
  readonly #buffer: Buffer;
  #at: number;
  #body = '';
  #cut = 0;

  constructor(buffer: Buffer, at: number) {
    this.#buffer = buffer;
    this.#at = at;
  }

  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const byte = this.#buffer[this.#at++] as number;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 0x80;
    }
  }

  body(bytes: number): void {
    this.#body = this.#buffer.toString('utf8', this.#at, this.#at + bytes);
  }

  take(length: number): string {
    this.#cut += length;
    return this.#body.slice(this.#cut - length, this.#cut);
  }

  /** A text field by its marker: 0 for null, else its length + 1. */
  text(marker: number): string | null {
    return marker === 0 ? null : this.take(marker - 1);
  }
}

type Entry = { value: string; label?: string | null } | { url: string; label?: string | null };

/**
 * Header: the display name's marker (0 when it is the first and last name joined, as most are),
 * then each text field's (0 for null, else its length + 1), the four list lengths, and each
 * entry's value length and label marker, each tag's length. Body: the texts in that order.
 */
function encode(draft: ContactDraftParsed): { header: number[]; body: string } {
  const header: number[] = [];
  const parts: string[] = [];
  // Each text on its own: two halves of a pair in adjacent fields would otherwise read back whole.
  const push = (value: string) => parts.push(value.isWellFormed() ? value : value.toWellFormed());
  const text = (value: string | null | undefined) => {
    if (value === null || value === undefined) return 0;
    push(value);
    return value.length + 1;
  };
  const joined = joinedName(draft.firstName ?? null, draft.lastName ?? null);
  header.push(draft.displayName === joined ? 0 : text(draft.displayName));
  for (const field of TEXT) header.push(text(draft[field]));
  header.push(draft.emails.length, draft.phones.length, draft.links.length, draft.tags.length);
  for (const e of [...draft.emails, ...draft.phones, ...draft.links] as Entry[]) {
    const value = 'url' in e ? e.url : e.value;
    push(value);
    header.push(value.length, text(e.label));
  }
  for (const tag of draft.tags) {
    push(tag);
    header.push(tag.length);
  }
  return { header, body: parts.join('') };
}

/** toDraft's name for a row without one (null when neither part is there). */
function joinedName(first: string | null, last: string | null): string | null {
  const joined = [first, last].filter(Boolean).join(' ');
  return joined === '' ? null : joined;
}

/** Little-endian base 128: lengths below 128 (most) take one byte. */
function writeVarint(buffer: Buffer, at: number, value: number): number {
  let n = value;
  let i = at;
  while (n >= 0x80) {
    buffer[i++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  buffer[i++] = n;
  return i;
}
