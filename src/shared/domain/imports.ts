import { z } from 'zod';
import { id } from './common.ts';
import type { ContactSummary } from './contact.ts';
import {
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  type ImportFormat,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MB,
  type MatchReason,
  MERGE_FIELDS,
  type MergeField,
} from './import-formats.ts';

/** Base64 of the largest file an import takes (4 characters per 3 bytes). */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/**
 * A file comes as `content` or as `path`. The renderer (desktop window and browser shell alike)
 * uploads the bytes, under the size limit; it is untrusted, so it never names a file for main to
 * open. The CLI names the file it was given: main is the same process and the same user there,
 * and reading the file as a stream keeps memory bounded (the service honours `path` only when
 * the shell is the CLI, and checks the size on disk before reading).
 */
export const ImportPreviewInput = z
  .object({
    /** Shown in problems and recorded as the contacts' source; never opened by main. */
    fileName: z.string().trim().min(1).max(255),
    /** The file's bytes, base64: the legacy Google export is UTF-16, so text would not do. */
    content: z
      .base64({ message: 'must be the file content in base64' })
      .max(MAX_IMPORT_BASE64, `imports take files up to ${MAX_IMPORT_MB} MB`)
      .optional(),
    /** CLI only: the file to read, as an absolute path. */
    path: z.string().min(1).max(4096).optional(),
    /** Skips detection (the file must still have a header the format can be read by). */
    format: z.enum(IMPORT_FORMATS).optional(),
  })
  .refine((i) => (i.content === undefined) !== (i.path === undefined), {
    message: 'give the file either as content or as path',
    path: ['content'],
  });
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;

export const ImportCommitInput = z.object({
  previewId: z.string().min(1).max(100),
  /** Lines of "possible match" rows the user chose to merge into the suggested contact. */
  mergeLines: z.array(z.number().int().positive()).max(100_000).default([]),
});
export type ImportCommitInput = z.input<typeof ImportCommitInput>;

export interface ImportProblemItem {
  file: string;
  line: number;
  column: string | null;
  message: string;
  severity: 'error' | 'warning';
}

/** A row that matched someone already known. */
export interface ImportMatch {
  line: number;
  name: string;
  reason: MatchReason;
  contact: Pick<ContactSummary, 'id' | 'displayName' | 'company' | 'title'>;
  /** Set when the match is an earlier row of the same file (the file lists someone twice). */
  inFileLine: number | null;
  /** What the import would add to that contact (e.g. "1 e-mail, 2 tags"); empty when nothing. */
  adds: string[];
}

export interface ImportPreview {
  previewId: string;
  fileName: string;
  format: ImportFormat;
  /** False when the user forced the format. */
  detected: boolean;
  /** Data rows or cards read, including those skipped with a problem (blank rows and group cards aside). */
  rows: number;
  /**
   * Lines in the file, up to its last non-blank one: set beside `rows`, so nobody has to trust
   * that a quote opened on line 11 did not swallow the rest of the file.
   */
  lines: number;
  counts: { new: number; matched: number; review: number; unchanged: number; problems: number };
  /** The first new contacts, to recognise the file. */
  sampleNew: { line: number; name: string; company: string | null; title: string | null }[];
  /** Matched by exported UID, e-mail, phone or LinkedIn URL: merged into the existing contact on commit. */
  matches: ImportMatch[];
  /** Same name and company only: merged only if the user ticks them (mergeLines), else added. */
  review: ImportMatch[];
  problems: ImportProblemItem[];
  /** Lists above are capped for the screen; counts are exact. */
  truncated: boolean;
}

