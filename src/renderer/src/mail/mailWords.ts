import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import type { MailAccount, MailSyncResult, MailTestResult } from '../../../shared/domain/mail.ts';
import { LOCALE } from '../format/dates.ts';
import { plural } from '../format/text.ts';

/** Settings › Mail says what happened in words: these turn main's answers into sentences. */

/** The folders a pass reads, in words. */
export function foldersInWords(folders: readonly string[] | null): string {
  return folders ? folders.join(', ') : 'INBOX and Sent';
}

export type SyncTone = 'never' | 'ok' | 'error';

/** The last pass and its outcome in words, e.g. "Synced 5 minutes ago" or why it failed. */
export function lastSyncInWords(
  account: Pick<MailAccount, 'name' | 'lastSyncAt' | 'lastError'>,
  relative: (iso: string) => string,
): { tone: SyncTone; text: string } {
  // Main's errors name the account for the CLI and logs; beside the account it goes without saying.
  const prefix = `Mail account "${account.name}": `;
  const error = account.lastError?.startsWith(prefix)
    ? account.lastError.slice(prefix.length)
    : account.lastError;
  if (!account.lastSyncAt)
    return error
      ? { tone: 'error', text: `Not synced yet: ${error}` }
      : { tone: 'never', text: 'Not synced yet' };
  const when = relative(account.lastSyncAt);
  return error
    ? { tone: 'error', text: `Last sync ${when} failed: ${error}` }
    : { tone: 'ok', text: `Synced ${when}, no problems` };
}

/** A login test's answer in words: what a pass would watch, and what the server offers. */
export function testInWords(result: MailTestResult): string {
  const watched = result.folders.filter((f) => f.watched).map((f) => f.path);
  const others = result.folders.length - watched.length;
  const reading = watched.length
    ? `It reads ${watched.join(' and ')}${others > 0 ? ` (of ${result.folders.length} folders)` : ''}.`
    : 'No folder would be read: name the folders to watch.';
  const news = result.idle
    ? 'New mail arrives at once (IDLE).'
    : 'The server offers no IDLE: new mail is found by the regular check.';
  return `Logged in to “${result.account}”. ${reading} ${news}`;
}

/** What one pass did, e.g. "Home: 1,002 new messages, 3 on timelines, 1 reply (1 nudge ended)." */
export function syncResultInWords(result: MailSyncResult): { ok: boolean; text: string } {
  const failed = result.accounts.filter((a) => a.error);
  const parts = [
    result.messages === 0 ? 'nothing new' : plural(result.messages, 'new message'),
    ...(result.interactions ? [`${plural(result.interactions, 'interaction')} on timelines`] : []),
    ...(result.replies ? [plural(result.replies, 'reply', 'replies')] : []),
    ...(result.nudgesCancelled ? [`${plural(result.nudgesCancelled, 'nudge')} ended`] : []),
    ...(result.stepsCompleted ? [`${plural(result.stepsCompleted, 'step')} completed`] : []),
  ];
  const text = `${parts.join(', ')}.`;
  if (failed.length === 0) return { ok: true, text: text.charAt(0).toUpperCase() + text.slice(1) };
  return { ok: false, text: failed.map((a) => a.error).join(' ') };
}

/** The progress bar's label and detail for a 'mail-sync' push. */
export function progressInWords(progress: ProgressPayload): { label: string; detail: string | undefined } {
  if (progress.phase === 'done')
    return {
      label: 'Sync finished',
      detail: progress.total === 0 ? 'nothing new' : `${plural(progress.total, 'new message')}`,
    };
  return {
    label: 'Reading message headers',
    detail:
      progress.total > 0
        ? `${progress.done.toLocaleString(LOCALE)} of ${plural(progress.total, 'message')}`
        : 'nothing new in this folder',
  };
}
