import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Theme } from '../../../shared/settings.ts';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { MailSettings } from '../mail/MailSettings.tsx';
import { SyncSettings } from '../sync/SyncSettings.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { BackupSettings } from './BackupSettings.tsx';
import { CalendarFeedSettings } from './CalendarFeedSettings.tsx';
import { ComposerSettings } from './ComposerSettings.tsx';
import { DataExportSettings } from './DataExportSettings.tsx';
import { CapSettings, FollowUpTimingSettings } from './FollowUpSettings.tsx';
import { NotificationSettings } from './NotificationSettings.tsx';
import { PlaybookSettings } from './PlaybookSettings.tsx';
import { useSettings } from './SettingsContext.tsx';
import { TagSettings } from './TagSettings.tsx';
import { TemplateSettings } from './TemplateSettings.tsx';
import './settings.css';

const THEMES: { value: Theme; label: string; icon: IconName; hint: string }[] = [
  { value: 'system', label: 'System', icon: 'monitor', hint: 'Follows your computer' },
  { value: 'light', label: 'Light', icon: 'sun', hint: 'Always light' },
  { value: 'dark', label: 'Dark', icon: 'moon', hint: 'Always dark' },
];

export function SettingsScreen() {
  const { settings, theme, update, error: loadError, reload } = useSettings();
  const [error, setError] = useState<ApiError>();
  const info = useApiData('app.info', (api) => api['app.info']({}));

  const choose = async (theme: Theme) => {
    setError(undefined);
    try {
      await update({ theme });
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>Settings</h1>
        </div>
      </header>
      <div className="settings-body">
        <section className="settings-section" aria-labelledby="appearance-title">
          <h2 id="appearance-title">Appearance</h2>
          <p className="muted">Choose how Followthrough looks. Saved for this database, in every window.</p>
          <div className="theme-options" role="radiogroup" aria-label="Theme">
            {THEMES.map((t) => (
              <label key={t.value} className="theme-option">
                <input
                  type="radio"
                  name="theme"
                  value={t.value}
                  checked={theme === t.value}
                  onChange={() => void choose(t.value)}
                />
                <span className={`theme-preview theme-preview-${t.value}`} aria-hidden="true">
                  <span className="theme-preview-sidebar" />
                  <span className="theme-preview-lines">
                    <span />
                    <span />
                    <span />
                  </span>
                </span>
                <span className="theme-option-text">
                  <span className="theme-option-label">
                    <Icon name={t.icon} size={14} /> {t.label}
                  </span>
                  <span className="theme-option-hint">{t.hint}</span>
                </span>
              </label>
            ))}
          </div>
          <ErrorBanner error={error} title="Could not change the theme" />
          {loadError ? (
            <ErrorBanner error={loadError} title="Could not read your settings" onRetry={reload} />
          ) : null}
        </section>
        {settings ? (
          <>
            <FollowUpTimingSettings settings={settings} />
            <CapSettings settings={settings} />
            <PlaybookSettings settings={settings} />
            <ComposerSettings settings={settings} />
            <TemplateSettings />
            <NotificationSettings settings={settings} />
            <CalendarFeedSettings />
            <MailSettings settings={settings} />
            <SyncSettings />
            <TagSettings settings={settings} />
            <DataExportSettings />
            <BackupSettings settings={settings} />
          </>
        ) : null}
        <section className="settings-section" aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          {info.error ? <ErrorBanner error={info.error} onRetry={info.reload} /> : null}
          {info.data ? (
            <dl className="about-list">
              <div>
                <dt>Version</dt>
                <dd>{info.data.version}</dd>
              </div>
              <div>
                <dt>Running as</dt>
                <dd>
                  {info.data.shell === 'electron'
                    ? 'Desktop app'
                    : info.data.shell === 'http'
                      ? 'Browser (local server)'
                      : 'Command line'}
                </dd>
              </div>
              <div>
                <dt>Database</dt>
                <dd className="mono">{info.data.databasePath}</dd>
              </div>
              <div>
                <dt>Schema</dt>
                <dd>Version {info.data.schemaVersion}</dd>
              </div>
            </dl>
          ) : null}
        </section>
      </div>
    </div>
  );
}
