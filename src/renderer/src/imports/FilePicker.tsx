import { useEffect, useId, useRef } from 'react';
import type { ImportFormat } from '../../../shared/domain/import-formats.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { FormatOptions } from './FormatOptions.tsx';

export const ACCEPTED_FILES = '.csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard';

/** Where each address book hands out its file, for the first import. */
const WHERE_TO_GET: { name: string; how: string }[] = [
  { name: 'LinkedIn', how: 'Settings, Data privacy, Get a copy of your data, Connections' },
  { name: 'Google Contacts', how: 'Export, Google CSV or vCard' },
  { name: 'Outlook', how: 'People, Manage contacts, Export contacts' },
  { name: 'iPhone, Android, Mac', how: 'share or export the contacts as a vCard (.vcf)' },
];

/** Choose a file (or drop it anywhere on the screen) and, rarely, say what format it is. */
export function FilePicker({
  format,
  onFormatChange,
  onFile,
}: {
  format: ImportFormat | null;
  onFormatChange: (format: ImportFormat | null) => void;
  onFile: (file: File) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const formatId = useId();

  useEffect(() => {
    buttonRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <section className="import-picker card" aria-label="Choose a file">
      <div className="import-drop">
        <span className="import-drop-icon" aria-hidden="true">
          <Icon name="download" size={22} />
        </span>
        <h2>Bring in the people you already know</h2>
        <p className="muted">
          Drop a file here, or choose one. Nothing is saved until you have seen the preview.
        </p>
        <div className="import-drop-actions">
          <Button ref={buttonRef} variant="primary" icon="plus" onClick={() => inputRef.current?.click()}>
            Choose file…
          </Button>
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPTED_FILES}
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Contacts file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
          <label className="import-format" htmlFor={formatId}>
            <span className="muted">Format</span>
            <select
              id={formatId}
              className="select select-sm"
              value={format ?? ''}
              onChange={(e) => onFormatChange((e.target.value || null) as ImportFormat | null)}
            >
              <option value="">Auto-detect</option>
              <FormatOptions />
            </select>
          </label>
        </div>
      </div>
      <dl className="import-sources">
        {WHERE_TO_GET.map((s) => (
          <div key={s.name}>
            <dt>{s.name}</dt>
            <dd>{s.how}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
