/** Plain constants about imports and exports, free of zod so the renderer can use them cheaply. */
export const IMPORT_FORMATS = [
  'linkedin-csv',
  'google-csv',
  'google-csv-legacy',
  'outlook-csv',
  'vcard',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'linkedin-csv': 'LinkedIn Connections.csv',
  'google-csv': 'Google Contacts CSV',
  'google-csv-legacy': 'Google Contacts CSV (legacy, UTF-16)',
  'outlook-csv': 'Outlook CSV',
  vcard: 'vCard (.vcf)',
};

/**
 * The largest file an import takes, in every shell. Real address books are far smaller (50,000
 * LinkedIn rows are ~4 MB, a 50,000-contact Google CSV ~30 MB); a bigger file is a wrong pick,
 * refused before it is read (the CLI checks the size on disk, the import screen the picked file's).
 */
export const MAX_IMPORT_MB = 64;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;

/** "big.csv is 450 MB; imports take files up to 64 MB." Rounded up, so a file over the limit never reads as at it. */
export function importTooLargeMessage(fileName: string, bytes: number): string {
  const mb = bytes / 1024 / 1024;
  const shown = mb >= 10 ? String(Math.ceil(mb)) : (Math.ceil(mb * 10) / 10).toFixed(1);
  return `${fileName} is ${shown} MB; imports take files up to ${MAX_IMPORT_MB} MB.`;
}

export const EXPORT_FORMATS = ['vcard', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How an incoming row was recognised as someone already in the address book. 'uid': a card this
 * app exported from this address book, with the same name (imports only, never a duplicate pair).
 */
export const MATCH_REASONS = ['uid', 'email', 'phone', 'linkedin', 'name'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export const MATCH_REASON_LABELS: Record<MatchReason, string> = {
  uid: 'exported from this app',
  email: 'same e-mail',
  phone: 'same phone number',
  linkedin: 'same LinkedIn profile',
  name: 'same name and company',
};

/** Fields a merge lets the user pick from either contact (lists are always united). */
export const MERGE_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'company',
  'title',
  'location',
  'timeZone',
  'notes',
  'metOn',
  'metWhere',
  'howMet',
  'discussed',
  'interests',
  'nextStep',
  'preferredChannel',
  'pacing',
  'cadenceDays',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
