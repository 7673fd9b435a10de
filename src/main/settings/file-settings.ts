import Conf from 'conf';
import { SETTINGS_FILE_STEM } from './file-name.ts';
import { type SettingsStore, settingsOver } from './settings-store.ts';

/**
 * Settings for the HTTP shell and the CLI: conf is electron-store's own engine, pointed at the
 * same config.json in the data folder, so a theme chosen in the browser shows in the desktop app.
 * Values are validated by the shared zod schema in settingsOver, not by conf.
 */
export function openFileSettings(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_FILE_STEM,
    projectName: 'Followthrough',
    // A corrupt or hand-broken config.json must not stop the app; settingsOver falls back to defaults.
    clearInvalidConfig: false,
  });
  return settingsOver({
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    get store() {
      return conf.store;
    },
  });
}
