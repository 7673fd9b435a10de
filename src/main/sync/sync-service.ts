import type { SyncRunResult, SyncTestResult } from '../../shared/domain/sync.ts';
import { collectionNamed, type SyncAddressBookFound } from '../../shared/domain/sync-collections.ts';
import { stepsToExport } from '../calendar/planned-steps.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { meetingsInRange, promisesInRange } from '../store/calendar-store.ts';
import {
  enqueue,
  listSyncAccounts,
  pendingCount,
  type SyncAccountRow,
  setAccountCalendar,
  setAccountOutcome,
  syncObjects,
} from '../store/sync-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { addDays, atLocalHour } from '../time/local-day.ts';
import { readingAt } from '../time/locale.ts';
import { momentOf } from '../time/moment.ts';
import {
  type CalendarItem,
  itemHash,
  itemKey,
  meetingItem,
  promiseItem,
  stepItem,
} from './calendar-objects.ts';
import { type CalendarPass, DEFAULT_RETRY, type RetryPolicy } from './calendar-pass.ts';
import { pullCalendar } from './calendar-pull.ts';
import { pushOutbox } from './calendar-push.ts';
import type { ReadMode } from './calendar-read.ts';
import { addressBookHome, CardDavError, listAddressBooks } from './contacts/carddav.ts';
import { runContactPass } from './contacts/contact-session.ts';
import {
  calendarNamed,
  type DavSession,
  DEFAULT_TIMEOUT_MS,
  davSession,
  discoverCalendars,
  findOrMakeCalendar,
  listCalendars,
} from './dav-session.ts';
import { type SyncSecretSource, syncSecrets } from './sync-credentials.ts';
import { SyncError, safeHost } from './sync-error.ts';

/** The calendar holds what the feed does: the coming year of the plan Today follows. */
const CALENDAR_DAYS = 365;

export interface SyncOptions {
  secrets?: SyncSecretSource;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** 'ctag' reads every server as one without sync-collection (tests of that path). */
  readMode?: ReadMode;
}

export interface SyncService {
  /** Logs in, discovers, finds the calendar and address book, and lists what is there (makes nothing). */
  test(
    account: Pick<SyncAccountRow, 'id' | 'url' | 'user' | 'credential' | 'calendar' | 'addressbook'>,
    secret?: string,
  ): Promise<SyncTestResult>;
  /** Discovers and chooses or creates the calendar; returns where it is. */
  link(
    account: Pick<SyncAccountRow, 'id' | 'url' | 'user' | 'credential' | 'calendar'>,
    secret?: string,
  ): Promise<{ principalUrl: string; calendarUrl: string }>;
  run(accountId?: number): Promise<SyncRunResult>;
}

