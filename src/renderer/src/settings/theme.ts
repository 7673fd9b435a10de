import type { Theme } from '../../../shared/settings.ts';

const CACHE_KEY = 'followthrough.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function resolve(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return darkQuery().matches ? 'dark' : 'light';
}

/**
 * Sets data-theme on <html>. The setting is cached locally so the next start paints in the right
 * theme before settings.get answers (no white flash for dark-mode users).
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = resolve(theme);
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage can be unavailable (privacy modes); the theme still applies for this session.
  }
}

/** The theme this browser last saw, until settings.get answers. */
export function cachedTheme(): Theme {
  let cached: string | null = null;
  try {
    cached = localStorage.getItem(CACHE_KEY);
  } catch {
    cached = null;
  }
  return cached === 'light' || cached === 'dark' ? cached : 'system';
}

export function applyCachedTheme(): void {
  applyTheme(cachedTheme());
}

/** While the setting is "system", follow the OS switching between light and dark. */
export function followSystemTheme(theme: Theme): () => void {
  if (theme !== 'system') return () => {};
  const query = darkQuery();
  const onChange = () => applyTheme('system');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
