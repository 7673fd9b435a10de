import { sameSecret } from '../core/same-secret.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import { addDays } from '../time/local-day.ts';
import { readingAt } from '../time/locale.ts';
import { momentOf } from '../time/moment.ts';
import { followUpsToIcs } from './ics-export.ts';
import { stepsToExport } from './planned-steps.ts';

/** The feed covers recent history (so a just-done step leaves visibly) and the coming year. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 365;
/** Hint to Apple and Microsoft clients; Google polls on its own schedule. */
const FEED_REFRESH_SECONDS = 60 * 60;

export interface FeedDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
}

/**
 * The subscription feed for a request path, or null (the caller answers 404, revealing nothing)
 * when the token is wrong, old or not yet created. Only open steps are in it: done or
 * cancelled ones leave the feed, and clients drop them on their next refresh.
 */
export function feedForPath(deps: FeedDeps, path: string): string | null {
  const match = /^\/feed\/([\w-]{16,100})\.ics$/.exec(path);
  const token = deps.settings.get().calendarFeedToken;
  if (!match?.[1] || !token || !sameSecret(match[1], token)) return null;
  const settings = deps.settings.get();
  const ctx = momentOf(deps.clock, settings);
  // The plan, as Today follows it: what waits comes on the day the daily budget reaches it.
  const { steps } = stepsToExport(deps.db, ctx, settings, {
    from: addDays(ctx.today, -FEED_PAST_DAYS),
    to: addDays(ctx.today, FEED_FUTURE_DAYS),
    tag: null,
    contactId: null,
    everything: false,
  });
  return followUpsToIcs(steps, {
    now: ctx.now,
    alarms: false,
    name: 'Followthrough follow-ups',
    refreshSeconds: FEED_REFRESH_SECONDS,
    reading: readingAt(ctx),
  });
}
