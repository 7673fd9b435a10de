import type { ReactNode } from 'react';
import type { Channel } from '../../../shared/domain/channels.ts';
import type { Playbooks, Settings } from '../../../shared/settings.ts';
import { CHANNEL_OPTIONS } from '../contacts/channels.ts';
import { INLINE, NumberSetting, SwitchSetting, useSaveSettings } from './SettingControls.tsx';

type Key = keyof Playbooks;

/**
 * Each playbook on one card: a switch and a sentence with its timing in it, so the numbers read
 * as what they do ("a second note after 7 days without a reply") rather than as bare fields.
 */
export function PlaybookSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const books = settings.playbooks;
  const set = <K extends Key>(key: K, patch: Partial<Playbooks[K]>, options?: { inline?: boolean }) =>
    save({ playbooks: { ...books, [key]: { ...books[key], ...patch } } }, options);
  const days = <K extends Key>(
    key: K,
    field: keyof Playbooks[K] & string,
    label: string,
    min: number,
    max: number,
  ) => (
    <NumberSetting
      label={label}
      value={books[key][field] as number}
      min={min}
      max={max}
      disabled={!books[key].enabled}
      onSave={(n) => set(key, { [field]: n } as Partial<Playbooks[K]>, INLINE)}
    />
  );

  return (
    <section className="settings-section" aria-labelledby="playbooks-title">
      <h2 id="playbooks-title">Playbooks</h2>
      <p className="muted">
        The follow-ups planned for you. Delays are for standard pacing; fast pacing shortens them and
        deliberate pacing stretches them.
      </p>
      <div className="setting-list">
        <Playbook
          title="After you meet someone"
          enabled={books.met.enabled}
          onToggle={(enabled) => set('met', { enabled })}
        >
          A short refresher {days('met', 'delayDays', 'Days after meeting', 0, 14)} day(s) after you meet, by{' '}
          <select
            className="select select-sm inline-control"
            aria-label="Refresher channel"
            value={books.met.channel}
            disabled={!books.met.enabled}
            onChange={(e) => void set('met', { channel: e.target.value as Channel })}
          >
            {CHANNEL_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label.toLowerCase()}
              </option>
            ))}
          </select>
          , naming what you talked about.
        </Playbook>
        <Playbook
          title="When there is no reply"
          enabled={books.noReply.enabled}
          onToggle={(enabled) => set('noReply', { enabled })}
        >
          A second note {days('noReply', 'secondAfterDays', 'Days before the second note', 2, 60)} days after
          the first; stop waiting {days('noReply', 'endAfterDays', 'Days before giving up', 3, 60)} days
          later. A gentle check-in{' '}
          {days('noReply', 'longTermCheckInDays', 'Days before a long-term check-in', 0, 730)} days after that
          (0: never).
        </Playbook>
        <Playbook
          title="Meetings you arrange"
          enabled={books.meeting.enabled}
          onToggle={(enabled) => set('meeting', { enabled })}
        >
          Confirm {days('meeting', 'confirmDaysBefore', 'Days before the meeting', 1, 7)} day(s) before: the
          time, the place, and that you look forward to it.
        </Playbook>
        <Playbook
          title="When someone helps you"
          enabled={books.helped.enabled}
          onToggle={(enabled) => set('helped', { enabled })}
        >
          Say thank you {days('helped', 'delayDays', 'Days after they helped', 0, 7)} day(s) later, and say
          what their help changed.
        </Playbook>
        <Playbook
          title="Keep in touch"
          enabled={books.keepInTouch.enabled}
          onToggle={(enabled) => set('keepInTouch', { enabled })}
        >
          A check-in when someone has been quiet for longer than the rhythm set on them or on one of their
          tags.
        </Playbook>
        <Playbook
          title="Reconnect"
          enabled={books.reengage.enabled}
          onToggle={(enabled) => set('reengage', { enabled })}
        >
          Met more than {days('reengage', 'afterDays', 'Days since meeting', 2, 3650)} days ago and never
          followed up? A note to reconnect instead of a refresher. It is never too late.
        </Playbook>
        <Playbook
          title="Promises"
          enabled={books.promises.enabled}
          onToggle={(enabled) => set('promises', { enabled })}
        >
          Yours are due on their day. Theirs get a polite nudge{' '}
          {days('promises', 'nudgeAfterDays', 'Days after their promise was due', 0, 30)} day(s) after they
          were due.
        </Playbook>
      </div>
    </section>
  );
}

function Playbook({
  title,
  enabled,
  onToggle,
  children,
}: {
  title: string;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  children: ReactNode;
}) {
  return (
    <fieldset className={enabled ? 'playbook' : 'playbook is-off'}>
      <legend className="visually-hidden">{title}</legend>
      <div className="playbook-head">
        <span className="setting-label" aria-hidden="true">
          {title}
        </span>
        <SwitchSetting label={title} checked={enabled} onChange={onToggle} />
      </div>
      <p className="playbook-text">{children}</p>
    </fieldset>
  );
}
