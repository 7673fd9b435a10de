import { useState } from 'react';
import type { MailAccount } from '../../../shared/domain/mail.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { formatInstant, formatRelative } from '../format/dates.ts';
import { AccountCard, PasswordFrom } from '../ui/AccountCard.tsx';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useToast } from '../ui/Toast.tsx';
import { foldersInWords, lastSyncInWords, syncResultInWords, testInWords } from './mailWords.ts';

type Check = { ok: boolean; text: string } | null;

const SECURITY_SHORT: ReadonlyMap<MailAccount['security'], string> = new Map([
  ['tls', 'TLS'],
  ['starttls', 'STARTTLS'],
  ['insecure-local', 'no encryption (this computer)'],
]);

/** One account: where it reads, how its last pass went, and what can be done with it. */
export function MailAccountRow({
  account,
  onEdit,
  onRemove,
}: {
  account: MailAccount;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const api = useApi();
  const toast = useToast();
  const [testing, setTesting] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [check, setCheck] = useState<Check>(null);
  const last = lastSyncInWords(account, (iso) => formatRelative(iso));
  const titleId = `mail-account-${account.id}`;

  const test = async () => {
    setTesting(true);
    setCheck(null);
    try {
      setCheck({ ok: true, text: testInWords(await api['mail.accounts.test']({ id: account.id })) });
    } catch (e) {
      setCheck({ ok: false, text: toApiError(e).describe() });
    } finally {
      setTesting(false);
    }
  };

  const sync = async () => {
    setSyncing(true);
    try {
      const outcome = syncResultInWords(await api['mail.sync']({ account: account.name }));
      toast(
        outcome.ok
          ? { tone: 'success', message: `${account.name} synced`, detail: outcome.text }
          : { tone: 'error', message: `${account.name} did not sync`, detail: outcome.text },
      );
    } catch (e) {
      toast({ tone: 'error', message: `${account.name} did not sync`, detail: toApiError(e).describe() });
    } finally {
      setSyncing(false);
    }
  };

  return (
    <AccountCard
      titleId={titleId}
      icon="mail"
      name={account.name}
      actions={
        <>
          <Button size="sm" icon="refresh" busy={syncing} onClick={() => void sync()}>
            Sync now
          </Button>
          <Button size="sm" icon="check" busy={testing} onClick={() => void test()}>
            Test connection
          </Button>
          <Button size="sm" icon="pen" onClick={onEdit}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" icon="trash" onClick={onRemove}>
            Remove
          </Button>
        </>
      }
      after={
        check ? (
          <p className={check.ok ? 'mail-check is-ok' : 'mail-check is-error'} role="status">
            <Icon name={check.ok ? 'check' : 'alert'} size={13} />
            {check.text}
          </p>
        ) : null
      }
    >
      <p className="account-card-where">
        <span className="mono">{account.user}</span> at{' '}
        <span className="mono">
          {account.host}:{account.port}
        </span>{' '}
        · {SECURITY_SHORT.get(account.security)} · watches {foldersInWords(account.folders)}
        <PasswordFrom credential={account.credential} />
      </p>
      <p
        className={`mail-account-sync is-${last.tone}`}
        title={account.lastSyncAt ? formatInstant(account.lastSyncAt) : undefined}
      >
        {last.tone === 'error' ? <Icon name="alert" size={13} /> : null}
        {last.text}
      </p>
    </AccountCard>
  );
}
