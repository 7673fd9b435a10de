import type { NativeTheme } from 'electron';
import type { Theme } from '../../shared/settings.ts';
import type { SettingsStore } from '../settings/settings-store.ts';

export type ThemeSource = NativeTheme['themeSource'];

/**
 * Setting nativeTheme.themeSource is what makes the renderer's prefers-color-scheme (and native
 * menus and dialogs) follow the user's choice. A Record, so a new Theme value fails to compile
 * here instead of silently falling through.
 */
const THEME_SOURCES: Record<Theme, ThemeSource> = { system: 'system', light: 'light', dark: 'dark' };

export function themeSourceFor(theme: Theme): ThemeSource {
  // Validated settings never miss; anything else falls back to the operating system's choice.
  return Object.hasOwn(THEME_SOURCES, theme) ? THEME_SOURCES[theme] : 'system';
}

/**
 * Wraps the settings store the API uses, so a settings.update from any caller in this process
 * re-applies the theme at once. Applies the stored theme immediately, too.
 */
export function followTheme(
  settings: SettingsStore,
  nativeTheme: Pick<NativeTheme, 'themeSource'>,
): SettingsStore {
  const apply = (theme: Theme) => {
    nativeTheme.themeSource = themeSourceFor(theme);
  };
  apply(settings.get().theme);
  return {
    get: () => settings.get(),
    update(patch) {
      const next = settings.update(patch);
      apply(next.theme);
      return next;
    },
  };
}
