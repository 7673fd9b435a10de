import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../app/paths.ts';
import { reminderAction } from '../reminders/notice-text.ts';
import type { DueReminder } from '../reminders/reminder-source.ts';
import type { ReminderActions } from './reminder-actions.ts';

/** The slice of Electron's Tray this module needs; M is Electron's Menu (a fake in tests). */
export interface TrayHandle<M> {
  setToolTip(toolTip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface ReminderTrayDeps<M> {
  createTray(): TrayHandle<M>;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  platform: NodeJS.Platform;
  /** Shows and focuses the window, on a hash route if given. */
  present(route?: string): void;
  actions: ReminderActions;
  quit(): void;
}

export interface ReminderTray {
  /** The steps due now, most important first (the scheduler's onDueCountChanged). */
  update(due: readonly DueReminder[]): void;
  destroy(): void;
}

/** A menu longer than this stops being glanceable; the rest are one click away on Today. */
export const TRAY_MENU_ITEMS = 8;

/** Menu bars and notification areas draw small icons; the 512 px app icon is scaled to this. */
export function trayIconSize(platform: NodeJS.Platform): number {
  return platform === 'darwin' || platform === 'win32' ? 16 : 24;
}

export function trayToolTip(count: number): string {
  if (count === 0) return `${PRODUCT_NAME}: nothing due`;
  return `${PRODUCT_NAME}: ${count} follow-up${count === 1 ? '' : 's'} due`;
}

/** On Windows and Linux "&" in a menu label marks an access key; "&&" shows one ampersand. */
function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

export function trayMenuTemplate(
  due: readonly DueReminder[],
  deps: Pick<ReminderTrayDeps<unknown>, 'platform' | 'present' | 'actions' | 'quit'>,
): MenuItemConstructorOptions[] {
  const shown = due.slice(0, TRAY_MENU_ITEMS);
  const more = due.length - shown.length;
  const template: MenuItemConstructorOptions[] = [
    { label: `Open ${PRODUCT_NAME}`, click: () => deps.present() },
    { type: 'separator' },
  ];
  if (due.length === 0) {
    template.push({ label: 'Nothing due', enabled: false });
  } else {
    for (const item of shown) {
      template.push({
        label: menuLabel(reminderAction(item), deps.platform),
        click: () => deps.present(`#/contacts/${item.contactId}`),
      });
    }
    if (more > 0) template.push({ label: `${more} more on Today…`, click: () => deps.present('#/today') });
  }
  const ids = due.map((item) => item.id);
  template.push(
    { type: 'separator' },
    {
      label: 'Snooze all for 1 hour',
      enabled: ids.length > 0,
      click: () => void deps.actions.snoozeForAnHour(ids),
    },
    { type: 'separator' },
    { label: `Quit ${PRODUCT_NAME}`, click: () => deps.quit() },
  );
  return template;
}

export function createReminderTray<M>(deps: ReminderTrayDeps<M>): ReminderTray {
  const tray = deps.createTray();
  // macOS opens the menu on click by itself; elsewhere a click on the icon should open the app.
  if (deps.platform !== 'darwin') tray.on('click', () => deps.present());

  const update = (due: readonly DueReminder[]) => {
    tray.setToolTip(trayToolTip(due.length));
    // The count beside the menu-bar icon; setTitle exists only on macOS.
    if (deps.platform === 'darwin') tray.setTitle(due.length > 0 ? String(due.length) : '');
    tray.setContextMenu(deps.buildMenu(trayMenuTemplate(due, deps)));
  };
  update([]);
  return { update, destroy: () => tray.destroy() };
}
