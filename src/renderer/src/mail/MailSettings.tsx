import { useRef, useState } from 'react';
import type { MailAccount } from '../../../shared/domain/mail.ts';
import type { Settings } from '../../../shared/settings.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { INLINE, NumberSettingRow, useSaveSettings } from '../settings/SettingControls.tsx';
import { AccountCards } from '../ui/AccountCard.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { ProgressBar } from '../ui/ProgressBar.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useFocusWhenGone } from '../ui/useFocusWhenGone.ts';
import { MailAccountDialog } from './MailAccountDialog.tsx';
import { MailAccountRow } from './MailAccountRow.tsx';
import { MailSuggestions } from './MailSuggestions.tsx';
import { progressInWords, syncResultInWords } from './mailWords.ts';
import { readdDraft } from './readd.ts';
import { useMailSyncProgress } from './useMailSyncProgress.ts';
import './mail.css';

type Editing = { kind: 'add' } | { kind: 'edit'; account: MailAccount } | null;

/**
 * Settings › Mail (issue 12): the user's own mailboxes over IMAP, read from this computer. A
 * pass, whoever starts it, shows its progress here from main's 'mail-sync' pushes.
 */
export function MailSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const toast = useToast();
  const save = useSaveSettings();
  const accounts = useApiData('mail.accounts', (a) => a['mail.accounts.list']({}), ['mail']);
  const presets = useApiData('mail.presets', (a) => a['mail.presets']({}));
  const info = useApiData('app.info', (a) => a['app.info']({}));
  const progress = useMailSyncProgress();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<MailAccount | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAddWhenGone = useFocusWhenGone(accounts.data, addButton);
  const canKeepPassword = info.data?.shell === 'electron';
  const mail = settings.mail;

  const firstSync = async (account: MailAccount) => {
    try {
      const outcome = syncResultInWords(await api['mail.sync']({ account: account.name }));
      toast(
        outcome.ok
          ? { tone: 'success', message: `First sync of ${account.name} done`, detail: outcome.text }
          : { tone: 'error', message: `${account.name} did not sync`, detail: outcome.text },
      );
    } catch (e) {
      toast({ tone: 'error', message: `${account.name} did not sync`, detail: toApiError(e).describe() });
    }
  };

  const saved = (account: MailAccount, added: boolean) => {
    setEditing(null);
    accounts.reload();
    toast({
      tone: 'success',
      message: added ? `${account.name} added` : `${account.name} saved`,
      detail: added ? 'Logged in. The first sync is under way.' : undefined,
    });
    if (added) void firstSync(account);
  };

  const remove = async (account: MailAccount) => {
    await api['mail.accounts.remove']({ id: account.id });
    focusAddWhenGone(account.id);
    setRemoving(null);
    accounts.reload();
    const again = readdDraft(account);
    toast({
      tone: 'success',
      message: `${account.name} removed`,
      detail: 'What it synced stays on the timelines.',
      ...(again
        ? {
            action: {
              label: 'Undo',
              onClick: () =>
                void api['mail.accounts.add'](again).then(
                  () => accounts.reload(),
                  (e: unknown) =>
                    toast({ tone: 'error', message: 'Not put back', detail: toApiError(e).describe() }),
                ),
            },
          }
        : {}),
    });
  };

  const list = accounts.data ?? [];
  const words = progress ? progressInWords(progress) : null;
  return (
    <section className="settings-section" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">Mail</h2>
      <p className="muted">
        Connect your mailbox and the follow-ups follow the real conversation: a reply ends the nudges waiting
        for it, a message you sent completes its step. Only headers are read, from this computer; nothing is
        stored elsewhere.
      </p>
      {accounts.error ? (
        <ErrorBanner
          error={accounts.error}
          title="Could not read the mail accounts"
          onRetry={accounts.reload}
        />
      ) : null}
      {accounts.data ? (
        list.length ? (
          <AccountCards label="Mail accounts" className="mail-accounts">
            {list.map((a) => (
              <MailAccountRow
                key={a.id}
                account={a}
                onEdit={() => setEditing({ kind: 'edit', account: a })}
                onRemove={() => setRemoving(a)}
              />
            ))}
          </AccountCards>
        ) : (
          <p className="mail-empty muted">No mailbox connected yet.</p>
        )
      ) : null}
      <div className="mail-toolbar">
        <Button
          ref={addButton}
          icon="plus"
          disabled={!presets.data || !info.data}
          onClick={() => setEditing({ kind: 'add' })}
        >
          Add account
        </Button>
      </div>
      <div className="mail-progress" aria-live="polite">
        {progress && words ? (
          <ProgressBar
            label={words.label}
            detail={words.detail}
            value={progress.phase === 'done' ? 1 : progress.done}
            max={progress.phase === 'done' ? 1 : progress.total}
          />
        ) : null}
      </div>
      <div className="setting-list">
        <NumberSettingRow
          label="Look back, in months"
          hint="How far back the first sync of a folder reads."
          value={mail.lookBackMonths}
          min={1}
          max={120}
          onSave={(lookBackMonths) => save({ mail: { ...mail, lookBackMonths } }, INLINE)}
        />
        <NumberSettingRow
          label="Check every, in minutes"
          hint="While the app runs, besides what IDLE tells it at once."
          value={mail.pollMinutes}
          min={1}
          max={1440}
          onSave={(pollMinutes) => save({ mail: { ...mail, pollMinutes } }, INLINE)}
        />
      </div>
      {list.length ? <MailSuggestions /> : null}
      {editing && presets.data ? (
        <MailAccountDialog
          {...(editing.kind === 'edit' ? { account: editing.account } : {})}
          presets={presets.data}
          canKeepPassword={canKeepPassword}
          lookBackMonths={mail.lookBackMonths}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove account"
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        >
          <p>
            Followthrough stops reading this mailbox. What it already put on timelines stays.
            {removing.credential.kind === 'safe-storage'
              ? ' The password kept for it is deleted; to add it again you will type it again.'
              : ' You can undo this for a few seconds.'}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
