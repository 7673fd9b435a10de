import type { SyncMove } from '../../shared/domain/sync.ts';
import type { DatedReading } from '../../shared/format/dated-text.ts';
import type { Db } from '../store/database.ts';
import type { SyncAccountRow } from '../store/sync-store.ts';
import type { CalendarItem } from './calendar-objects.ts';
import type { ReadMode } from './calendar-read.ts';
import type { DavSession } from './dav-session.ts';
import type { SyncProgress } from './sync-progress.ts';

/** Everything one account's calendar pass needs, handed down from the sync service. */
export interface CalendarPass {
  db: Db;
  session: DavSession;
  account: SyncAccountRow & { calendarUrl: string };
  now: () => Date;
  reading: DatedReading;
  timeZone: string;
  /** The engine's reschedule (cap and day-off warnings included). */
  reschedule: (input: { id: number; dueOn: string }) => { warnings: string[] };
  /**
   * What the calendar should hold, by itemKey: every open step the plan places in the coming
   * year, the meetings and the open promises' due days of that year.
   */
  planned: () => ReadonlyMap<string, CalendarItem>;
  retry: RetryPolicy;
  readMode: ReadMode;
  moved: SyncMove[];
  errors: string[];
  progress?: SyncProgress;
}

export interface RetryPolicy {
  /** Further tries after a transient failure (a 5xx, a timeout, a cut connection). */
  retries: number;
  /** The first wait; each further one doubles. */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 2,
  backoffMs: 500,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
