import type { ForecastAssumptions } from '../../../shared/domain/forecast.ts';
import { dataVersion } from '../../store/data-version.ts';
import type { Db } from '../../store/database.ts';
import { totalChanges } from '../../store/transaction.ts';
import type { LocalDay } from '../../time/local-day.ts';
import { type CapturePace, historicPace } from './captures.ts';
import { replyRateFor } from './reply-rate.ts';

export interface UserHistory {
  replyRate: ForecastAssumptions['replyRate'];
  pace: CapturePace;
}

const remembered = new WeakMap<Db, { key: string; history: UserHistory }>();

/**
 * The user's own reply rate and capture pace, read once per state of the database: the screen
 * asks again at every change of pacing, caps or budget it tries, and the reply rate over a
 * year of a 50,000-contact network costs most of a second. Any commit (this connection's, seen
 * in total_changes, or another process's, seen in data_version) or a new day reads them afresh.
 */
export function userHistory(db: Db, today: LocalDay, timeZone: string): UserHistory {
  const key = `${dataVersion(db)} ${totalChanges(db)} ${today} ${timeZone}`;
  const seen = remembered.get(db);
  if (seen?.key === key) return seen.history;
  const history = {
    replyRate: replyRateFor(db, today, timeZone),
    pace: historicPace(db, today, timeZone),
  };
  remembered.set(db, { key, history });
  return history;
}
