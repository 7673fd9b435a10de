import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE, mainWindowOptions } from '../../../src/main/electron/main-window.ts';
import {
  assertSecureWebPreferences,
  REQUIRED_WEB_PREFERENCES,
  secureWebPreferences,
} from '../../../src/main/electron/web-preferences.ts';

describe('main window options', () => {
  const options = mainWindowOptions({
    bounds: { x: 10, y: 20, width: 1000, height: 700 },
    preloadPath: '/app/out/preload/index.cjs',
    iconPath: '/app/resources/icon.png',
    backgroundColor: '#ffffff',
  });

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('opens hidden at the restored bounds, with a minimum size', () => {
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      show: false,
      icon: '/app/resources/icon.png',
    });
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
  });
});

describe('the webPreferences assertion', () => {
  it('accepts the secure preferences', () => {
    expect(() => assertSecureWebPreferences(secureWebPreferences('/p.cjs'))).not.toThrow();
  });

  it.each(Object.keys(REQUIRED_WEB_PREFERENCES) as (keyof typeof REQUIRED_WEB_PREFERENCES)[])(
    'refuses a window whose %s is flipped',
    (key) => {
      const prefs = { ...secureWebPreferences('/p.cjs'), [key]: !REQUIRED_WEB_PREFERENCES[key] };
      expect(() => assertSecureWebPreferences(prefs)).toThrow(new RegExp(`${key} must be`));
    },
  );

  it('refuses a window that leaves a setting to the default', () => {
    const { sandbox: _omitted, ...prefs } = secureWebPreferences('/p.cjs');
    expect(() => assertSecureWebPreferences(prefs)).toThrow(/sandbox must be true \(got undefined\)/);
    expect(() => assertSecureWebPreferences(undefined)).toThrow(/contextIsolation/);
  });

  it('refuses Blink feature switches and extra renderer arguments', () => {
    const base = secureWebPreferences('/p.cjs');
    expect(() => assertSecureWebPreferences({ ...base, enableBlinkFeatures: 'Foo' })).toThrow(
      /enableBlinkFeatures/,
    );
    expect(() => assertSecureWebPreferences({ ...base, additionalArguments: ['--x'] })).toThrow(
      /additionalArguments/,
    );
  });
});
