import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import type { SyncAccount, SyncRunResult, SyncTestResult } from '../../../shared/domain/sync.ts';
import type { SyncAddressBookFound, SyncCalendarFound } from '../../../shared/domain/sync-collections.ts';
import { LOCALE } from '../format/dates.ts';
import { plural } from '../format/text.ts';

/** Settings › Sync says what happened in words: these turn main's answers into sentences. */

/** A pass's outcome in one line for a toast and the account's card: every count the CLI gives. */
export function runInWords(r: SyncRunResult): { ok: boolean; text: string } {
  const parts = [`${r.pushed} sent to the server`, `${r.pulled} read back`];
  if (r.moved.length) parts.push(`${r.moved.length} moved there and rescheduled here`);
  if (r.conflicts.length)
    parts.push(
      r.conflicts.length === 1
        ? '1 field changed on both sides to choose'
        : `${r.conflicts.length} fields changed on both sides to choose`,
    );
  parts.push(r.pending ? `${r.pending} still waiting` : 'nothing waiting');
  const counts = `${parts.join(', ')}.`;
  return r.errors.length
    ? {
        ok: false,
        text: `${r.errors.length === 1 ? '1 error' : `${r.errors.length} errors`}: ${r.errors.join(' ')} ${counts}`,
      }
    : { ok: true, text: counts };
}

/** What Test found, in words: where the calendar is and how changes are read. */
export function testInWords(t: SyncTestResult): string {
  const calendar = t.calendarExists
    ? `the calendar is at ${t.calendarUrl}`
    : t.calendarSameName.length
      ? `${t.calendarSameName.length} calendars share its name (${t.calendarSameName.join(', ')}): remove the account and add it again with the one you mean`
      : 'the calendar is not there yet and is made at the next sync';
  const reading =
    t.incremental === 'sync-collection'
      ? 'changes are read by WebDAV sync (RFC 6578)'
      : 'changes are found by the calendar’s ctag and each event’s ETag';
  return `Logged in; ${calendar}; ${reading}.`;
}

/** What waits in the outbox. With an error showing, "everything sent" would claim too much. */
export function pendingInWords(n: number, failing: boolean): string {
  if (n === 0) return failing ? 'Nothing waiting to be sent' : 'Everything sent';
  return n === 1 ? '1 change waiting to be sent' : `${n} changes waiting to be sent`;
}

/** When the last pass ran and whether it went through; the error itself gets its own line. */
export function lastPassInWords(
  account: Pick<SyncAccount, 'lastSyncAt'>,
  error: string | null,
  relative: (iso: string) => string,
): string {
  if (!account.lastSyncAt) return error ? 'not synced yet: the first try failed' : 'not synced yet';
  const when = relative(account.lastSyncAt);
  return error ? `the last try, ${when}, failed` : `last synced ${when}`;
}

/** Main's errors name the account for the CLI and logs; beside the account it goes without saying. */
export function withoutAccount(account: Pick<SyncAccount, 'user'>, error: string): string {
  const prefix = `Sync account ${account.user}: `;
  const rest = error.startsWith(prefix) ? error.slice(prefix.length) : error;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The dialog's Test, in one line: logged in, and how many collections it found. */
export function foundInWords(t: SyncTestResult, host: string): string {
  const count = (n: number, one: string, many: string) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;
  const calendars = count(t.calendars.length, 'calendar', 'calendars');
  const books =
    t.addressBookHomeUrl === null
      ? 'no address books (the server offers no CardDAV)'
      : count(t.addressBooks.length, 'address book', 'address books');
  return `Logged in at ${host}: ${calendars} and ${books} found. Choose one below, or name a new one.`;
}

/** Whether the chosen calendar is there (and who made it) or will be made, in words. */
export function calendarChoiceInWords(
  name: string,
  found: SyncCalendarFound | undefined,
  sameName: readonly SyncCalendarFound[] = [],
): string {
  if (!name.trim()) return 'Name the calendar to make.';
  if (sameName.length > 1)
    return `${sameName.length} calendars on the server are named “${name}”: choose one above (each is shown with its path), or give a new name.`;
  if (!found) return `No calendar is named “${name}” on the server: Connect makes it.`;
  return found.followthroughMade
    ? `“${name}” is on the server, made by Followthrough (here or on another device): follow-ups go on into it.`
    : `“${name}” is on the server: follow-ups, meetings and promises go into it, beside its own events.`;
}

/** The same for the address book, where none at all is a choice too. */
export function addressBookChoiceInWords(
  name: string,
  found: SyncAddressBookFound | undefined,
  sameName: readonly SyncAddressBookFound[] = [],
): string {
  if (!name.trim()) return 'No address book: contacts stay on this computer; only follow-ups are sent.';
  if (sameName.length > 1)
    return `${sameName.length} address books on the server are named “${name}”: choose one above (each is shown with its path), or give a new name.`;
  if (!found) return `No address book is named “${name}” on the server: the first sync makes it.`;
  return `“${name}” is on the server: its cards and your contacts sync both ways.`;
}

/** What each step of a pass is doing, by side and phase; with no count yet, the bar just slides. */
const PROGRESS_LABELS = new Map<string, { label: string; unit: [string, string] }>([
  ['calendar reading', { label: 'Reading the calendar', unit: ['event', 'events'] }],
  ['calendar writing', { label: 'Sending follow-ups to the calendar', unit: ['change', 'changes'] }],
  ['contacts reading', { label: 'Reading cards from the server', unit: ['card', 'cards'] }],
  ['contacts matching', { label: 'Matching cards with your contacts', unit: ['card', 'cards'] }],
  ['contacts writing', { label: 'Sending contacts to the server', unit: ['contact', 'contacts'] }],
]);

/** The progress bar's label and detail for a 'dav-sync' push, e.g. "2,300 of 10,000 cards". */
export function syncProgressInWords(p: ProgressPayload): { label: string; detail: string | undefined } {
  if (p.phase === 'done') return { label: 'Sync finished', detail: undefined };
  const step = PROGRESS_LABELS.get(`${p.side ?? 'calendar'} ${p.phase}`) ?? {
    label: 'Syncing',
    unit: ['item', 'items'],
  };
  if (p.total <= 0) return { label: step.label, detail: undefined };
  const [one, many] = step.unit;
  return {
    label: step.label,
    detail: `${p.done.toLocaleString(LOCALE)} of ${plural(p.total, one, many)}`,
  };
}
