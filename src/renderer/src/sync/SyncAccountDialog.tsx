import { useState } from 'react';
import type { SyncAccount } from '../../../shared/domain/sync.ts';
import type { SyncPreset } from '../../../shared/domain/sync-presets.ts';
import { useApi } from '../api/ApiContext.tsx';
import { fieldMessage } from '../api/errors.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { InputField } from '../ui/InputField.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { ProviderField } from '../ui/ProviderField.tsx';
import { SaveFooter } from '../ui/SaveFooter.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';

/** The name the app looks for (or makes) on the server; the domain module's own is behind zod. */
const CALENDAR = 'Followthrough follow-ups';

/**
 * Connect a CalDAV server. The password is kept by the desktop app (encrypted by the system's
 * keychain) or, in the browser, sits in an environment variable of the serving process: a window
 * never names a program to run (README, "Sync").
 */
export function SyncAccountDialog({
  presets,
  canKeepPassword,
  onClose,
  onSaved,
}: {
  presets: readonly SyncPreset[];
  canKeepPassword: boolean;
  onClose: () => void;
  onSaved: (account: SyncAccount) => void;
}) {
  const api = useApi();
  const [presetId, setPresetId] = useState('');
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [keep, setKeep] = useState(canKeepPassword);
  const [password, setPassword] = useState('');
  const [variable, setVariable] = useState('');
  const [calendar, setCalendar] = useState(CALENDAR);
  const [addressbook, setAddressbook] = useState('');
  const preset = presets.find((p) => p.id === presetId);

  const { saving, error, save } = useSaveAction(async () => {
    const account = await api['sync.accounts.add']({
      url,
      user,
      calendar,
      addressbook: addressbook.trim() || null,
      credential: keep ? { kind: 'safe-storage' } : { kind: 'env', variable },
      ...(keep ? { secret: password } : {}),
    });
    onSaved(account);
  });
  const message = (path: string, label: string) => fieldMessage(error, path, label);

  return (
    <Dialog
      title="Add a calendar server"
      description="Follow-ups, meetings and promises go into one calendar there, and contacts into an address book if you name one. Each is found by its name or made."
      size="lg"
      onClose={onClose}
      footer={<SaveFooter label="Connect" saving={saving} onSave={() => void save()} onCancel={onClose} />}
    >
      <KeyboardForm className="dialog-form" onSave={() => void save()}>
        <ProviderField
          presets={presets}
          value={presetId}
          other={{ value: '', label: 'Another server' }}
          hint={preset?.secret ?? 'Or type your server’s address below.'}
          onChange={(id, chosen) => {
            setPresetId(id);
            if (chosen) setUrl(chosen.url);
          }}
        />
        <InputField
          label="Server address"
          placeholder="https://dav.example.org/"
          hint="Discovery starts here (/.well-known/caldav)."
          error={message('url', 'Server address')}
          value={url}
          onChange={setUrl}
          autoComplete="url"
          spellCheck={false}
        />
        <InputField
          label="User name"
          hint={preset?.user}
          error={message('user', 'User name')}
          value={user}
          onChange={setUser}
          autoComplete="username"
          spellCheck={false}
        />
        {canKeepPassword ? (
          <label className="switch">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
            <span>Keep the password in this app, encrypted by your system’s keychain</span>
          </label>
        ) : null}
        {keep ? (
          <InputField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="Encrypted at once and kept outside the database (so never in a backup); never shown again."
            error={message('secret', 'Password')}
            value={password}
            onChange={setPassword}
          />
        ) : (
          <InputField
            label="Environment variable"
            placeholder="FT_DAV_PASSWORD"
            hint={
              <>
                The app never takes a password in the browser: set it in a variable before{' '}
                <code>npm run serve</code> and name the variable here, or add the account with{' '}
                <code>sync accounts add --password-command</code>.
              </>
            }
            error={message('credential', 'Variable')}
            value={variable}
            onChange={setVariable}
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <InputField
          label="Calendar"
          hint="Found by this name on the server, or made."
          error={message('calendar', 'Calendar')}
          value={calendar}
          onChange={setCalendar}
        />
        <InputField
          label="Address book"
          optional
          placeholder="Contacts"
          hint="Contacts sync both ways with the address book of this name (found or made). Leave it empty to send only follow-ups."
          error={message('addressbook', 'Address book')}
          value={addressbook}
          onChange={setAddressbook}
        />
        {error &&
        !['url', 'user', 'calendar', 'addressbook', keep ? 'secret' : 'credential'].some((p) =>
          message(p, p),
        ) ? (
          <ErrorBanner title="Not connected" error={error} />
        ) : null}
      </KeyboardForm>
    </Dialog>
  );
}
