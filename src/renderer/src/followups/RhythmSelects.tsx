import { useState } from 'react';
import type { Pacing } from '../../../shared/domain/followup.ts';
import { toApiError } from '../api/errors.ts';
import { CADENCE_MAX_DAYS, CADENCE_MIN_DAYS, CADENCE_PRESETS, PACING_OPTIONS } from './purposes.ts';

/**
 * The two knobs of a follow-up rhythm, shared by a contact's page and the per-tag settings: a
 * choice saves at once, and a failed save says why right under the control.
 */
function useSaveState() {
  const [error, setError] = useState<string>();
  const run = async (save: () => Promise<void>) => {
    setError(undefined);
    try {
      await save();
    } catch (e) {
      setError(toApiError(e).describe());
    }
  };
  return { error, run };
}

function SaveError({ error }: { error: string | undefined }) {
  return error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

export function PacingSelect({
  id,
  label,
  value,
  inheritLabel,
  onSave,
}: {
  id?: string;
  label: string;
  value: Pacing | null;
  /** What "no choice here" means, e.g. "Default (standard)". */
  inheritLabel: string;
  onSave: (pacing: Pacing | null) => Promise<void>;
}) {
  const { error, run } = useSaveState();
  return (
    <>
      <select
        id={id}
        className="select select-sm"
        aria-label={id ? undefined : label}
        value={value ?? ''}
        onChange={(e) => void run(() => onSave((e.target.value || null) as Pacing | null))}
      >
        <option value="">{inheritLabel}</option>
        {PACING_OPTIONS.map((o) => (
          <option key={o.value} value={o.value} title={o.hint}>
            {o.label}
          </option>
        ))}
      </select>
      <SaveError error={error} />
    </>
  );
}

const CUSTOM = 'custom';

/**
 * Off, one of the usual rhythms, or any number of days: "Custom…" opens a days field, and a saved
 * custom rhythm then reads like the others ("Every 45 days").
 */
export function CadenceSelect({
  id,
  label,
  value,
  offLabel = 'Off',
  onSave,
}: {
  id?: string;
  label: string;
  value: number | null;
  offLabel?: string;
  onSave: (days: number | null) => Promise<void>;
}) {
  const { error, run } = useSaveState();
  // Treat a missing value like null: older rows and some callers leave it out.
  const days = value ?? null;
  const choices: number[] = [...CADENCE_PRESETS];
  if (days !== null && !choices.includes(days)) choices.push(days);
  choices.sort((a, b) => a - b);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');

  const commitDraft = () => {
    const next = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(next)) return;
    if (next === days) return setEditing(false);
    void run(async () => {
      await onSave(next);
      setEditing(false);
    });
  };

  return (
    <>
      <div className="cadence-select">
        <select
          id={id}
          className="select select-sm"
          aria-label={id ? undefined : label}
          value={editing ? CUSTOM : String(days ?? '')}
          onChange={(e) => {
            const choice = e.target.value;
            if (choice === CUSTOM) {
              setEditing(true);
              setDraft(String(days ?? 60));
              return;
            }
            setEditing(false);
            void run(() => onSave(choice === '' ? null : Number(choice)));
          }}
        >
          <option value="">{offLabel}</option>
          {choices.map((n) => (
            <option key={n} value={String(n)}>
              Every {n} days
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
        {editing ? (
          <label className="cadence-custom">
            <span>every</span>
            <input
              className="input input-sm"
              type="number"
              inputMode="numeric"
              aria-label={`${label}, days`}
              min={CADENCE_MIN_DAYS}
              max={CADENCE_MAX_DAYS}
              value={draft}
              // biome-ignore lint/a11y/noAutofocus: choosing "Custom…" asks for exactly this number
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commitDraft}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commitDraft();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setEditing(false);
                }
              }}
            />
            <span>days</span>
          </label>
        ) : null}
      </div>
      <SaveError error={error} />
    </>
  );
}