export interface ImportResult {
  /** Null when the file brought nothing new (every row already imported): no import run is recorded. */
  importId: number | null;
  fileName: string;
  format: ImportFormat;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportRun {
  id: number;
  fileName: string;
  format: ImportFormat;
  importedAt: string;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Contacts of this run still waiting for review. */
  toReview: number;
}

export const MarkReviewedInput = z.union([
  z.object({ ids: z.array(id).min(1).max(100_000) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkReviewedInput = z.input<typeof MarkReviewedInput>;

export interface DuplicatePair {
  a: ContactSummary;
  b: ContactSummary;
  /** Strongest first: an e-mail shared is near certain, a name alone only likely. */
  reasons: { reason: MatchReason; value: string }[];
}

export const DuplicateListInput = z
  .object({ limit: z.number().int().min(1).max(5000).default(200) })
  .default({
    limit: 200,
  });

export const DismissDuplicateInput = z.object({ a: id, b: id }).refine((p) => p.a !== p.b, 'a and b differ');

export const MergeInput = z
  .object({
    /** The contact that stays (its id, links and history remain valid). */
    keepId: id,
    /** The contact merged into it and then removed. */
    mergeId: id,
    /** Fields to take from the merged contact; every other field keeps the kept contact's value
     *  (or the merged one's where the kept contact has none). */
    take: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length).default([]),
  })
  .refine((m) => m.keepId !== m.mergeId, 'a contact cannot be merged into itself');
export type MergeInput = z.input<typeof MergeInput>;

export interface MergeResult {
  contactId: number;
  mergedId: number;
  /** What the merge moved over, for the confirmation toast. */
  moved: {
    emails: number;
    phones: number;
    links: number;
    tags: number;
    interactions: number;
    followUps: number;
    promises: number;
  };
}

/** The merge "Undo last merge" would undo, if any. */
export interface LastMerge {
  keptId: number;
  mergedId: number;
  /** The merged contact's name as it was, for "Undo merge of Sam Lee". */
  mergedName: string;
  mergedAt: string;
}

export interface UndoMergeResult {
  keptId: number;
  restoredId: number;
}

export const ExportInput = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** Only these contacts (vCard and CSV); a JSON backup is always everything. */
  contactIds: z.array(id).max(100_000).optional(),
});
export type ExportInput = z.input<typeof ExportInput>;

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

/** Base64 text: the bytes of a database copy (or of any backup file) as JSON can carry them. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A backup file as main receives it; main tells a JSON backup from a database copy by content. */
const backupFile = {
  /** Shown in messages; never opened by main. */
  fileName: z.string().trim().min(1).max(255).default('the backup'),
  /** A JSON backup's text, or (encoding "base64") the file's bytes: a database copy comes so. */
  content: z
    .string()
    .min(2)
    .max(512 * 1024 * 1024),
  encoding: z.enum(['text', 'base64']).default('text'),
};
const isBase64Content = (f: { content: string; encoding: 'text' | 'base64' }) =>
  f.encoding === 'text' || (f.content.length % 4 === 0 && BASE64.test(f.content));
const notBase64 = { path: ['content'], message: 'must be the file content in base64' };

export const PreviewRestoreInput = z.object(backupFile).refine(isBase64Content, notBase64);
export type PreviewRestoreInput = z.input<typeof PreviewRestoreInput>;

export const RestoreInput = z
  .object({
    ...backupFile,
    confirm: z.literal(true, { message: 'restoring replaces every contact: confirm with confirm: true' }),
  })
  .refine(isBase64Content, notBase64);
export type RestoreInput = z.input<typeof RestoreInput>;

export type BackupKind = 'json' | 'database';

export interface RestoreCounts {
  contacts: number;
  events: number;
  interactions: number;
  followUps: number;
  promises: number;
}

/** What a backup holds and what it would replace; checked as a restore would, nothing written. */
export interface RestorePreview {
  fileName: string;
  kind: BackupKind;
  /** When a JSON backup was exported; null for a database copy, which records no date. */
  exportedAt: string | null;
  schemaVersion: number;
  /** What the backup holds (after bringing it to the current schema). */
  counts: RestoreCounts;
  /** What the database holds now: all of it is replaced. */
  current: RestoreCounts;
  /** A JSON backup brings its settings back; a database copy leaves them as they are. */
  hasSettings: boolean;
}

export interface RestoreResult extends RestoreCounts {
  /** What the database held just before, so a restore that empties it cannot go unnoticed. */
  before: RestoreCounts;
  /** The copy of the database taken just before the restore, to go back if needed. */
  safetyBackup: string | null;
}

export interface BackupItem {
  file: string;
  bytes: number;
  createdAt: string;
}

export interface BackupList {
  dir: string;
  keep: number;
  enabled: boolean;
  items: BackupItem[];
}

export type { ImportFormat, MatchReason, MergeField };
