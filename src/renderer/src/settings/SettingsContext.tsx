import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Settings, SettingsPatch } from '../../../shared/settings.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { applyTheme, cachedTheme, followSystemTheme } from './theme.ts';

interface SettingsValue {
  settings: Settings;
  /** Why the stored settings could not be read (the cached theme stays in use meanwhile). */
  error: ApiError | undefined;
  reload: () => void;
  update: (patch: SettingsPatch) => Promise<void>;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside <SettingsProvider>');
  return value;
}

/**
 * Holds the settings and keeps the theme on <html> in step with them. The app does not wait for
 * them: it starts with the theme cached in this browser, so the first contacts page is fetched
 * at once instead of after one more round trip.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [settings, setSettings] = useState<Settings>(() => ({ theme: cachedTheme() }));
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    api['settings.get']({}).then(
      (loaded) => {
        setSettings(loaded);
        setError(undefined);
      },
      (e: unknown) => setError(toApiError(e)),
    );
  }, [api, attempt]);

  useEffect(() => {
    applyTheme(settings.theme);
    return followSystemTheme(settings.theme);
  }, [settings.theme]);

  const update = async (patch: SettingsPatch) => {
    setSettings(await api['settings.update'](patch));
    setError(undefined);
    notifyChanged('settings');
  };

  return (
    <SettingsContext value={{ settings, error, reload: () => setAttempt((n) => n + 1), update }}>
      {children}
    </SettingsContext>
  );
}
