import type { SyncRunResult, SyncTestResult } from '../../shared/domain/sync.ts';
import {
  collectionPath,
  matchCollection,
  type SyncAddressBookFound,
} from '../../shared/domain/sync-collections.ts';
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
import { offersSyncCollection, type ReadMode } from './calendar-read.ts';
import { requireCollection } from './collection-choice.ts';
import { addressBookHome, CardDavError, listAddressBooks, resolveAddressbook } from './contacts/carddav.ts';
import { runContactPass } from './contacts/contact-session.ts';
import {
  type DavSession,
  DEFAULT_TIMEOUT_MS,
  davSession,
  discoverCalendars,
  findOrMakeCalendar,
  listCalendars,
} from './dav-session.ts';
import { type SyncSecretSource, syncSecrets } from './sync-credentials.ts';
import { SyncError, safeHost } from './sync-error.ts';
import { type SyncProgress, syncProgress } from './sync-progress.ts';

/** The calendar holds what the feed does: the coming year of the plan Today follows. */
const CALENDAR_DAYS = 365;

export interface SyncOptions {
  secrets?: SyncSecretSource;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** 'ctag' reads every server, calendar and address book, as one without sync-collection (tests of that path). */
  readMode?: ReadMode;
}

type TestedAccount = Pick<SyncAccountRow, 'id' | 'url' | 'user' | 'credential' | 'calendar' | 'addressbook'> &
  Partial<Pick<SyncAccountRow, 'calendarUrl' | 'addressbookUrl'>>;

/** Where an account's collections are, found (or the calendar made) by what it names. */
export interface LinkedCollections {
  principalUrl: string;
  calendarUrl: string;
  calendarName: string;
  /** Null when the account names none, or its name is not there yet (the first contact pass makes it). */
  addressbook: SyncAddressBookFound | null;
}

export interface SyncService {
  /**
   * Logs in, discovers, finds the calendar and address book (the account's stored ones, else by
   * what it names), and lists what is there (makes nothing).
   */
  test(account: TestedAccount, secret?: string): Promise<SyncTestResult>;
  /**
   * Discovers and chooses or creates the calendar, and finds the address book; returns where they
   * are. A name two collections share, or an address with none, is refused (CollectionChoiceError).
   */
  link(
    account: Pick<SyncAccountRow, 'id' | 'url' | 'user' | 'credential' | 'calendar' | 'addressbook'>,
    secret?: string,
  ): Promise<LinkedCollections>;
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
      const books = await addressBooksOf(session);
      const calendarMatch = pick(calendars, (c) => c.found, account.calendarUrl, account.calendar);
      const calendar = calendarMatch.found;
      const bookMatch = account.addressbook
        ? pick(books?.list ?? [], (b) => b, account.addressbookUrl, account.addressbook)
        : { found: undefined, sameName: [] };
      return {
        ok: true,
        principalUrl: found.principalUrl,
        calendarHomeUrl: found.calendarHomeUrl,
        calendarUrl: calendar?.dav.url ?? null,
        calendarExists: calendar !== undefined,
        incremental:
          calendar && (await offersSyncCollection(session, calendar.dav.url)) ? 'sync-collection' : 'ctag',
        calendars: calendars.map((c) => c.found),
        addressBookHomeUrl: books?.homeUrl ?? null,
        addressBooks: books?.list ?? [],
        addressbookUrl: bookMatch.found?.url ?? null,
        calendarSameName: calendarMatch.sameName,
        addressbookSameName: bookMatch.sameName,
      };
    },

    async link(account, secret) {
      const session = await sessionFor(account, secret);
      const found = await discoverCalendars(session);
      const calendar = await findOrMakeCalendar(session, found, account.calendar);
      let addressbook: SyncAddressBookFound | null = null;
      if (account.addressbook) {
        try {
          addressbook = await resolveAddressbook(session, account.addressbook, false);
        } catch (error) {
          // No CardDAV there: the contact pass says so, as before; a refused choice is the user's.
          if (!(error instanceof CardDavError)) throw error;
        }
      }
      return {
        principalUrl: found.principalUrl,
        calendarUrl: calendar.dav.url,
        calendarName: calendar.found.name,
        addressbook,
      };
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
      const progress = syncProgress((payload) => deps.bus.emit({ type: 'progress', ...payload }), account.id);
      const before = result.pushed + result.pulled;
      try {
        await runAccount(account, result, errors, progress.report);
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
      progress.finish(result.pushed + result.pulled - before);
    }
    return result;
  }

  async function runAccount(
    account: SyncAccountRow,
    result: SyncRunResult,
    errors: string[],
    progress: SyncProgress,
  ): Promise<void> {
    // Before the first answer: a window shows the pass under way, its size not known yet.
    progress('calendar', 'reading', 0, 0);
    const session = await sessionFor(account);
    let calendarUrl = account.calendarUrl;
    if (calendarUrl) {
      await requireCollection(session, calendarUrl, 'calendar', account.calendar);
    } else {
      // Saved without a link (--no-verify, or before links were kept): found by what it names
      // once, then by the URL kept here, whatever is added to the server later.
      const found = await discoverCalendars(session);
      const calendar = await findOrMakeCalendar(session, found, account.calendar);
      const linked = {
        principalUrl: found.principalUrl,
        calendarUrl: calendar.dav.url,
        calendarName: calendar.found.name,
      };
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
      progress,
    };
    result.pulled += await pullCalendar(pass);
    queueWhatTheCalendarLacks(pass);
    result.pushed += await pushOutbox(pass);
    // Then the address book, when the account names one, on the same session.
    const contacts = await runContactPass(deps, account.id, session, progress, pass.readMode);
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
 * The collection a stored account is linked to (by its URL), else the one its name or address
 * stands for, and the URLs of those sharing that name when more than one does (Test refuses
 * nothing: it says so).
 */
function pick<T, C extends { url: string; name: string }>(
  list: readonly T[],
  view: (t: T) => C,
  stored: string | null | undefined,
  wanted: string,
): { found: T | undefined; sameName: string[] } {
  if (stored) {
    const at = collectionPath(stored);
    return { found: list.find((t) => collectionPath(view(t).url) === at), sameName: [] };
  }
  const match = matchCollection(list.map(view), wanted);
  if (match.kind === 'found') return { found: list.find((t) => view(t) === match.collection), sameName: [] };
  return {
    found: undefined,
    sameName: match.kind === 'ambiguous' ? match.collections.map((c) => c.url) : [],
  };
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
