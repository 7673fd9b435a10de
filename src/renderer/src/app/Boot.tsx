import { useEffect, useState } from 'react';
import { ApiProvider } from '../api/ApiContext.tsx';
import { listenToPushes } from '../api/changes.ts';
import { createClient } from '../api/client.ts';
import { forgetAccessToken } from '../api/token.ts';
import { SettingsProvider } from '../settings/SettingsContext.tsx';
import { ToastProvider } from '../ui/Toast.tsx';
import { AccessScreen } from './AccessScreen.tsx';
import { App } from './App.tsx';

/**
 * Start-up: pick the transport and render at once. Over HTTP a missing token shows the access
 * screen before anything else; a stale one does as soon as any call is answered with 401.
 */
export function Boot() {
  const [unauthorized, setUnauthorized] = useState(false);
  const [setup] = useState(() => createClient(() => setUnauthorized(true)));

  useEffect(() => (setup.kind === 'ready' ? listenToPushes(setup.pushes) : undefined), [setup]);
  useEffect(() => {
    if (unauthorized) forgetAccessToken();
  }, [unauthorized]);

  if (setup.kind === 'missing-token') return <AccessScreen reason="missing-token" />;
  if (unauthorized) return <AccessScreen reason="unauthorized" />;

  return (
    <ApiProvider api={setup.api} pushes={setup.pushes}>
      <SettingsProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </SettingsProvider>
    </ApiProvider>
  );
}
