import { DEFAULT_SETTINGS, type Settings, SettingsPatch } from '../../shared/settings.ts';

/**
 * What handlers need from settings. The desktop app backs it with electron-store, the HTTP
 * shell and CLI with conf (electron-store's own engine) over the same config.json.
 */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** The minimal key-value surface shared by electron-store and conf. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function settingsOver(kv: KeyValueStore): SettingsStore {
  const read = (): Settings => {
    const raw: Record<string, unknown> = {};
    for (const key of Object.keys(DEFAULT_SETTINGS)) raw[key] = kv.get(key);
    // A hand-edited or older config must not break start-up: fall back field by field.
    const parsed = SettingsPatch.safeParse(raw);
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
  };
  return {
    get: read,
    update(patch) {
      const valid = SettingsPatch.parse(patch);
      for (const [key, value] of Object.entries(stripUndefined(valid))) kv.set(key, value);
      return read();
    },
  };
}

export function inMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  const map = new Map<string, unknown>(Object.entries(initial));
  return settingsOver({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
