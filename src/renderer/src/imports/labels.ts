import type { ProgressPayload } from '../../../shared/api/bridge.ts';
import { IMPORT_FORMAT_LABELS, type ImportFormat } from '../../../shared/domain/import-formats.ts';

/** Where a contact came from, in a sentence: "Connections.csv (LinkedIn)". */
const SOURCE_NAMES: Record<ImportFormat, string> = {
  'linkedin-csv': 'LinkedIn',
  'google-csv': 'Google Contacts',
  'google-csv-legacy': 'Google Contacts',
  'outlook-csv': 'Outlook',
  vcard: 'vCard',
};

export function sourceName(format: string): string {
  return SOURCE_NAMES[format as ImportFormat] ?? format;
}

export function formatLabel(format: string): string {
  return IMPORT_FORMAT_LABELS[format as ImportFormat] ?? format;
}

export const PHASE_LABELS: Record<ProgressPayload['phase'], string> = {
  reading: 'Reading the file',
  matching: 'Matching with your contacts',
  writing: 'Saving contacts',
  done: 'Finishing',
};
