import { useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';

/**
 * The subscription link for calendar apps. It points at this computer (127.0.0.1), so only apps
 * running here can reach it; the .ics export covers the rest. Rotating the secret breaks the old
 * link at once, for when it was shared by mistake.
 */
export function CalendarFeedSettings() {
  const api = useApi();
  const toast = useToast();
  const feed = useApiData('calendar.feed', (a) => a['calendar.feed']({}));
  const [confirmRotate, setConfirmRotate] = useState(false);

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      toast({
        tone: 'success',
        message: 'Link copied',
        detail: 'Paste it where your calendar app asks for a URL.',
      });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not copy the link', detail: toApiError(e).describe() });
    }
  };

  const link = feed.data?.webcalUrl ?? null;
  return (
    <section className="settings-section" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">Calendar feed</h2>
      <p className="muted">
        Subscribe to your follow-ups from a calendar app. The calendar then keeps itself up to date as plans
        change.
      </p>
      {feed.error ? (
        <ErrorBanner error={feed.error} title="Could not read the feed link" onRetry={feed.reload} />
      ) : null}
      {feed.data ? (
        <div className="setting-list">
          {link ? (
            <div className="setting-row feed-row">
              <div className="setting-text">
                <label className="setting-label" htmlFor="calendar-feed-link">
                  Subscription link
                </label>
                <input
                  id="calendar-feed-link"
                  className="input input-sm mono feed-link"
                  readOnly
                  value={link}
                  onFocus={(e) => e.target.select()}
                />
              </div>
              <div className="setting-control feed-actions">
                <Button size="sm" icon="copy" onClick={() => void copy(link)}>
                  Copy
                </Button>
                <Button size="sm" variant="ghost" icon="refresh" onClick={() => setConfirmRotate(true)}>
                  New link
                </Button>
              </div>
            </div>
          ) : (
            <p className="setting-row setting-hint">
              The feed is served while Followthrough runs: the desktop app, or <code>npm run serve</code>.
              Open this page there to get the link.
            </p>
          )}
          <div className="setting-row feed-apps">
            <ul className="feed-app-list">
              <li>
                <strong>Apple Calendar and Thunderbird</strong> on this computer can subscribe: in Calendar,
                File, New Calendar Subscription; in Thunderbird, New Calendar, On the Network. Then paste the
                link.
              </li>
              <li>
                <strong>Google Calendar, Outlook on the web</strong> cannot reach a link on this computer
                (127.0.0.1). Use <a href={href('/calendar')}>Export .ics</a> on the calendar and import the
                file instead.
              </li>
            </ul>
          </div>
        </div>
      ) : null}
      {confirmRotate ? (
        <ConfirmDialog
          title="Make a new link?"
          confirmLabel="Make a new link"
          onClose={() => setConfirmRotate(false)}
          onConfirm={async () => {
            feed.set(await api['calendar.rotateFeedToken']({}));
            setConfirmRotate(false);
            toast({
              tone: 'success',
              message: 'New link made',
              detail: 'The old one no longer works. Subscribe again with the new one.',
            });
          }}
        >
          <p>
            Calendars subscribed with the current link stop updating at once. Do this if the link was shared
            by mistake, then subscribe again with the new one.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
