import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ReminderActions } from '../../../src/main/electron/reminder-actions.ts';
import {
  createReminderTray,
  TRAY_MENU_ITEMS,
  type TrayHandle,
  trayIconSize,
  trayMenuTemplate,
  trayToolTip,
} from '../../../src/main/electron/tray.ts';
import type { DueReminder } from '../../../src/main/reminders/reminder-source.ts';
import { plainText } from '../../../src/shared/format/dated-text.ts';

const item = (id: number, extra: Partial<DueReminder> = {}): DueReminder => ({
  id,
  contactId: 40 + id,
  contactName: `Person ${id}`,
  purpose: 'check_in',
  reason: plainText('It has been three months'),
  context: null,
  dueAt: '2026-03-10T09:00:00.000Z',
  priority: 5,
  ...extra,
});

type Menu = { template: MenuItemConstructorOptions[] };

function setup(platform: NodeJS.Platform = 'linux') {
  const calls: string[] = [];
  let menu: Menu | null = null;
  let onClick: (() => void) | undefined;
  const tray: TrayHandle<Menu> = {
    setToolTip: (text) => void calls.push(`tooltip ${text}`),
    setTitle: (title) => void calls.push(`title ${title}`),
    setContextMenu: (m) => {
      menu = m;
    },
    on: (_event, listener) => {
      onClick = listener;
    },
    destroy: () => void calls.push('destroy'),
  };
  const actions: ReminderActions = { done: vi.fn(async () => {}), snoozeForAnHour: vi.fn(async () => {}) };
  const present = vi.fn<(route?: string) => void>();
  const quit = vi.fn();
  const handle = createReminderTray<Menu>({
    createTray: () => tray,
    buildMenu: (template) => ({ template }),
    platform,
    present,
    actions,
    quit,
  });
  const labels = () => menu!.template.map((entry) => entry.label ?? `(${entry.type})`);
  const click = (label: string) => {
    const entry = menu!.template.find((e) => e.label === label);
    if (!entry?.click) throw new Error(`no item ${label}`);
    (entry.click as () => void)();
  };
  return { handle, calls, labels, click, present, actions, quit, clickIcon: () => onClick?.() };
}

describe('the tray', () => {
  it('starts with nothing due', () => {
    const t = setup();
    expect(t.calls).toEqual(['tooltip Followthrough: nothing due']);
    expect(t.labels()).toEqual([
      'Open Followthrough',
      '(separator)',
      'Nothing due',
      '(separator)',
      'Snooze all for 1 hour',
      '(separator)',
      'Quit Followthrough',
    ]);
  });

  it('shows the count and lists what is due; an item opens its person', () => {
    const t = setup();
    t.handle.update([item(1), item(2, { purpose: 'thank_you' })]);
    expect(t.calls.at(-1)).toBe('tooltip Followthrough: 2 follow-ups due');
    expect(t.labels().slice(2, 4)).toEqual(['Check in with Person 1', 'Thank Person 2']);
    t.click('Thank Person 2');
    expect(t.present).toHaveBeenCalledWith('#/contacts/42');
    t.click('Open Followthrough');
    expect(t.present).toHaveBeenLastCalledWith();
  });

  it(`lists at most ${TRAY_MENU_ITEMS} and sends the rest to Today`, () => {
    const t = setup();
    t.handle.update(Array.from({ length: 11 }, (_, i) => item(i + 1)));
    const labels = t.labels();
    expect(labels.filter((l) => l.startsWith('Check in with'))).toHaveLength(TRAY_MENU_ITEMS);
    expect(labels).toContain('3 more on Today…');
    t.click('3 more on Today…');
    expect(t.present).toHaveBeenCalledWith('#/today');
  });

  it('snoozes every due item, not only the listed ones', () => {
    const t = setup();
    t.handle.update(Array.from({ length: 10 }, (_, i) => item(i + 1)));
    t.click('Snooze all for 1 hour');
    expect(t.actions.snoozeForAnHour).toHaveBeenCalledWith([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('quits from the menu', () => {
    const t = setup();
    t.click('Quit Followthrough');
    expect(t.quit).toHaveBeenCalled();
  });

  it('shows the count beside the macOS menu-bar icon, and lets macOS open the menu on click', () => {
    const t = setup('darwin');
    t.handle.update([item(1)]);
    expect(t.calls.slice(-2)).toEqual(['tooltip Followthrough: 1 follow-up due', 'title 1']);
    t.handle.update([]);
    expect(t.calls.at(-1)).toBe('title ');
    t.clickIcon();
    expect(t.present).not.toHaveBeenCalled();
  });

  it('opens the app on an icon click elsewhere', () => {
    const t = setup('win32');
    t.clickIcon();
    expect(t.present).toHaveBeenCalledWith();
  });

  it('keeps an ampersand in a name from becoming an access key (Windows, Linux)', () => {
    const names = [item(1, { contactName: 'Procter & Gamble' })];
    const deps = { present: () => {}, actions: {} as ReminderActions, quit: () => {} };
    expect(trayMenuTemplate(names, { ...deps, platform: 'win32' })[2]!.label).toBe(
      'Check in with Procter && Gamble',
    );
    expect(trayMenuTemplate(names, { ...deps, platform: 'darwin' })[2]!.label).toBe(
      'Check in with Procter & Gamble',
    );
  });

  it('has small icons and plain tooltips', () => {
    expect(trayIconSize('darwin')).toBe(16);
    expect(trayIconSize('linux')).toBe(24);
    expect(trayToolTip(1)).toBe('Followthrough: 1 follow-up due');
  });

  it('removes the icon on destroy', () => {
    const t = setup();
    t.handle.destroy();
    expect(t.calls.at(-1)).toBe('destroy');
  });
});
