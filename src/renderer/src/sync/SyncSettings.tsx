import { useRef, useState } from 'react';
import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import type { SyncAccount } from '../../../shared/domain/sync.ts';
import { collectionPath } from '../../../shared/domain/sync-collections.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { useTaskProgress } from '../api/useTaskProgress.ts';
import { formatInstant, formatRelative } from '../format/dates.ts';
import { AccountCard, AccountCards, PasswordFrom } from '../ui/AccountCard.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { ProgressBar } from '../ui/ProgressBar.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useFocusWhenGone } from '../ui/useFocusWhenGone.ts';
import { ContactsWaiting } from './ContactsWaiting.tsx';
import { SyncAccountDialog } from './SyncAccountDialog.tsx';
import {
  lastPassInWords,
  pendingInWords,
  runInWords,
  syncProgressInWords,
  testInWords,
  withoutAccount,
} from './syncWords.ts';
import './sync.css';

/**
 * Settings › Sync (issue 14): the user's own CalDAV server. Follow-ups, meetings and promises go
 * into one calendar there; a follow-up moved in the calendar app comes back rescheduled. What
 * waits to be sent, and the last error, are shown in words.
 */
export function SyncSettings() {
  const api = useApi();
  const toast = useToast();
  const accounts = useApiData('sync.accounts', (a) => a['sync.accounts.list']({}), ['sync']);
  const status = useApiData('sync.status', (a) => a['sync.status']({}), ['sync', 'followups']);
  const presets = useApiData('sync.presets', (a) => a['sync.presets']({}));
  const info = useApiData('app.info', (a) => a['app.info']({}));
  // Whoever started the pass (Sync now, the timer, a change queued): gone as it ends, the card's
  // lines then say how it went.
  const progress = useTaskProgress('dav-sync', 0);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SyncAccount | null>(null);
  const [syncing, setSyncing] = useState<number | null>(null);
  const [testing, setTesting] = useState<number | null>(null);
  // This window's last pass per account, in words: the database keeps only its time and error.
  const [lastRun, setLastRun] = useState<ReadonlyMap<number, { ok: boolean; text: string }>>(new Map());
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAddWhenGone = useFocusWhenGone(accounts.data, addButton);

  const run = async (account: SyncAccount) => {
    setSyncing(account.id);
    try {
      const outcome = runInWords(await api['sync.run']({ id: account.id }));
      setLastRun((m) => new Map(m).set(account.id, outcome));
      toast(
        outcome.ok
          ? { tone: 'success', message: 'Calendar synced', detail: outcome.text }
          : { tone: 'error', message: 'The calendar did not sync', detail: outcome.text },
      );
    } catch (e) {
      toast({ tone: 'error', message: 'The calendar did not sync', detail: toApiError(e).describe() });
    } finally {
      setSyncing(null);
      accounts.reload();
      status.reload();
    }
  };

  const test = async (account: SyncAccount) => {
    setTesting(account.id);
    try {
      const found = await api['sync.accounts.test']({ id: account.id });
      toast({ tone: 'success', message: `${account.url} answered`, detail: testInWords(found) });
    } catch (e) {
      toast({ tone: 'error', message: `${account.url} did not let us in`, detail: toApiError(e).describe() });
    } finally {
      setTesting(null);
    }
  };

  const remove = async (account: SyncAccount) => {
    await api['sync.accounts.remove']({ id: account.id });
    focusAddWhenGone(account.id);
    setRemoving(null);
    accounts.reload();
    status.reload();
    toast({
      tone: 'success',
      message: 'Sync account removed',
      detail: 'The calendar on the server stays as it is.',
    });
  };

  const list = accounts.data ?? [];
  const byId = new Map((status.data?.accounts ?? []).map((s) => [s.id, s]));
  return (
    <section className="settings-section" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">Sync</h2>
      <p className="muted">
        Put your follow-ups into your own calendar (iCloud, Fastmail, Nextcloud or any CalDAV server), so they
        reach your phone. Move one there and it is rescheduled here; any other change there is replaced by the
        app’s version.
      </p>
      <ul className="sync-directions" aria-label="What syncs which way">
        <li>
          <Icon name="arrowUpRight" size={13} /> <strong>Out:</strong> open follow-ups, meetings and promise
          days, as events.
        </li>
        <li>
          <Icon name="arrowDownLeft" size={13} /> <strong>In:</strong> a follow-up moved to another day there.
        </li>
        <li>
          <Icon name="users" size={13} /> <strong>Contacts,</strong> with an address book: both ways; a field
          changed on both sides waits for you to choose.
        </li>
      </ul>
      {accounts.error ? (
        <ErrorBanner
          error={accounts.error}
          title="Could not read the sync accounts"
          onRetry={accounts.reload}
        />
      ) : null}
      {accounts.data ? (
        list.length ? (
          <AccountCards label="Sync accounts">
            {list.map((a) => {
              const s = byId.get(a.id);
              const error = s?.outboxError ?? a.lastError;
              const titleId = `sync-account-${a.id}`;
              return (
                <AccountCard
                  key={a.id}
                  titleId={titleId}
                  icon="calendar"
                  name={a.calendar}
                  actions={
                    <>
                      <Button size="sm" icon="refresh" busy={syncing === a.id} onClick={() => void run(a)}>
                        Sync now
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="link"
                        busy={testing === a.id}
                        aria-label={`Test ${a.user} at ${a.url}`}
                        onClick={() => void test(a)}
                      >
                        Test
                      </Button>
                      <Button size="sm" variant="ghost" icon="trash" onClick={() => setRemoving(a)}>
                        Remove
                      </Button>
                    </>
                  }
                >
                  <p className="account-card-where">
                    <span className="mono">{a.user}</span> at <span className="mono">{a.url}</span>
                    <PasswordFrom credential={a.credential} />
                  </p>
                  {/* By path too: two calendars or address books on a server may share a name. */}
                  {a.calendarUrl ? (
                    <p className="account-card-where">
                      Follow-ups into “{a.calendar}” at{' '}
                      <span className="mono">{collectionPath(a.calendarUrl)}</span>
                    </p>
                  ) : null}
                  <p className="account-card-where">
                    {a.addressbook ? (
                      <>
                        Contacts with the address book “{a.addressbook}”
                        {a.addressbookUrl ? (
                          <>
                            {' '}
                            at <span className="mono">{collectionPath(a.addressbookUrl)}</span>
                          </>
                        ) : null}
                      </>
                    ) : (
                      'Contacts not synced (no address book chosen)'
                    )}
                  </p>
                  <p
                    className="sync-account-state"
                    title={a.lastSyncAt ? formatInstant(a.lastSyncAt) : undefined}
                  >
                    {pendingInWords(s?.pending ?? 0, Boolean(error))}
                    {' · '}
                    {lastPassInWords(a, error, formatRelative)}
                  </p>
                  {error ? (
                    <p className="sync-account-state is-error">
                      <Icon name="alert" size={13} />
                      <span>{withoutAccount(a, error)}</span>
                    </p>
                  ) : null}
                  {/* A failed pass's words are the error line above; a good one's counts go here. */}
                  {lastRun.get(a.id)?.ok ? (
                    <p className="sync-account-state">Last pass: {lastRun.get(a.id)?.text}</p>
                  ) : null}
                  <SyncProgress progress={progress?.accountId === a.id ? progress : null} />
                </AccountCard>
              );
            })}
          </AccountCards>
        ) : (
          <p className="muted">No calendar server connected yet.</p>
        )
      ) : null}
      {/* Only contacts wait for a choice (the calendar's server edits are overwritten): only with an address book. */}
      {list.some((a) => a.addressbook) ? <ContactsWaiting /> : null}
      <div className="sync-toolbar">
        <Button
          ref={addButton}
          icon="plus"
          disabled={!presets.data || !info.data}
          onClick={() => setAdding(true)}
        >
          Add calendar server
        </Button>
      </div>
      {adding && presets.data && info.data ? (
        <SyncAccountDialog
          presets={presets.data}
          canKeepPassword={info.data.shell === 'electron'}
          onClose={() => setAdding(false)}
          onSaved={(account) => {
            setAdding(false);
            accounts.reload();
            toast({
              tone: 'success',
              message: `Connected to ${account.calendar}`,
              detail: 'The first sync is under way.',
            });
            void run(account);
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Stop syncing with ${removing.url}?`}
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        >
          <p>
            Followthrough stops writing to “{removing.calendar}”. The events already there stay; delete the
            calendar in your calendar app if you no longer want them.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** A pass's progress on its account's card; the live region stays so each change is read out. */
function SyncProgress({ progress }: { progress: ProgressPayload | null }) {
  const words = progress ? syncProgressInWords(progress) : null;
  return (
    <div className="sync-progress" aria-live="polite">
      {progress && words ? (
        <ProgressBar
          label={words.label}
          detail={words.detail}
          value={progress.total > 0 ? progress.done : undefined}
          max={progress.total > 0 ? progress.total : undefined}
        />
      ) : null}
    </div>
  );
}
