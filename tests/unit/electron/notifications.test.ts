import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createReminderNotifier,
  type NotificationHandle,
  type ReminderNotifierDeps,
  routeFor,
  supportsNotificationActions,
} from '../../../src/main/electron/notifications.ts';
import type { ReminderActions } from '../../../src/main/electron/reminder-actions.ts';
import type { ReminderNotice } from '../../../src/main/reminders/notice.ts';
import type { DueReminder } from '../../../src/main/reminders/reminder-source.ts';
import { plainText } from '../../../src/shared/format/dated-text.ts';

const item = (id: number, extra: Partial<DueReminder> = {}): DueReminder => ({
  id,
  contactId: 40 + id,
  contactName: `Person ${id}`,
  purpose: 'refresher',
  reason: plainText('You met at Web Summit yesterday'),
  context: 'Bernoulli numbers',
  dueAt: '2026-03-10T09:00:00.000Z',
  priority: 5,
  ...extra,
});
const single: ReminderNotice = { kind: 'single', items: [item(1)] };
const digest: ReminderNotice = { kind: 'digest', items: [item(1), item(2), item(3)] };

type Listener = (...args: unknown[]) => void;

function fakeNotifications() {
  const created: Array<{
    options: NotificationConstructorOptions;
    listeners: Map<string, Listener>;
    shown: number;
    emit(event: string, ...args: unknown[]): void;
  }> = [];
  const createNotification = (options: NotificationConstructorOptions): NotificationHandle => {
    const entry = {
      options,
      listeners: new Map<string, Listener>(),
      shown: 0,
      emit: (event: string, ...args: unknown[]) => entry.listeners.get(event)?.(...args),
    };
    created.push(entry);
    return {
      on: (event: string, listener: Listener) => void entry.listeners.set(event, listener),
      show: () => void entry.shown++,
    } as NotificationHandle;
  };
  return { created, createNotification };
}

function setup(platform: NodeJS.Platform, overrides: Partial<ReminderNotifierDeps> = {}) {
  const fake = fakeNotifications();
  const actions: ReminderActions = {
    done: vi.fn(async () => {}),
    snoozeForAnHour: vi.fn(async () => {}),
  };
  const present = vi.fn<(route?: string) => void>();
  const log = vi.fn();
  const notify = createReminderNotifier({
    createNotification: fake.createNotification,
    isSupported: () => true,
    platform,
    iconPath: '/app/resources/icon.png',
    present,
    actions,
    log,
    reading: () => ({ locale: 'en-GB', today: '2026-03-10', timeZone: 'UTC' }),
    ...overrides,
  });
  return { ...fake, actions, present, log, notify };
}

describe('reminder notifications', () => {
  it('shows who, why and what to mention, with the app icon', () => {
    const t = setup('linux');
    t.notify(single);
    expect(t.created).toHaveLength(1);
    expect(t.created[0]!.options).toEqual({
      title: 'Follow up with Person 1',
      body: 'You met at Web Summit yesterday\nMention: Bernoulli numbers',
      icon: '/app/resources/icon.png',
    });
    expect(t.created[0]!.shown).toBe(1);
  });

  it('shows one notification for a digest', () => {
    const t = setup('win32');
    t.notify(digest);
    expect(t.created).toHaveLength(1);
    expect(t.created[0]!.options.title).toBe('3 follow-ups due');
  });

  it('opens the person with the composer on the step on a click, and Today for a digest', () => {
    const t = setup('linux');
    t.notify(single);
    t.notify(digest);
    t.created[0]!.emit('click');
    t.created[1]!.emit('click');
    const route = `#/contacts/41?compose=${single.items[0].id}`;
    expect(t.present.mock.calls).toEqual([[route], ['#/today']]);
    expect(routeFor(single)).toBe(route);
  });

  it('offers Done and Snooze on macOS and runs them through the API', async () => {
    const t = setup('darwin');
    t.notify(single);
    const n = t.created[0]!;
    expect(n.options.actions).toEqual([
      { type: 'button', text: 'Done' },
      { type: 'button', text: 'Snooze 1 hour' },
    ]);
    n.emit('action', { actionIndex: 0 });
    expect(t.actions.done).toHaveBeenCalledWith(1);
    n.emit('action', { actionIndex: 1 });
    expect(t.actions.snoozeForAnHour).toHaveBeenCalledWith([1]);
    expect(t.present).not.toHaveBeenCalled();
  });

  it('offers "Snooze all" on a macOS digest, and accepts the older index argument', () => {
    const t = setup('darwin');
    t.notify(digest);
    expect(t.created[0]!.options.actions).toEqual([{ type: 'button', text: 'Snooze all for 1 hour' }]);
    t.created[0]!.emit('action', {}, 0);
    expect(t.actions.snoozeForAnHour).toHaveBeenCalledWith([1, 2, 3]);
  });

  it.each(['linux', 'win32'] as const)('shows no buttons on %s: a click opens the app', (platform) => {
    expect(supportsNotificationActions(platform)).toBe(false);
    const t = setup(platform);
    t.notify(single);
    expect(t.created[0]!.options.actions).toBeUndefined();
  });

  it('logs an action that fails instead of throwing', async () => {
    const t = setup('darwin');
    vi.mocked(t.actions.done).mockRejectedValueOnce(new Error('gone'));
    t.notify(single);
    t.created[0]!.emit('action', { actionIndex: 0 });
    await vi.waitFor(() =>
      expect(t.log).toHaveBeenCalledWith('A notification action failed.', expect.any(Error)),
    );
  });

  it('logs a notification the system refused', () => {
    const t = setup('darwin');
    t.notify(single);
    t.created[0]!.emit('failed', {}, 'not authorised');
    expect(t.log).toHaveBeenCalledWith('A notification could not be shown: not authorised');
  });

  it('does nothing where notifications are unsupported, and says so once', () => {
    const t = setup('linux', { isSupported: () => false });
    t.notify(single);
    t.notify(digest);
    expect(t.created).toEqual([]);
    expect(t.log).toHaveBeenCalledTimes(1);
  });
});
