import type { ContactDraftParsed } from '../../shared/domain/contact.ts';
import { MATCH_REASONS, type MatchReason } from '../../shared/domain/import-formats.ts';
import { Column } from './column.ts';
import { DraftStore } from './draft-store.ts';
import { RowIndex, stringHash } from './row-index.ts';

/** Where a row's data goes: someone already known, or a contact created earlier in this file. */
export type Target = { existing: number } | { pending: number };

/**
 * new: a contact to create. match: merged into `target` (this app's UID, e-mail, LinkedIn URL,
 * or a phone number under an agreeing name).
 * review: same name and company as `target`, or its phone number under another name (or none):
 * created, unless the user ticks it for merging.
 */
export type RowKind = 'new' | 'match' | 'review';

/** One planned row, as `PlannedRows.at` reads it back (its draft: `PlannedRows.draft`). */
export interface PlannedRow {
  line: number;
  /** The stored text of the row's content hash (see fingerprintOf in plan.ts). */
  fingerprint: string;
  kind: RowKind;
  target: Target | undefined;
  reason: MatchReason | undefined;
  /** An organisation's card (its name is the company's): the name is not split into first and last. */
  organisation: boolean;
}

const KINDS = ['new', 'match', 'review'] as const satisfies readonly RowKind[];
const DIGEST_BYTES = 20;
/** meta's bits: kind (2), reason + 1 (3, 0 for none), organisation (1), target's kind (2). */
const ORGANISATION = 1 << 5;
const EXISTING = 1 << 6;
const PENDING = 1 << 7;

/**
 * A preview's planned rows, held until the commit, in columns rather than an object per row: as
 * objects, strings, and Map and Set entries, a 560,000-row LinkedIn file held ~500 B of V8 heap a
 * row (690–735 MB peak for 57 MB). Numbers live in typed arrays, drafts in buffers (DraftStore),
 * the fingerprint as its 20 bytes, turned back into the stored base64url text when read: ~190 B
 * a row with the in-file indexes, all outside the V8 heap. Append-only: row i is the i-th planned.
 */
export class PlannedRows {
  readonly #drafts = new DraftStore();
  readonly #lines = new Column((n) => new Int32Array(n));
  readonly #meta = new Column((n) => new Uint8Array(n));
  readonly #targets = new Column((n) => new Float64Array(n));
  readonly #fingerprints = new Column((n) => Buffer.alloc(n), DIGEST_BYTES);
  readonly #byFingerprint = new RowIndex<string>(stringHash, (row) => this.fingerprint(row));

  get size(): number {
    return this.#drafts.size;
  }

  /** Appends a row; returns its index. */
  add(row: PlannedRow, draft: ContactDraftParsed): number {
    const index = this.#drafts.append(draft);
    const target = row.target;
    const reason = row.reason === undefined ? 0 : MATCH_REASONS.indexOf(row.reason) + 1;
    this.#meta.set(
      index,
      KINDS.indexOf(row.kind) |
        (reason << 2) |
        (row.organisation ? ORGANISATION : 0) |
        (target === undefined ? 0 : 'existing' in target ? EXISTING : PENDING),
    );
    this.#targets.set(
      index,
      target === undefined ? 0 : 'existing' in target ? target.existing : target.pending,
    );
    this.#lines.set(index, row.line);
    this.#fingerprints.set(index, 0); // allocates the entry's block, written as bytes below
    const written = this.#fingerprints
      .block(index)
      .write(row.fingerprint, this.#fingerprints.offset(index), DIGEST_BYTES, 'base64url');
    if (written !== DIGEST_BYTES) throw new Error(`not a SHA-1 fingerprint: ${row.fingerprint}`);
    this.#byFingerprint.add(row.fingerprint, index);
    return index;
  }

  /** Whether a row with this fingerprint is planned already. */
  hasFingerprint(fingerprint: string): boolean {
    return this.#byFingerprint.get(fingerprint) !== undefined;
  }

  at(index: number): PlannedRow {
    return {
      line: this.line(index),
      fingerprint: this.fingerprint(index),
      kind: this.kind(index),
      target: this.target(index),
      reason: this.reason(index),
      organisation: (this.#meta.get(index) & ORGANISATION) !== 0,
    };
  }

  /** The row's draft, with fresh arrays and objects (callers may change them). */
  draft(index: number): ContactDraftParsed {
    return this.#drafts.get(index);
  }

  line(index: number): number {
    return this.#lines.get(index);
  }

  kind(index: number): RowKind {
    return KINDS[this.#meta.get(index) & 3] as RowKind;
  }

  target(index: number): Target | undefined {
    const meta = this.#meta.get(index);
    const value = this.#targets.get(index);
    if (meta & EXISTING) return { existing: value };
    if (meta & PENDING) return { pending: value };
    return undefined;
  }

  reason(index: number): MatchReason | undefined {
    const reason = (this.#meta.get(index) >> 2) & 7;
    return reason === 0 ? undefined : MATCH_REASONS[reason - 1];
  }

  fingerprint(index: number): string {
    const at = this.#fingerprints.offset(index);
    return this.#fingerprints.block(index).toString('base64url', at, at + DIGEST_BYTES);
  }
}
