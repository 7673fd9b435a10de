import type { InsightsQuery } from '../../../shared/domain/insights.ts';
import { addDays } from '../format/dates.ts';

/** The periods offered: the last N local days up to today, or everything. */
export const PERIODS = new Map<string, { label: string; days: number | null }>([
  ['30d', { label: 'Last 30 days', days: 30 }],
  ['90d', { label: 'Last 90 days', days: 90 }],
  ['365d', { label: 'Last 12 months', days: 365 }],
  ['all', { label: 'All time', days: null }],
]);
/** A quarter: long enough for a weekly trend to mean something, short enough to be about now. */
export const DEFAULT_PERIOD = '90d';

export interface InsightsFilters {
  period: string;
  tag: string | undefined;
  eventId: number | undefined;
}

export function readInsightsUrl(params: URLSearchParams): InsightsFilters {
  const period = params.get('period') ?? DEFAULT_PERIOD;
  return {
    period: PERIODS.has(period) ? period : DEFAULT_PERIOD,
    tag: params.get('tag') || undefined,
    eventId: Number(params.get('event')) || undefined,
  };
}

/** "/insights?period=30d&tag=clients": only what differs from the default, as the calendar does. */
export function insightsPath(filters: InsightsFilters): string {
  const params = new URLSearchParams();
  if (filters.period !== DEFAULT_PERIOD) params.set('period', filters.period);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.eventId) params.set('event', String(filters.eventId));
  const query = params.toString();
  return query ? `/insights?${query}` : '/insights';
}

/** The report's query: the period counted back from today, today included. */
export function insightsQuery(filters: InsightsFilters, today: string): InsightsQuery {
  const days = PERIODS.get(filters.period)?.days ?? null;
  return {
    ...(days ? { from: addDays(today, -(days - 1)), to: today } : { to: today }),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.eventId ? { eventId: filters.eventId } : {}),
  };
}
