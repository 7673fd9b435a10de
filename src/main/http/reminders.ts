import type { AppContext } from '../app/context.ts';
import { terminalLine } from '../reminders/notice-text.ts';
import { type ReminderService, startReminders } from '../reminders/reminder-service.ts';
import { readingNow } from '../time/locale.ts';
import type { EventHub } from './events.ts';

/**
 * Reminders for the browser shell: each announcement is pushed to the open pages and written to
 * stderr, so a terminal user sees it even with no page open. `serve` and its tests wire it here.
 */
export function startHttpReminders(
  context: AppContext,
  events: EventHub,
  options: { maxSleepMs?: number; log?: (line: string) => void; onError?: (error: unknown) => void } = {},
): ReminderService {
  const log = options.log ?? ((line: string) => process.stderr.write(line));
  return startReminders(context, {
    notify: (notice) => {
      events.broadcast('reminders', { items: [...notice.items] });
      log(terminalLine(notice, context.clock(), readingNow(context.clock, context.settings.get())));
    },
    push: (event, payload) => events.broadcast(event, payload),
    onError: options.onError ?? ((error) => console.error('[followthrough] reminders failed:', error)),
    ...(options.maxSleepMs === undefined ? {} : { maxSleepMs: options.maxSleepMs }),
  });
}
