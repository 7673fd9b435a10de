import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../shared/settings.ts';

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
  /**
   * Every key at once, where the store can: conf and electron-store read config.json afresh on
   * each access (so a change made by another shell shows), and get() per key read it 14 times.
   */
  readonly store?: Record<string, unknown>;
}

type Key = keyof Settings;
const KEYS = Object.keys(DEFAULT_SETTINGS) as Key[];

export function settingsOver(kv: KeyValueStore): SettingsStore {
  // Field by field: a hand-edited or older config with one bad value keeps all the others.
  const read = (): Settings => {
    const out = { ...DEFAULT_SETTINGS } as Record<Key, unknown>;
    const all = kv.store;
    for (const key of KEYS) {
      const stored = all === undefined ? kv.get(key) : Object.hasOwn(all, key) ? all[key] : undefined;
      if (stored === undefined) continue;
      const parsed = Settings.shape[key].safeParse(stored);
      if (parsed.success) out[key] = parsed.data;
    }
    return out as Settings;
  };
  return {
    get: read,
    update(patch) {
      const valid = SettingsPatch.parse(patch);
      // zod fills defaults even for keys the patch left out: write only what was sent.
      for (const key of KEYS) {
        if (Object.hasOwn(patch, key) && valid[key] !== undefined) kv.set(key, valid[key]);
      }
      return read();
    },
  };
}

export function inMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  const map = new Map<string, unknown>(Object.entries(initial));
  return settingsOver({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) });
}
