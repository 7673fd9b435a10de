import { Icon } from '../ui/Icon.tsx';

/** The HTTP shell needs the token from the printed link; say so plainly instead of failing later. */
export function AccessScreen({ reason }: { reason: 'missing-token' | 'unauthorized' }) {
  return (
    <main className="access-screen">
      <div className="access-card">
        <span className="access-icon">
          <Icon name="lock" size={22} />
        </span>
        <h1>Open the link printed by `npm run serve` — it includes an access token.</h1>
        <p>
          {reason === 'unauthorized'
            ? 'This tab’s token was not accepted: the server was probably restarted and printed a new link.'
            : 'Followthrough only answers pages opened with that link, so other sites on this machine cannot read your contacts.'}
        </p>
        <p className="access-steps">
          In a terminal, run <code>npm run serve</code>, then open the{' '}
          <code>http://127.0.0.1:…/?token=…</code> address it prints.
        </p>
      </div>
    </main>
  );
}
