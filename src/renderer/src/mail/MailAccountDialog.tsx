import { useState } from 'react';
import type { MailAccount } from '../../../shared/domain/mail.ts';
import type { MailPreset } from '../../../shared/domain/mail-presets.ts';
import { MAIL_SECURITY, type MailSecurity } from '../../../shared/domain/mail-security.ts';
import { useApi } from '../api/ApiContext.tsx';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { InputField } from '../ui/InputField.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { ProviderField } from '../ui/ProviderField.tsx';
import { SaveFooter } from '../ui/SaveFooter.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';
import { CredentialFields } from './CredentialFields.tsx';
import {
  applyPreset,
  CUSTOM_PRESET,
  draftFromForm,
  emptyForm,
  formFromAccount,
  insecureRefused,
  type MailForm,
  parsePort,
  patchFromForm,
  SECURITY_LABELS,
  withSecurity,
} from './mailForm.ts';

const FIELDS = [
  'name',
  'host',
  'port',
  'security',
  'user',
  'auth',
  'credential',
  'secret',
  'folders',
  'myAddresses',
];

/**
 * Add or edit an IMAP account. Adding logs in once first (main refuses to save an account whose
 * login fails, and says why); a password typed here goes to main once, which encrypts it with
 * the system keychain and never shows it again.
 */
export function MailAccountDialog({
  account,
  presets,
  canKeepPassword,
  lookBackMonths,
  onClose,
  onSaved,
}: {
  /** Absent: a new account. */
  account?: MailAccount;
  presets: readonly MailPreset[];
  canKeepPassword: boolean;
  lookBackMonths: number;
  onClose: () => void;
  onSaved: (account: MailAccount, added: boolean) => void;
}) {
  const api = useApi();
  const [form, setForm] = useState<MailForm>(() =>
    account ? formFromAccount(account, canKeepPassword) : emptyForm(canKeepPassword),
  );
  const [portError, setPortError] = useState<string>();
  const set = (patch: Partial<MailForm>) => setForm((f) => ({ ...f, ...patch }));
  const preset = presets.find((p) => p.id === form.presetId);
  const at = account ? 'patch.' : '';

  const { saving, error, save } = useSaveAction(async () => {
    if (parsePort(form.port) === null) {
      setPortError('Port must be a whole number from 1 to 65535');
      return;
    }
    setPortError(undefined);
    const saved = account
      ? await api['mail.accounts.update']({ id: account.id, patch: patchFromForm(form, account) })
      : await api['mail.accounts.add'](draftFromForm(form));
    onSaved(saved, !account);
  });
  const message = (path: string, label: string) => fieldMessage(error, `${at}${path}`, label);
  const plainHere = insecureRefused(form);

  return (
    <Dialog
      title={account ? `Edit ${account.name}` : 'Add a mail account'}
      description={
        account
          ? undefined
          : `Headers only are read (who, when, subject), never bodies. The first sync looks back ${lookBackMonths} months.`
      }
      size="lg"
      onClose={onClose}
      footer={
        <SaveFooter
          label={account ? 'Save changes' : 'Log in and add'}
          saving={saving}
          onSave={() => void save()}
          onCancel={onClose}
        />
      }
    >
      <KeyboardForm className="dialog-form mail-form" onSave={() => void save()}>
        {account ? null : (
          <ProviderField
            presets={presets}
            value={form.presetId}
            other={{ value: CUSTOM_PRESET, label: 'Other (enter the server)' }}
            hint={preset?.secret ?? 'Fill in your server’s details below.'}
            onChange={(_id, chosen) => setForm((f) => applyPreset(f, chosen))}
          />
        )}
        <InputField
          label="Name"
          hint="How this account is called here, e.g. Work."
          error={message('name', 'Name')}
          value={form.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          {...(account ? { 'data-autofocus': true } : {})}
        />
        <div className="mail-form-row">
          <InputField
            label="IMAP server"
            error={message('host', 'Server')}
            placeholder="imap.example.org"
            value={form.host}
            onChange={(host) => set({ host, presetId: CUSTOM_PRESET })}
            autoComplete="off"
            spellCheck={false}
          />
          <InputField
            label="Port"
            className="input mail-port"
            inputMode="numeric"
            error={portError ?? message('port', 'Port')}
            value={form.port}
            onChange={(port) => set({ port })}
            autoComplete="off"
          />
        </div>
        <fieldset className="field mail-fieldset">
          <legend className="field-label">Encryption</legend>
          <div className="mail-radios">
            {MAIL_SECURITY.map((s: MailSecurity) => (
              <label key={s} className="mail-radio">
                <input
                  type="radio"
                  name="mail-security"
                  value={s}
                  checked={form.security === s}
                  onChange={() => setForm((f) => withSecurity(f, s))}
                />
                {SECURITY_LABELS.get(s)}
              </label>
            ))}
          </div>
          {plainHere ? (
            <p className="field-error" role="alert">
              Without encryption the password would cross the network as it is: this is allowed only for a
              server on this computer (127.0.0.1 or ::1), such as a mail bridge. Choose TLS or STARTTLS for{' '}
              {form.host.trim() || 'this server'}.
            </p>
          ) : form.security === 'insecure-local' ? (
            <p className="field-hint">
              Only for a server on this computer (127.0.0.1), such as a mail bridge.
            </p>
          ) : message('security', 'Encryption') ? (
            <p className="field-error">{message('security', 'Encryption')}</p>
          ) : null}
        </fieldset>
        <div className="mail-form-row">
          <InputField
            label="User name"
            hint="Usually your e-mail address."
            error={message('user', 'User name')}
            value={form.user}
            onChange={(user) => set({ user })}
            autoComplete="off"
            spellCheck={false}
          />
          <Field
            label="Signs in with"
            hint={
              form.auth === 'oauth2'
                ? 'An access token (XOAUTH2): Microsoft accepts nothing else.'
                : undefined
            }
          >
            {(props) => (
              <select
                {...props}
                className="select"
                value={form.auth}
                onChange={(e) => set({ auth: e.target.value === 'oauth2' ? 'oauth2' : 'password' })}
              >
                <option value="password">A password or app password</option>
                <option value="oauth2">An OAuth2 access token</option>
              </select>
            )}
          </Field>
        </div>
        <CredentialFields
          form={form}
          set={set}
          canKeepPassword={canKeepPassword}
          editing={account?.credential.kind === 'safe-storage'}
          error={(path, label) => message(path, label)}
        />
        <InputField
          label="Folders to watch"
          optional
          hint="Separated by commas. Left empty: INBOX and the folder your server marks as Sent."
          error={message('folders', 'Folders')}
          placeholder="INBOX, Sent"
          value={form.folders}
          onChange={(folders) => set({ folders })}
          autoComplete="off"
        />
        <InputField
          label="Your other addresses"
          optional
          hint="Aliases you send from, so what you sent from them counts as yours. Separated by commas."
          error={message('myAddresses', 'Address')}
          value={form.addresses}
          onChange={(addresses) => set({ addresses })}
          autoComplete="off"
          spellCheck={false}
        />
        <label className="switch mail-idle">
          <input type="checkbox" checked={form.idle} onChange={(e) => set({ idle: e.target.checked })} />
          <span>Hear of new mail at once while the app runs (keeps one connection open, IDLE)</span>
        </label>
        {error ? (
          <ErrorBanner
            title={account ? 'Not saved' : 'Not added'}
            text={describeUnclaimed(
              error,
              FIELDS.map((f) => `${at}${f}`),
            )}
          />
        ) : null}
      </KeyboardForm>
    </Dialog>
  );
}
