import { DEFAULT_REPLY_RATE, type ForecastAssumptions } from '../../../shared/domain/forecast.ts';
import { SMALL_SAMPLE } from '../../../shared/domain/insights.ts';
import type { Db } from '../../store/database.ts';
import { replyTotals } from '../../store/forecast-store.ts';
import { addDays, atLocalHour, type LocalDay } from '../../time/local-day.ts';

/**
 * The user's own reply rate over the past year (the 365 local days before today) as Insights
 * measures it; when fewer went out than Insights calls a sample, DEFAULT_REPLY_RATE.
 */
export function replyRateFor(db: Db, today: LocalDay, zone: string): ForecastAssumptions['replyRate'] {
  const { sent, replied } = replyTotals(
    db,
    atLocalHour(addDays(today, -365), 0, zone).toISOString(),
    atLocalHour(today, 0, zone).toISOString(),
  );
  if (sent < SMALL_SAMPLE) return { value: DEFAULT_REPLY_RATE, source: 'default', messages: sent };
  return { value: Math.round((replied / sent) * 1000) / 1000, source: 'history', messages: sent };
}
