import { useState } from 'react';
import type { ExportFormat } from '../../../shared/domain/import-formats.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { href } from '../app/router.ts';
import { saveTextFile } from '../files/saveFile.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { useToast } from '../ui/Toast.tsx';
import { RestoreBackup } from './RestoreBackup.tsx';

const EXPORTS: { format: ExportFormat; label: string; hint: string; button: string }[] = [
  {
    format: 'vcard',
    label: 'Contacts as vCard 3.0',
    hint: 'For phones, Apple and Google Contacts, Outlook and CardDAV servers.',
    button: 'Export .vcf',
  },
  {
    format: 'csv',
    label: 'Contacts as CSV',
    hint: 'In Google Contacts’ layout: opens in a spreadsheet, imports into Google.',
    button: 'Export .csv',
  },
  {
    format: 'json',
    label: 'Full backup',
    hint: 'Everything, as JSON: contacts, events, interactions, follow-ups, promises and settings.',
    button: 'Export .json',
  },
];

/** Take everything out, any time: the user's network is theirs. */
export function DataExportSettings() {
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const file = await api['data.export']({ format });
      const outcome = await saveTextFile(file.fileName, file.content, file.mimeType);
      if (outcome.kind === 'cancelled') return;
      const what = format === 'json' ? 'Backup' : plural(file.count, 'contact');
      toast({
        tone: 'success',
        message: outcome.kind === 'saved' ? `${what} saved` : `${what} exported`,
        detail: outcome.kind === 'saved' ? outcome.path : `${file.fileName}, in your downloads`,
      });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not export', detail: toApiError(e).describe() });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <p className="muted">
        Bring contacts in from LinkedIn, Google, Outlook or a phone with <a href={href('/import')}>Import</a>,
        take everything out again here, and bring a backup back.
      </p>
      <div className="setting-list">
        {EXPORTS.map((e) => (
          <div key={e.format} className="setting-row">
            <div className="setting-text">
              <span className="setting-label">{e.label}</span>
              <p className="setting-hint">{e.hint}</p>
            </div>
            <div className="setting-control">
              <Button
                size="sm"
                icon="download"
                busy={busy === e.format}
                disabled={busy !== null}
                onClick={() => void run(e.format)}
              >
                {e.button}
              </Button>
            </div>
          </div>
        ))}
        <RestoreBackup />
      </div>
    </section>
  );
}