export function createSyncService(deps: HandlerDeps, options: SyncOptions = {}): SyncService {
  const secrets = options.secrets ?? syncSecrets(deps.info.dataDir);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sessionFor = async (
    account: Pick<SyncAccountRow, 'id' | 'url' | 'user' | 'credential'>,
    secret?: string,
  ): Promise<DavSession> =>
    davSession(account.url, account.user, secret ?? (await secrets(account)), timeoutMs);

  let queue: Promise<void> = Promise.resolve();
  const service: SyncService = {
    async test(account, secret) {
      const session = await sessionFor(account, secret);
      const found = await discoverCalendars(session);
      const calendars = await listCalendars(session, found.account);
      const calendar = calendarNamed(calendars, account.calendar);
      const books = await addressBooksOf(session);
      const book = account.addressbook ? collectionNamed(books?.list ?? [], account.addressbook) : undefined;
      return {
        ok: true,
        principalUrl: found.principalUrl,
        calendarHomeUrl: found.calendarHomeUrl,
        calendarUrl: calendar?.dav.url ?? null,
        calendarExists: calendar !== undefined,
        incremental: calendar?.dav.reports?.includes('syncCollection') ? 'sync-collection' : 'ctag',
        calendars: calendars.map((c) => c.found),
        addressBookHomeUrl: books?.homeUrl ?? null,
        addressBooks: books?.list ?? [],
        addressbookUrl: book?.url ?? null,
      };
    },

    async link(account, secret) {
      const session = await sessionFor(account, secret);
      const found = await discoverCalendars(session);
      const calendar = await findOrMakeCalendar(session, found, account.calendar);
      return { principalUrl: found.principalUrl, calendarUrl: calendar.url };
    },

    // One pass at a time per database (the watch's and a "Sync now" would otherwise push the
    // same outbox rows twice: harmless, the second meets 412, but wasted).
    run(accountId) {
      const next = queue.then(() => runPass(accountId));
      queue = next.then(
        () => undefined,
        () => undefined,
      );
      return next;
    },
  };

  async function runPass(accountId: number | undefined): Promise<SyncRunResult> {
    const result: SyncRunResult = {
      pushed: 0,
      pulled: 0,
      moved: [],
      conflicts: [],
      pending: 0,
      errors: [],
    };
    const accounts = listSyncAccounts(deps.db).filter((a) => accountId === undefined || a.id === accountId);
    for (const account of accounts) {
      const errors: string[] = [];
      try {
        await runAccount(account, result, errors);
      } catch (error) {
        errors.push(
          error instanceof SyncError ? error.message : `unexpected failure: ${(error as Error).message}`,
        );
      }
      const who = `${account.user} at ${safeHost(account.url)}`;
      result.errors.push(...errors.map((e) => `${who}: ${e}`));
      writeTransaction(deps.db, () =>
        setAccountOutcome(
          deps.db,
          account.id,
          deps.clock().toISOString(),
          errors.length ? errors.join('; ') : null,
        ),
      );
      result.pending += pendingCount(deps.db, account.id);
    }
    return result;
  }

  async function runAccount(account: SyncAccountRow, result: SyncRunResult, errors: string[]): Promise<void> {
    const session = await sessionFor(account);
    let calendarUrl = account.calendarUrl;
    if (!calendarUrl) {
      const linked = await service.link(account);
      writeTransaction(deps.db, () =>
        setAccountCalendar(deps.db, account.id, linked, deps.clock().toISOString()),
      );
      calendarUrl = linked.calendarUrl;
    }
    const settings = deps.settings.get();
    let plan: Map<string, CalendarItem> | null = null;
    let planMoves = 0;
    const pass: CalendarPass = {
      db: deps.db,
      session,
      account: { ...account, calendarUrl },
      now: deps.clock,
      reading: readingAt(momentOf(deps.clock, settings)),
      timeZone: momentOf(deps.clock, settings).timeZone,
      reschedule: (input) => deps.engine.reschedule(input),
      // Recomputed after a move: the moved step, and what the budget placed around it, change.
      planned: () => {
        if (!plan || planMoves !== pass.moved.length) {
          plan = plannedItems(pass.reading);
          planMoves = pass.moved.length;
        }
        return plan;
      },
      retry: options.retry ?? DEFAULT_RETRY,
      readMode: options.readMode ?? 'auto',
      moved: result.moved,
      errors,
    };
    result.pulled += await pullCalendar(pass);
    queueWhatTheCalendarLacks(pass);
    result.pushed += await pushOutbox(pass);
    // Then the address book, when the account names one, on the same session.
    const contacts = await runContactPass(deps, account.id, session);
    if (contacts) {
      result.pushed += contacts.pushed;
      result.pulled += contacts.pulled;
      result.conflicts.push(...contacts.conflicts);
      errors.push(...contacts.errors);
    }
  }

  function plannedItems(reading: CalendarPass['reading']): Map<string, CalendarItem> {
    const settings = deps.settings.get();
    const m = momentOf(deps.clock, settings);
    const range = { from: m.today, to: addDays(m.today, CALENDAR_DAYS), tag: null, contactId: null };
    const { steps } = stepsToExport(deps.db, m, settings, { ...range, everything: false });
    const items = steps.map((s) => stepItem(s, reading));
    const fromInstant = atLocalHour(range.from, 0, m.timeZone).toISOString();
    const toInstant = atLocalHour(addDays(range.to, 1), 0, m.timeZone).toISOString();
    for (const meeting of meetingsInRange(deps.db, { ...range, fromInstant, toInstant }))
      items.push(meetingItem(meeting));
    for (const promise of promisesInRange(deps.db, range, false)) items.push(promiseItem(promise));
    return new Map(items.map((i) => [itemKey(i.kind, i.entityId), i]));
  }

  /**
   * The triggers queue every stored change; what the plan moves without a stored change (the
   * budget freeing a day, a contact's new e-mail in the description), and the first push of an
   * account, are found here by comparing what should be there with what was pushed.
   */
  function queueWhatTheCalendarLacks(pass: CalendarPass): void {
    const planned = pass.planned();
    const pushed = new Map(
      syncObjects(deps.db, pass.account.id).map((o) => [itemKey(o.kind, o.entityId), o]),
    );
    const stale: { kind: CalendarItem['kind']; entityId: number }[] = [];
    for (const [key, item] of planned) {
      const object = pushed.get(key);
      if (!object || object.pushedHash !== itemHash(item)) stale.push(item);
    }
    for (const [key, object] of pushed) if (!planned.has(key)) stale.push(object);
    if (stale.length > 0) writeTransaction(deps.db, () => enqueue(deps.db, pass.account.id, stale));
  }

  return service;
}

/**
 * The address books, or null for a server without CardDAV (a calendar-only host): Test still
 * passes there, and says so. A network failure is the calendar's too, and is thrown.
 */
async function addressBooksOf(
  session: DavSession,
): Promise<{ homeUrl: string; list: SyncAddressBookFound[] } | null> {
  try {
    const account = await addressBookHome(session);
    return { homeUrl: account.homeUrl, list: await listAddressBooks(session, account) };
  } catch (error) {
    if (error instanceof CardDavError) return null;
    throw error;
  }
}
