// Entry of the Electron main process, and the only module that touches real Electron objects
// (and electron-store). Everything it wires is a small module that takes those objects as
// parameters, so it is unit-tested with fakes: Electron itself cannot run in CI.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  nativeTheme,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import Store from 'electron-store';
import { openAppContext } from '../app/context.ts';
import { watchExternalChanges } from '../app/external-changes.ts';
import { resolvePaths } from '../app/paths.ts';
import { startDailyBackups } from '../backup/daily-backups.ts';
import { feedForPath } from '../calendar/feed.ts';
import { registerSafeStorage } from '../credentials/safe-storage.ts';
import { startFeedServer } from '../http/feed-server.ts';
import { LOOPBACK_PORT } from '../http/ports.ts';
import { startMailWatch } from '../mail/watch.ts';
import { startReminders } from '../reminders/reminder-service.ts';
import { settingsOver } from '../settings/settings-store.ts';
import { startSyncWatch } from '../sync/sync-watch.ts';
import { readingNow } from '../time/locale.ts';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol.ts';
import { createBackgroundMode } from './background-mode.ts';
import { registerCopyTextHandler } from './copy-text.ts';
import { enforceContentSecurityPolicy } from './csp.ts';
import type { Log } from './external-links.ts';
import { createEventSender, registerInvokeHandler } from './ipc-bridge.ts';
import { backgroundColorFor, mainWindowOptions } from './main-window.ts';
import { guardWebContents } from './navigation-guard.ts';
import { APP_USER_MODEL_ID, createReminderNotifier } from './notifications.ts';
import { restrictPermissions } from './permissions.ts';
import { wakeOnResume } from './power-events.ts';
import { createReminderActions } from './reminder-actions.ts';
import { registerSaveFileHandler } from './save-file.ts';
import { openSettingsFile } from './settings-file.ts';
import { claimSingleInstance } from './single-instance.ts';
import { openOrExplain } from './startup-errors.ts';
import { followTheme } from './theme.ts';
import { createReminderTray, trayIconSize } from './tray.ts';
import {
  readWindowState,
  restoreWindowBounds,
  trackWindowBounds,
  writeWindowState,
} from './window-bounds.ts';
import { createWindowPresenter } from './window-presenter.ts';

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

  // Windows shows notifications only for an app with an AppUserModelID.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  // Every web contents, present and future, gets the navigation and window-open guard.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openExternal: (url) => shell.openExternal(url), log });
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
      // Undone in reverse on quit: reminders stop before the database they read closes.
      const atQuit: Array<[string, () => void]> = [['close the database', () => context.close()]];
      app.once('will-quit', () => {
        for (const [what, undo] of atQuit.reverse()) {
          try {
            undo();
          } catch (error) {
            log(`Could not ${what} cleanly.`, error);
          }
        }
      });

      // Reminders keep firing from the tray after the window is closed, if the user wants that.
      const background = createBackgroundMode({
        app,
        platform: process.platform,
        keepRunning: () => settings.get().notifications.keepRunningInTray,
      });
      app.on('window-all-closed', () => {
        if (background.shouldQuitWhenAllClosed()) app.quit();
      });

      const ses = session.defaultSession;
      enforceContentSecurityPolicy(ses.webRequest);
      restrictPermissions(ses);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
      registerInvokeHandler(ipcMain, context.dispatch);
      registerSaveFileHandler(ipcMain, {
        showSaveDialog: (options) => dialog.showSaveDialog(options),
        defaultDir: app.getPath('downloads'),
      });
      registerCopyTextHandler(ipcMain, { writeText: (text) => clipboard.writeText(text) });
      // The calendar subscription is served on loopback while the app runs (see calendar.feed).
      startFeedServer((path) => feedForPath(context, path), LOOPBACK_PORT)
        .then((server) => {
          context.feed.baseUrl = server.baseUrl;
          atQuit.push(['stop the calendar feed', () => void server.close()]);
        })
        .catch((error: unknown) => log('The calendar feed could not start.', error));

      const openWindow = (route?: string): void => {
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
        background.guardWindow(window);
        window.once('ready-to-show', () => window.show());
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
        window.webContents.on('render-process-gone', (_event, details) => {
          log(`The window's renderer stopped (${details.reason}).`);
        });
        window
          .loadURL(`${APP_ENTRY_URL}${route ?? ''}`)
          .catch((error: unknown) => log('Could not load the app page.', error));
      };

      const send = createEventSender(() => mainWindow?.webContents);
      const present = createWindowPresenter({ getWindow: () => mainWindow, openWindow, send });
      // The window first: the scheduler's first pass replans every open step, which takes a
      // moment on a large network.
      openWindow();

      const actions = createReminderActions(context.dispatch, log);
      const notifyDesktop = createReminderNotifier({
        createNotification: (options) => new Notification(options),
        isSupported: () => Notification.isSupported(),
        platform: process.platform,
        iconPath,
        present,
        actions,
        log,
        reading: () => readingNow(context.clock, context.settings.get()),
      });
      const traySize = trayIconSize(process.platform);
      const tray = createReminderTray({
        createTray: () =>
          new Tray(nativeImage.createFromPath(iconPath).resize({ width: traySize, height: traySize })),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        platform: process.platform,
        present,
        actions,
        quit: () => app.quit(),
      });
      atQuit.push(['remove the tray icon', () => tray.destroy()]);

      // The scheduler runs here in main, so reminders fire while the window is hidden or closed.
      const reminders = startReminders(context, {
        notify: (notice) => {
          send('reminders', { items: [...notice.items] });
          // In front of the user the page's own notice is enough; an OS banner would say it twice.
          const focused = mainWindow?.isVisible() && mainWindow.isFocused();
          if (!focused) notifyDesktop(notice);
        },
        push: send,
        onDueCountChanged: (due) => tray.update(due),
        onError: (error) => log('Reminders failed.', error),
      });
      atQuit.push(['stop reminders', () => reminders.stop()]);
      const stopBackups = startDailyBackups(context, (error) => log('Daily backup failed.', error));
      atQuit.push(['stop daily backups', stopBackups]);
      // The CLI writing while the app runs: the window and the scheduler hear of it too.
      atQuit.push(['stop watching for other writers', watchExternalChanges(context.db, context.bus)]);
      const stopWakingOnResume = wakeOnResume(powerMonitor, () => reminders.scheduler.wake('resume'));
      atQuit.push(['stop listening for resume', stopWakingOnResume]);
      // Mail passwords: the OS keychain through safeStorage, in files under the data folder
      // (credentials/safe-storage.ts), never in the database. Then the mailbox watch (IDLE and
      // polling), and the CalDAV outbox's (issue 14).
      registerSafeStorage(safeStorage);
      const mail = startMailWatch(context, { onError: (message) => log(`Mail: ${message}`) });
      atQuit.push(['stop the mail watch', () => void mail.stop()]);
      const sync = startSyncWatch(context, { onError: (message) => log(`Sync: ${message}`) });
      atQuit.push(['stop the sync watch', () => void sync.stop()]);

      // The dock icon (macOS): show the window hidden in the tray, or open a new one.
      app.on('activate', () => present());
    })
    .catch((error: unknown) => {
      // Anything thrown while wiring (e.g. the webPreferences assertion) must not leave a
      // windowless process behind.
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Followthrough could not start', message);
      app.exit(1);
    });
}
