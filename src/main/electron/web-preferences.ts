import type { WebPreferences } from 'electron';

/**
 * The settings a window's web contents must have. The renderer is treated as untrusted: no
 * Node, an isolated preload world, Chromium's OS sandbox, same-origin policy on.
 */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

type RequiredKey = keyof typeof REQUIRED_WEB_PREFERENCES;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    ...REQUIRED_WEB_PREFERENCES,
    preload: preloadPath,
    // Chromium's own guard against a page that opens alert() in a loop.
    safeDialogs: true,
    spellcheck: true,
  };
}

/**
 * Refuses to create a window whose settings are weaker than required. A later edit that
 * "temporarily" turns the sandbox off fails at start-up instead of shipping. An omitted key
 * is refused too: several Electron defaults have changed between versions, so nothing is left
 * to them.
 */
export function assertSecureWebPreferences(prefs: WebPreferences | undefined): void {
  const problems: string[] = [];
  for (const key of Object.keys(REQUIRED_WEB_PREFERENCES) as RequiredKey[]) {
    const expected = REQUIRED_WEB_PREFERENCES[key];
    const actual = prefs?.[key];
    if (actual !== expected) problems.push(`${key} must be ${expected} (got ${String(actual)})`);
  }
  if (prefs?.enableBlinkFeatures) problems.push('enableBlinkFeatures must not be set');
  if (prefs?.additionalArguments?.length) problems.push('additionalArguments must not be set');
  if (problems.length) {
    throw new Error(`Refusing to open a window with insecure webPreferences: ${problems.join('; ')}.`);
  }
}
