import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { PRODUCT_NAME } from '../app/paths.ts';
import { assertSecureWebPreferences, secureWebPreferences } from './web-preferences.ts';

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

export interface MainWindowOptionsInput {
  /** From window-bounds.ts; without x/y the window is centred on the primary display. */
  bounds: Partial<Rectangle> & { width: number; height: number };
  preloadPath: string;
  iconPath?: string;
  /** Painted before the first frame, so a dark theme does not flash white. */
  backgroundColor: string;
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const options: BrowserWindowConstructorOptions = {
    ...input.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: PRODUCT_NAME,
    backgroundColor: input.backgroundColor,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    webPreferences: secureWebPreferences(input.preloadPath),
  };
  if (input.iconPath) options.icon = input.iconPath;
  assertSecureWebPreferences(options.webPreferences);
  return options;
}

export function backgroundColorFor(dark: boolean): string {
  return dark ? '#1b1d21' : '#ffffff';
}
