// Entry of the Electron main process, and the only module that touches real Electron objects
// (and electron-store). Everything it wires is a small module that takes those objects as
// parameters, so it is unit-tested with fakes: Electron itself cannot run in CI.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';
import { openAppContext } from '../app/context.ts';
import { resolvePaths } from '../app/paths.ts';
import { settingsOver } from '../settings/settings-store.ts';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol.ts';
import { enforceContentSecurityPolicy } from './csp.ts';
import type { Log } from './external-links.ts';
import { registerInvokeHandler } from './ipc-bridge.ts';
import { backgroundColorFor, mainWindowOptions } from './main-window.ts';
import { guardWebContents } from './navigation-guard.ts';
import { restrictPermissions } from './permissions.ts';
import { openSettingsFile } from './settings-file.ts';
import { claimSingleInstance } from './single-instance.ts';
import { openOrExplain } from './startup-errors.ts';
import { followTheme } from './theme.ts';
import {
  readWindowState,
  restoreWindowBounds,
  trackWindowBounds,
  writeWindowState,
} from './window-bounds.ts';

const log: Log = (message, error) => {
  if (error === undefined) console.warn(`[followthrough] ${message}`);
  else console.warn(`[followthrough] ${message}`, error);
};

// These two only take effect before the app is ready. enableSandbox covers every renderer,
// including any this file does not create itself.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

if (claimSingleInstance(app, () => mainWindow)) {
  start();
} else {
  app.quit();
}

function start(): void {
  const paths = resolvePaths();
  // Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
  const rendererDir = join(import.meta.dirname, '..', 'renderer');
  const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs');
  const iconPath = join(app.getAppPath(), 'resources', 'icon.png');

  // Every web contents, present and future, gets the navigation and window-open guard.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openExternal: (url) => shell.openExternal(url), log });
  });

  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows; 'activate' below re-opens one.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      const { store: settingsFile } = openSettingsFile(paths.dataDir, (options) => new Store(options), log);
      const settings = followTheme(settingsOver(settingsFile), nativeTheme);

      // The database is opened once, after ready (a dialog needs a ready app), and closed on quit.
      const context = openOrExplain({
        open: () => openAppContext({ shell: 'electron', ...paths, settings }),
        showErrorBox: (title, content) => dialog.showErrorBox(title, content),
        quit: () => app.exit(1),
        databasePath: paths.databasePath,
      });
      if (!context) return;
      app.once('will-quit', () => {
        try {
          context.close();
        } catch (error) {
          log('Could not close the database cleanly.', error);
        }
      });

      const ses = session.defaultSession;
      enforceContentSecurityPolicy(ses.webRequest);
      restrictPermissions(ses);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
      registerInvokeHandler(ipcMain, context.dispatch);

      const openWindow = (): void => {
        const restored = restoreWindowBounds(readWindowState(settingsFile), screen);
        const window = new BrowserWindow(
          mainWindowOptions({
            bounds: restored.bounds,
            preloadPath,
            iconPath,
            backgroundColor: backgroundColorFor(nativeTheme.shouldUseDarkColors),
          }),
        );
        mainWindow = window;
        if (restored.maximized) window.maximize();
        trackWindowBounds(window, (state) => writeWindowState(settingsFile, state));
        window.once('ready-to-show', () => window.show());
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
        window.webContents.on('render-process-gone', (_event, details) => {
          log(`The window's renderer stopped (${details.reason}).`);
        });
        window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log('Could not load the app page.', error));
      };

      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      // Anything thrown while wiring (e.g. the webPreferences assertion) must not leave a
      // windowless process behind.
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Followthrough could not start', message);
      app.exit(1);
    });
}
