import { useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { SyncAccount, SyncTestDraft, SyncTestResult } from '../../../shared/domain/sync.ts';
import type { SyncPreset } from '../../../shared/domain/sync-presets.ts';
import { useApi } from '../api/ApiContext.tsx';
import { fieldMessage, toApiError } from '../api/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { InputField } from '../ui/InputField.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { ProviderField } from '../ui/ProviderField.tsx';
import { SaveFooter } from '../ui/SaveFooter.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';
import { CollectionChoice } from './CollectionChoice.tsx';
import { addressBookChoiceInWords, calendarChoiceInWords, foundInWords } from './syncWords.ts';

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
  // What the last Test found, with a round number that mounts the choices afresh for each.
  const [found, setFound] = useState<{ result: SyncTestResult; round: number } | null>(null);
  const [testing, setTesting] = useState(false);
  const [testError, setTestError] = useState<ApiError>();
  // Whichever ran last, Test or Connect, has its error shown: an older one would mislead.
  const [testedLast, setTestedLast] = useState(false);
  // A new address, user or password makes what was found someone else's: the fields go back to
  // names, and a Test still on its way for the old ones is dropped when it answers.
  const edits = useRef(0);
  const server =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      edits.current += 1;
      setFound(null);
      setTestError(undefined);
    };

  const draft = (): SyncTestDraft => ({
    url,
    user,
    calendar,
    addressbook: addressbook.trim() || null,
    credential: keep ? { kind: 'safe-storage' } : { kind: 'env', variable },
    ...(keep ? { secret: password } : {}),
  });

  const test = async () => {
    if (testing) return;
    setTesting(true);
    setTestedLast(true);
    setTestError(undefined);
    const asked = edits.current;
    try {
      const result = await api['sync.accounts.testDraft'](draft());
      if (asked === edits.current) setFound((f) => ({ result, round: (f?.round ?? 0) + 1 }));
    } catch (e) {
      if (asked === edits.current) {
        setFound(null);
        setTestError(toApiError(e));
      }
    } finally {
      setTesting(false);
    }
  };

  const { saving, error, save } = useSaveAction(async () => {
    setTestedLast(false);
    onSaved(await api['sync.accounts.add'](draft()));
  });
  const shown = testedLast ? testError : error;
  const message = (path: string, label: string) => fieldMessage(shown, path, label);
  // An error a field shows under itself needs no banner too.
  const claimed = (e: ApiError) =>
    ['url', 'user', 'calendar', 'addressbook', keep ? 'secret' : 'credential'].some((p) =>
      fieldMessage(e, p, p),
    );

  return (
    <Dialog
      title="Add a calendar server"
      description="Follow-ups, meetings and promises go into one calendar there, and contacts into an address book if you name one. Test lists the ones there: choose one, or name one to make."
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
            if (chosen) server(setUrl)(chosen.url);
          }}
        />
        <InputField
          label="Server address"
          placeholder="https://dav.example.org/"
          hint="Discovery starts here (/.well-known/caldav)."
          error={message('url', 'Server address')}
          value={url}
          onChange={server(setUrl)}
          autoComplete="url"
          spellCheck={false}
        />
        <InputField
          label="User name"
          hint={preset?.user}
          error={message('user', 'User name')}
          value={user}
          onChange={server(setUser)}
          autoComplete="username"
          spellCheck={false}
        />
        {canKeepPassword ? (
          <label className="switch">
            <input type="checkbox" checked={keep} onChange={(e) => server(setKeep)(e.target.checked)} />
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
            onChange={server(setPassword)}
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
            onChange={server(setVariable)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <div className="sync-test">
          <Button icon="refresh" busy={testing} onClick={() => void test()}>
            Test and list calendars
          </Button>
          <p className="sync-test-status" role="status">
            {found ? foundInWords(found.result, hostOf(url)) : null}
          </p>
        </div>
        {testedLast && testError && !claimed(testError) ? (
          <ErrorBanner title="Test failed" error={testError} />
        ) : null}
        {found ? (
          <CollectionChoice
            key={`calendar-${found.round}`}
            label="Calendar"
            newLabel="New calendar named…"
            nameLabel="New calendar’s name"
            found={found.result.calendars}
            optionLabel={(c) => (c.followthroughMade ? `${c.name} (made by Followthrough)` : c.name)}
            value={calendar}
            onChange={setCalendar}
            error={message('calendar', 'Calendar')}
            describe={calendarChoiceInWords}
          />
        ) : (
          <InputField
            label="Calendar"
            hint="A name (found on the server, or made) or the calendar’s address. Test lists the calendars there."
            error={message('calendar', 'Calendar')}
            value={calendar}
            onChange={setCalendar}
          />
        )}
        {found && found.result.addressBookHomeUrl !== null ? (
          <CollectionChoice
            key={`addressbook-${found.round}`}
            label="Address book"
            newLabel="New address book named…"
            nameLabel="New address book’s name"
            noneLabel="None: only follow-ups are sent"
            found={found.result.addressBooks}
            value={addressbook}
            onChange={setAddressbook}
            error={message('addressbook', 'Address book')}
            describe={addressBookChoiceInWords}
          />
        ) : (
          <InputField
            label="Address book"
            optional
            placeholder="Contacts"
            hint={
              found
                ? 'Test found no address books here (the server offers no CardDAV): leave it empty to send only follow-ups.'
                : 'Contacts sync both ways with the address book of this name (found or made) or address. Leave it empty to send only follow-ups.'
            }
            error={message('addressbook', 'Address book')}
            value={addressbook}
            onChange={setAddressbook}
          />
        )}
        {!testedLast && error && !claimed(error) ? <ErrorBanner title="Not connected" error={error} /> : null}
      </KeyboardForm>
    </Dialog>
  );
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};
