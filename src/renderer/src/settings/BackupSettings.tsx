import { useState } from 'react';
import type { Settings } from '../../../shared/settings.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { formatInstant } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';
import { INLINE, NumberSettingRow, SettingRow, SwitchSetting, useSaveSettings } from './SettingControls.tsx';

/** How many copies the list shows before "and N older". */
const SHOWN = 5;

/** A daily copy of the database, the oldest dropped beyond `keep`; one more on demand. */
export function BackupSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const toast = useToast();
  const save = useSaveSettings();
  const list = useApiData('backups.list', (a) => a['backups.list']({}), ['settings']);
  const [creating, setCreating] = useState(false);
  const { enabled, keep } = settings.backups;

  const backUpNow = async () => {
    setCreating(true);
    try {
      const item = await api['backups.create']({});
      list.reload();
      toast({ tone: 'success', message: 'Backup made', detail: item.file });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not back up', detail: toApiError(e).describe() });
    } finally {
      setCreating(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <section className="settings-section" aria-labelledby="backups-title">
      <h2 id="backups-title">Automatic backups</h2>
      <p className="muted">A copy of the whole database once a day while Followthrough runs.</p>
      <div className="setting-list">
        <SettingRow label="Back up every day" hint="Safe while you work: the copy is taken consistently.">
          <SwitchSetting
            label="Back up every day"
            checked={enabled}
            onChange={(on) => void save({ backups: { enabled: on, keep } })}
          />
        </SettingRow>
        <NumberSettingRow
          label="Copies to keep"
          hint="The oldest is deleted when a new one is made."
          value={keep}
          min={1}
          max={365}
          disabled={!enabled}
          onSave={(n) => save({ backups: { enabled, keep: n } }, INLINE)}
        />
        <div className="setting-row backup-folder-row">
          <div className="setting-text">
            <span className="setting-label">Folder</span>
            <p className="setting-hint mono backup-dir">{list.data?.dir ?? '\u00a0'}</p>
          </div>
          <div className="setting-control">
            <Button size="sm" icon="archive" busy={creating} onClick={() => void backUpNow()}>
              Back up now
            </Button>
          </div>
        </div>
        {list.error ? (
          <div className="setting-row">
            <ErrorBanner error={list.error} title="Could not list the backups" onRetry={list.reload} />
          </div>
        ) : list.data ? (
          <div className="setting-row backup-items-row">
            {items.length ? (
              <ul className="backup-items" aria-label="Backups">
                {items.slice(0, SHOWN).map((item) => (
                  <li key={item.file}>
                    <span className="mono truncate" title={item.file}>
                      {baseName(item.file)}
                    </span>
                    <span className="faint">{formatSize(item.bytes)}</span>
                    <span className="muted">{formatInstant(item.createdAt)}</span>
                  </li>
                ))}
                {items.length > SHOWN ? (
                  <li className="faint">and {plural(items.length - SHOWN, 'older copy', 'older copies')}</li>
                ) : null}
              </ul>
            ) : (
              <p className="setting-hint">No backups yet.</p>
            )}
          </div>
        ) : null}
      </div>
      <p className="setting-hint backup-restore-note">
        To go back to one of these copies, or to a full backup exported above, use Restore from a backup under
        Data. It shows what the file holds before anything changes, and keeps a copy of the current data
        first.
      </p>
    </section>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
