import { useId, useMemo } from 'react';
import type { Settings } from '../../../shared/settings.ts';
import { PACING_OPTIONS } from '../followups/purposes.ts';
import { formatHour, weekdayName } from '../format/dates.ts';
import { INLINE, NumberSettingRow, SettingRow, useSaveSettings } from './SettingControls.tsx';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Monday first, as most of the world's calendars; values are 0 = Sunday … 6 = Saturday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** When follow-ups fall due and how closely they may follow each other. */
export function FollowUpTimingSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const ids = { hour: useId(), start: useId(), end: useId(), zone: useId() };
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const days = new Set(settings.workingDays);

  return (
    <section className="settings-section" aria-labelledby="followups-settings-title">
      <h2 id="followups-settings-title">Follow-ups</h2>
      <p className="muted">When follow-ups fall due, and when reminders may interrupt you.</p>
      <div className="setting-list">
        <SettingRow
          label="Follow-up hour"
          htmlFor={ids.hour}
          hint="Follow-ups fall due at this hour on their day, in your time zone."
        >
          <select
            id={ids.hour}
            className="select select-sm"
            value={settings.followUpHour}
            onChange={(e) => void save({ followUpHour: Number(e.target.value) })}
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {formatHour(h)}
              </option>
            ))}
          </select>
        </SettingRow>
        <SettingRow
          label="Working days"
          hint="No follow-ups fall due on other days; they move to the next one."
        >
          <fieldset className="day-chips">
            <legend className="visually-hidden">Working days</legend>
            {WEEK.map((day) => (
              <label key={day} className="day-chip" title={weekdayName(day, 'long')}>
                <input
                  type="checkbox"
                  aria-label={weekdayName(day, 'long')}
                  checked={days.has(day)}
                  // The last working day cannot be switched off: follow-ups need a day to fall on.
                  disabled={days.has(day) && days.size === 1}
                  onChange={(e) => {
                    const next = e.target.checked
                      ? [...settings.workingDays, day]
                      : settings.workingDays.filter((d) => d !== day);
                    void save({ workingDays: [...new Set(next)].sort((a, b) => a - b) });
                  }}
                />
                <span className="day-chip-face" aria-hidden="true">
                  {weekdayName(day, 'short')}
                </span>
              </label>
            ))}
          </fieldset>
        </SettingRow>
        <SettingRow
          label="Working hours"
          hint="Reminders wait for these hours; what falls due at night waits until morning."
        >
          <span className="setting-inline">
            <select
              id={ids.start}
              className="select select-sm"
              aria-label="Working hours start"
              value={settings.workingHours.start}
              onChange={(e) =>
                void save({ workingHours: { ...settings.workingHours, start: Number(e.target.value) } })
              }
            >
              {HOURS.filter((h) => h < settings.workingHours.end).map((h) => (
                <option key={h} value={h}>
                  {formatHour(h)}
                </option>
              ))}
            </select>
            <span className="faint">to</span>
            <select
              id={ids.end}
              className="select select-sm"
              aria-label="Working hours end"
              value={settings.workingHours.end}
              onChange={(e) =>
                void save({ workingHours: { ...settings.workingHours, end: Number(e.target.value) } })
              }
            >
              {[...HOURS.slice(1), 24]
                .filter((h) => h > settings.workingHours.start)
                .map((h) => (
                  <option key={h} value={h}>
                    {h === 24 ? 'midnight' : formatHour(h)}
                  </option>
                ))}
            </select>
          </span>
        </SettingRow>
        <SettingRow
          label="Time zone"
          htmlFor={ids.zone}
          hint="Your days and hours are counted here. Travelling? Pick where you are."
        >
          <select
            id={ids.zone}
            className="select select-sm zone-select"
            value={settings.timeZone ?? ''}
            onChange={(e) => void save({ timeZone: e.target.value || null })}
          >
            <option value="">System ({systemZone.replaceAll('_', ' ')})</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </SettingRow>
        <SettingRow
          label="Default pacing"
          hint="How closely steps follow each other, unless a person or one of their tags says otherwise."
        >
          <div className="segmented" role="radiogroup" aria-label="Default pacing">
            {PACING_OPTIONS.map((o) => (
              <label key={o.value} title={o.hint}>
                <input
                  type="radio"
                  name="default-pacing"
                  value={o.value}
                  checked={settings.defaultPacing === o.value}
                  onChange={() => void save({ defaultPacing: o.value })}
                />
                {o.label}
              </label>
            ))}
          </div>
        </SettingRow>
      </div>
    </section>
  );
}

/** The limits that keep follow-ups from turning into pestering, and a day from overflowing. */
export function CapSettings({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const caps = settings.caps;
  return (
    <section className="settings-section" aria-labelledby="caps-title">
      <h2 id="caps-title">Limits</h2>
      <p className="muted">
        Persistence without pestering. Steps the playbooks plan respect these; a date you pick yourself may
        break them, and you are told when it does.
      </p>
      <div className="setting-list">
        <NumberSettingRow
          label="Days between follow-ups"
          hint="Never two follow-ups to the same person closer than this."
          value={caps.minGapDays}
          min={0}
          max={60}
          onSave={(minGapDays) => save({ caps: { ...caps, minGapDays } }, INLINE)}
        />
        <NumberSettingRow
          label="Follow-ups per person per 30 days"
          hint="At most this many to one person in any 30 days."
          value={caps.maxPer30Days}
          min={1}
          max={30}
          onSave={(maxPer30Days) => save({ caps: { ...caps, maxPer30Days } }, INLINE)}
        />
        <NumberSettingRow
          label="Daily budget"
          hint="At most this many follow-ups a day; the rest wait, most important first, and come first tomorrow."
          value={caps.dailyBudget}
          min={1}
          max={200}
          onSave={(dailyBudget) => save({ caps: { ...caps, dailyBudget } }, INLINE)}
        />
      </div>
    </section>
  );
}
