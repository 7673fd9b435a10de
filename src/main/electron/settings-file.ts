import { join } from 'node:path';
import type { Schema } from 'electron-store';
import { settingsJsonSchema } from '../../shared/settings.ts';
import { SETTINGS_FILE_STEM } from '../settings/file-name.ts';
import type { KeyValueStore } from '../settings/settings-store.ts';
import type { Log } from './external-links.ts';

/**
 * electron-store options that make it read and write the same config.json as the HTTP shell
 * and the CLI (which use conf, electron-store's engine): same folder (beside the database, not
 * Electron's userData when FOLLOWTHROUGH_DB points elsewhere), same name, same schema.
 */
export function settingsFileOptions(dataDir: string, withSchema: boolean) {
  return {
    name: SETTINGS_FILE_STEM,
    cwd: dataDir,
    // zod's JSON Schema output is the draft-7 subset conf validates with (ajv).
    ...(withSchema ? { schema: settingsJsonSchema.properties as Schema<Record<string, unknown>> } : {}),
  };
}

export type SettingsFileOptions = ReturnType<typeof settingsFileOptions>;

export interface OpenedSettingsFile {
  store: KeyValueStore;
  /** False when config.json could not be read and settings live in memory for this session. */
  persistent: boolean;
}

/**
 * Opens config.json without letting it stop the app. A value the schema rejects (a hand edit,
 * a theme a newer version added) makes conf throw in its constructor; the file is then opened
 * without the schema and settings-store.ts falls back field by field. A file that is not JSON
 * at all is left alone (never cleared: it may be the user's to fix) and settings are kept in
 * memory for this session.
 */
export function openSettingsFile(
  dataDir: string,
  create: (options: SettingsFileOptions) => KeyValueStore,
  log: Log,
): OpenedSettingsFile {
  try {
    return { store: create(settingsFileOptions(dataDir, true)), persistent: true };
  } catch (error) {
    log(`Settings in ${settingsPath(dataDir)} do not match the schema; using defaults where invalid.`, error);
  }
  try {
    return { store: create(settingsFileOptions(dataDir, false)), persistent: true };
  } catch (error) {
    log(`Could not read ${settingsPath(dataDir)}; settings will not be saved this session.`, error);
  }
  const memory = new Map<string, unknown>();
  return {
    store: { get: (key) => memory.get(key), set: (key, value) => void memory.set(key, value) },
    persistent: false,
  };
}

export function settingsPath(dataDir: string): string {
  return join(dataDir, `${SETTINGS_FILE_STEM}.json`);
}
