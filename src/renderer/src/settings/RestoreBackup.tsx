import { useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { RestoreCounts, RestorePreview, RestoreResult } from '../../../shared/domain/imports.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { formatInstant } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { readFileAsBase64 } from '../imports/readFile.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import './RestoreBackup.css';

/** A JSON backup (Export .json) or a database copy (the backups folder, `backup --out`). */
const ACCEPTED = '.json,.sqlite,.db,application/json';

const ROWS: [keyof RestoreCounts, string][] = [
  ['contacts', 'Contacts'],
  ['events', 'Events'],
  ['interactions', 'Interactions'],
  ['followUps', 'Follow-ups'],
  ['promises', 'Promises'],
];

/** The file as read once: the preview and the restore send the same bytes. */
interface Chosen {
  fileName: string;
  content: string;
  preview: RestorePreview;
}

/**
 * Restore in three steps: choose a file, see what it holds and what it replaces (main checks it
 * exactly as the restore will, writing nothing), confirm. Main saves a copy of the current data
 * before it replaces anything; the outcome says where.
 */
export function RestoreBackup() {
  const api = useApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<{ title: string; error: ApiError }>();
  const [result, setResult] = useState<RestoreResult | null>(null);

  const check = async (file: File) => {
    setError(undefined);
    setResult(null);
    setChecking(file.name);
    try {
      const content = await readFileAsBase64(file);
      const preview = await api['data.previewRestore']({ fileName: file.name, content, encoding: 'base64' });
      setChosen({ fileName: file.name, content, preview });
    } catch (e) {
      // The message names the file and says nothing changed; the title only says what happened.
      setError({ title: 'Not restored', error: toApiError(e) });
    } finally {
      setChecking(null);
    }
  };

  const restore = async (file: Chosen) => {
    // A refusal here stays in the dialog (ConfirmDialog shows it); nothing was changed.
    const outcome = await api['data.restore']({
      fileName: file.fileName,
      content: file.content,
      encoding: 'base64',
      confirm: true,
    });
    notifyChanged('contacts', 'events', 'interactions', 'followups', 'settings');
    setChosen(null);
    setResult(outcome);
  };

  return (
    <>
      <div className="setting-row restore-row">
        <div className="setting-text">
          <span className="setting-label">Restore from a backup</span>
          <p className="setting-hint">
            A full backup (.json) or a database copy (.sqlite) from the backups folder. You see what it holds
            before anything changes.
          </p>
        </div>
        <div className="setting-control">
          <Button size="sm" icon="refresh" busy={checking !== null} onClick={() => inputRef.current?.click()}>
            Choose backup…
          </Button>
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPTED}
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Backup file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void check(file);
            }}
          />
        </div>
      </div>
      {checking || error || result ? (
        <div className="setting-row restore-status-row">
          {checking ? (
            <p className="setting-hint" role="status">
              Checking {checking}… Nothing changes until you confirm.
            </p>
          ) : error ? (
            <ErrorBanner error={error.error} title={error.title} />
          ) : result ? (
            <RestoreOutcome result={result} />
          ) : null}
        </div>
      ) : null}
      {chosen ? (
        <ConfirmDialog
          title="Replace your data with this backup?"
          confirmLabel="Replace my data"
          onConfirm={() => restore(chosen)}
          onClose={() => setChosen(null)}
        >
          <BackupSummary preview={chosen.preview} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function BackupSummary({ preview }: { preview: RestorePreview }) {
  const { counts, current } = preview;
  const emptying = counts.contacts === 0 && current.contacts > 0;
  return (
    <div className="restore-summary">
      <p>
        <strong className="mono restore-file">{preview.fileName}</strong>
        <br />
        {preview.kind === 'json'
          ? `Full backup${preview.exportedAt ? `, exported ${formatInstant(preview.exportedAt)}` : ''}`
          : 'Database copy'}
        <br />
        <span className="faint">Schema version {preview.schemaVersion}</span>
      </p>
      <CountsTable
        caption="What the backup holds"
        left={['In the backup', counts]}
        right={['Now', current]}
      />
      {emptying ? (
        <p className="banner banner-warning" role="note">
          <Icon name="alert" />
          <span>
            This backup holds no contacts. Restoring it leaves you with none (you have{' '}
            {plural(current.contacts, 'contact')} now).
          </span>
        </p>
      ) : null}
      <p className="muted">
        Everything now in Followthrough is replaced
        {preview.hasSettings ? ', settings included' : '; your settings stay as they are'}. A copy of the
        current data is saved in the backups folder first, so you can go back.
      </p>
    </div>
  );
}

function RestoreOutcome({ result }: { result: RestoreResult }) {
  return (
    <div className="restore-outcome" role="status">
      <p className="restore-outcome-title">
        <Icon name="check" /> Backup restored
      </p>
      <CountsTable
        caption="Before and after the restore"
        left={['Before', result.before]}
        right={['Now', result]}
      />
      {result.contacts === 0 && result.before.contacts > 0 ? (
        <p>
          The backup held no contacts, so there are none now (there were{' '}
          {result.before.contacts.toLocaleString()}).
        </p>
      ) : null}
      {result.safetyBackup ? (
        <p className="muted">
          The data as it was before is in <span className="mono restore-file">{result.safetyBackup}</span>.
          Restore that file the same way to go back.
        </p>
      ) : null}
    </div>
  );
}

function CountsTable({
  caption,
  left,
  right,
}: {
  caption: string;
  left: [string, RestoreCounts];
  right: [string, RestoreCounts];
}) {
  return (
    <table className="restore-counts">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{left[0]}</th>
          <th scope="col">{right[0]}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{left[1][key].toLocaleString()}</td>
            <td>{right[1][key].toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
