import { describe, expect, it } from 'vitest';
import { followTheme, themeSourceFor } from '../../../src/main/electron/theme.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import type { Theme } from '../../../src/shared/settings.ts';

describe('theme', () => {
  it.each([
    ['system', 'system'],
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)('maps %s to themeSource %s', (theme, source) => {
    expect(themeSourceFor(theme)).toBe(source);
  });

  it('falls back to the operating system for an unknown value', () => {
    expect(themeSourceFor('sepia' as Theme)).toBe('system');
    expect(themeSourceFor('toString' as Theme)).toBe('system');
  });

  it('applies the stored theme at start and every change after', () => {
    const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
    const settings = followTheme(inMemorySettings({ theme: 'dark' }), nativeTheme);
    expect(nativeTheme.themeSource).toBe('dark');
    expect(settings.update({ theme: 'light' })).toMatchObject({ theme: 'light' });
    expect(nativeTheme.themeSource).toBe('light');
    expect(settings.get().theme).toBe('light');
  });

  it('leaves the theme alone when an update is rejected', () => {
    const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
    const settings = followTheme(inMemorySettings(), nativeTheme);
    expect(() => settings.update({ theme: 'sepia' as Theme })).toThrow();
    expect(nativeTheme.themeSource).toBe('system');
  });
});
