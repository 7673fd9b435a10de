import { BACKLOG_WEEKS } from '../../shared/domain/insights.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { type BoundParams, bind, dayStart, ensureFunctions, mondayOf } from '../store/insights-sql.ts';
import { addDays, localDayOf } from '../time/local-day.ts';
import { userTimeZone } from '../time/zone.ts';

export interface InsightsFilters {
  from?: string | undefined;
  to?: string | undefined;
  tag?: string | undefined;
  eventId?: number | undefined;
}

/**
 * The backlog's weeks: those of the period, at most the last BACKLOG_WEEKS, none starting after
 * now; each read at its end, or at the period's end or now if sooner.
 */
function backlogWeeks(
  from: string | null,
  to: string,
  zone: string,
  now: string,
): { week: string; endAt: string }[] {
  const last = mondayOf(to);
  const earliest = addDays(last, -7 * (BACKLOG_WEEKS - 1));
  let week = from === null || mondayOf(from) < earliest ? earliest : mondayOf(from);
  const toAt = dayStart(to, 1, zone);
  const weeks: { week: string; endAt: string }[] = [];
  for (; week <= last; week = addDays(week, 7)) {
    if (dayStart(week, 0, zone) > now) break;
    const ends = [dayStart(week, 7, zone), toAt, now].sort();
    weeks.push({ week, endAt: ends[0] as string });
  }
  return weeks;
}

/** The store's parameters for a query's filters: the period in the user's zone, ending today by default. */
export function insightsParams(deps: HandlerDeps, q: InsightsFilters): BoundParams {
  ensureFunctions(deps.db);
  const settings = deps.settings.get();
  const zone = userTimeZone(settings);
  const now = deps.clock().toISOString();
  const from = q.from ?? null;
  const to = q.to ?? localDayOf(deps.clock(), zone);
  return bind(
    {
      from,
      to,
      zone,
      tag: q.tag ?? null,
      eventId: q.eventId ?? null,
      defaultPacing: settings.defaultPacing,
      now,
    },
    backlogWeeks(from, to, zone, now),
  );
}
