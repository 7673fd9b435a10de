import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api/errors.ts';
import type { FeedInfo } from '../../shared/domain/calendar.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { dueCountsAt } from '../followups/budget.ts';
import { calendarItemDetail } from '../store/calendar-store.ts';
import { addDays, atLocalHour } from '../time/local-day.ts';
import { readingAt } from '../time/locale.ts';
import { momentOf } from '../time/moment.ts';
import { calendarRange } from './calendar-range.ts';
import { followUpsToIcs } from './ics-export.ts';
import { stepsToExport } from './planned-steps.ts';

type CalendarHandlers = RegistrySlice<
  'calendar.range' | 'calendar.item' | 'calendar.exportIcs' | 'calendar.feed' | 'calendar.rotateFeedToken'
>;

/** Without a range, an export covers the coming year of open follow-ups. */
const DEFAULT_EXPORT_DAYS = 365;

export function calendarHandlers(deps: HandlerDeps): CalendarHandlers {
  const context = () => momentOf(deps.clock, deps.settings.get());
  return {
    'calendar.range': read((q) => {
      const ctx = context();
      const range = calendarRange(deps.db, {
        ...q,
        timeZone: ctx.timeZone,
        startOfToday: atLocalHour(ctx.today, 0, ctx.timeZone).toISOString(),
        today: ctx.today,
      });
      // Today's total is the one Today and the sidebar show, from the same query.
      if (q.from <= ctx.today && ctx.today <= q.to)
        range.today = dueCountsAt(deps.db, ctx, deps.settings.get().caps.dailyBudget);
      return range;
    }),
    'calendar.item': read(({ key }) => {
      const [kind, id] = key.split(':') as ['followup' | 'meeting' | 'promise', string];
      const detail = calendarItemDetail(deps.db, kind, Number(id));
      if (!detail) throw new ApiError('not_found', `There is no calendar item ${key}.`);
      return { key, ...detail };
    }),
    // Writes only the starts of events the plan moved (exported-sequence.ts): no screen shows
    // them, but the dispatcher must know the call writes.
    'calendar.exportIcs': write(['followups'], (q) => {
      const ctx = context();
      const from = q.from ?? ctx.today;
      const to = q.to ?? addDays(from, DEFAULT_EXPORT_DAYS);
      const { steps, later } = stepsToExport(deps.db, ctx, deps.settings.get(), {
        from,
        to,
        tag: q.tag ?? null,
        contactId: q.contactId ?? null,
        everything: q.everything,
      });
      return {
        filename: `followthrough-${from}-to-${to}.ics`,
        content: followUpsToIcs(steps, {
          now: ctx.now,
          alarms: q.alarms,
          name: 'Followthrough follow-ups',
          reading: readingAt(ctx),
        }),
        events: steps.length,
        later,
      };
    }),
    'calendar.feed': read(() => feedInfo(deps, ensureToken(deps))),
    'calendar.rotateFeedToken': write(
      ['settings'],
      () => {
        deps.settings.update({ calendarFeedToken: newToken() });
        return feedInfo(deps, ensureToken(deps));
      },
      { outsideDatabase: true },
    ),
  };
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The feed's secret, created on first use. */
export function ensureToken(deps: Pick<HandlerDeps, 'settings'>): string {
  const current = deps.settings.get().calendarFeedToken;
  if (current) return current;
  const token = newToken();
  deps.settings.update({ calendarFeedToken: token });
  return token;
}

function feedInfo(deps: HandlerDeps, token: string): FeedInfo {
  if (!deps.feed.baseUrl) return { url: null, webcalUrl: null };
  const url = `${deps.feed.baseUrl}/feed/${token}.ics`;
  return { url, webcalUrl: url.replace(/^http:/, 'webcal:') };
}
