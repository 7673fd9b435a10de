import { useState } from 'react';
import type { Settings } from '../../../shared/settings.ts';
import { formatHour } from '../format/dates.ts';
import {
  type BrowserNotificationState,
  browserNotificationState,
  requestBrowserNotifications,
} from '../reminders/browserNotifications.ts';
import { Button } from '../ui/Button.tsx';
import { Pill } from '../ui/Pill.tsx';
import { SettingRow, SwitchSetting, useSaveSettings } from './SettingControls.tsx';

export function NotificationSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const n = settings.notifications;
  const set = (patch: Partial<typeof n>) => save({ notifications: { ...n, ...patch } });
  const desktop = Boolean(window.followthrough);
  return (
    <section className="settings-section" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Reminders</h2>
      <p className="muted">How Followthrough tells you that a follow-up is due.</p>
      <div className="setting-list">
        <SettingRow
          label="Remind me when follow-ups are due"
          hint="A notice when something falls due, within your working hours."
        >
          <SwitchSetting
            label="Remind me when follow-ups are due"
            checked={n.enabled}
            onChange={(enabled) => void set({ enabled })}
          />
        </SettingRow>
        <SettingRow
          label="Daily digest"
          hint={`One summary at ${formatHour(settings.followUpHour)} on working days, instead of a notice per person.`}
          disabled={!n.enabled}
        >
          <SwitchSetting
            label="Daily digest"
            checked={n.dailyDigest}
            disabled={!n.enabled}
            onChange={(dailyDigest) => void set({ dailyDigest })}
          />
        </SettingRow>
        {desktop ? (
          <SettingRow
            label="Keep running in the tray"
            hint="Closing the window keeps reminders coming. Quit from the tray icon."
          >
            <SwitchSetting
              label="Keep running in the tray"
              checked={n.keepRunningInTray}
              onChange={(keepRunningInTray) => void set({ keepRunningInTray })}
            />
          </SettingRow>
        ) : (
          <BrowserNotificationRow />
        )}
      </div>
    </section>
  );
}

const BROWSER_HINTS: Record<BrowserNotificationState, string> = {
  unsupported: 'This browser cannot show notifications. Reminders appear in the page while it is open.',
  default:
    'Reminders appear in the page. Allow notifications to see them while this tab is in the background.',
  granted: 'Allowed. Reminders show as notifications while this tab is in the background.',
  denied: 'Blocked for this site. Allow notifications in the browser’s site settings, then reload.',
};

/** The browser shell asks for permission only from this click, never on its own. */
function BrowserNotificationRow() {
  const [state, setState] = useState(browserNotificationState);
  return (
    <SettingRow label="Browser notifications" hint={BROWSER_HINTS[state]}>
      {state === 'default' ? (
        <Button size="sm" onClick={async () => setState(await requestBrowserNotifications())}>
          Allow browser notifications
        </Button>
      ) : state === 'granted' ? (
        <Pill tone="accent">Allowed</Pill>
      ) : state === 'denied' ? (
        <Pill tone="muted">Blocked</Pill>
      ) : null}
    </SettingRow>
  );
}
