import { InputField } from '../ui/InputField.tsx';
import type { MailForm } from './mailForm.ts';

/**
 * Where the password comes from. The desktop app may keep it, encrypted by the system's keychain
 * (safeStorage); the browser shell never takes one (it would have nowhere safe to keep it), so
 * there the password sits in an environment variable of the process that serves the app. A
 * password command is a program the app would run: only the command line may name one.
 */
export function CredentialFields({
  form,
  set,
  canKeepPassword,
  editing,
  error,
}: {
  form: MailForm;
  set: (patch: Partial<MailForm>) => void;
  canKeepPassword: boolean;
  /** An account whose password is kept already: an empty field keeps it. */
  editing: boolean;
  error: (path: string, label: string) => string | undefined;
}) {
  const secretWord = form.auth === 'oauth2' ? 'access token' : 'password';
  return (
    <>
      {canKeepPassword ? (
        <fieldset className="field mail-fieldset">
          <legend className="field-label">Where the {secretWord} is kept</legend>
          <div className="mail-radios">
            <label className="mail-radio">
              <input
                type="radio"
                name="mail-credential"
                checked={form.credential === 'safe-storage'}
                onChange={() => set({ credential: 'safe-storage' })}
              />
              In this app, encrypted by your system’s keychain
            </label>
            <label className="mail-radio">
              <input
                type="radio"
                name="mail-credential"
                checked={form.credential === 'env'}
                onChange={() => set({ credential: 'env' })}
              />
              In an environment variable
            </label>
          </div>
        </fieldset>
      ) : null}
      {form.credential === 'safe-storage' ? (
        <InputField
          label={form.auth === 'oauth2' ? 'Access token' : 'Password'}
          type="password"
          autoComplete="new-password"
          hint={
            editing
              ? `Left empty, the saved ${secretWord} is kept. It is never shown again.`
              : `Encrypted at once and kept outside the database (so never in a backup); never shown again.`
          }
          error={error('secret', form.auth === 'oauth2' ? 'Access token' : 'Password')}
          value={form.password}
          onChange={(password) => set({ password })}
        />
      ) : (
        <InputField
          label="Environment variable"
          placeholder="FT_MAIL_PASSWORD"
          hint={
            canKeepPassword ? (
              `The name of a variable the app is started with, holding the ${secretWord}.`
            ) : (
              <>
                In the browser the app never takes a {secretWord}: set it in a variable before{' '}
                <code>npm run serve</code> and name the variable here, or add the account from the command
                line with <code>--password-command</code>.
              </>
            )
          }
          error={error('credential', 'Variable')}
          value={form.variable}
          onChange={(variable) => set({ variable })}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </>
  );
}
