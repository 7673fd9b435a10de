import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Settings, SettingsPatch, Theme } from '../../../shared/settings.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged, useOnChange } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { applyTheme, cachedTheme, followSystemTheme } from './theme.ts';

interface SettingsValue {
  /** Undefined until settings.get answers (the theme is known before: it is cached locally). */
  settings: Settings | undefined;
  theme: Theme;
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
  const [settings, setSettings] = useState<Settings>();
  const [theme, setTheme] = useState<Theme>(cachedTheme);
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  // Updates started so far. A read answered after a newer update began, or an update's answer
  // after a later one began, is older than what the screen shows: taking it would undo a click
  // (seen in CI: a checkbox flipped back by the read its previous change had announced).
  const writes = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    const since = writes.current;
    api['settings.get']({}).then(
      (loaded) => {
        if (writes.current !== since) return;
        setSettings(loaded);
        setTheme(loaded.theme);
        setError(undefined);
      },
      (e: unknown) => setError(toApiError(e)),
    );
  }, [api, attempt]);

  useEffect(() => {
    applyTheme(theme);
    return followSystemTheme(theme);
  }, [theme]);

  // Another window, the CLI or main changed them: read them again.
  useOnChange(['settings'], () => setAttempt((n) => n + 1));

  // Controls show the new value at once (a switch that lags behind a click feels broken); a
  // refused change puts the stored value back and the caller says why.
  const update = async (patch: SettingsPatch) => {
    const before = settings;
    const mine = ++writes.current;
    setSettings((current) => (current ? ({ ...current, ...patch } as Settings) : current));
    if (patch.theme) setTheme(patch.theme);
    try {
      const saved = await api['settings.update'](patch);
      notifyChanged('followups');
      if (mine !== writes.current) return;
      setSettings(saved);
      setTheme(saved.theme);
      setError(undefined);
    } catch (e) {
      if (mine === writes.current) {
        setSettings(before);
        if (before) setTheme(before.theme);
      }
      throw e;
    }
  };

  return (
    <SettingsContext value={{ settings, theme, error, reload: () => setAttempt((n) => n + 1), update }}>
      {children}
    </SettingsContext>
  );
}
