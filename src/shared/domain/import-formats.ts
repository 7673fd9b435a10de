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
