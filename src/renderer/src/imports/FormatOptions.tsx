import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from '../../../shared/domain/import-formats.ts';

/** The formats an import reads, as <option>s (the picker adds "Auto-detect" before them). */
export function FormatOptions() {
  return IMPORT_FORMATS.map((f) => (
    <option key={f} value={f}>
      {IMPORT_FORMAT_LABELS[f]}
    </option>
  ));
}
