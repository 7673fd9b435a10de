import { type ComponentProps, type ReactNode, useId, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { SettingsPatch } from '../../../shared/settings.ts';
import { toApiError } from '../api/errors.ts';
import { useToast } from '../ui/Toast.tsx';
import { useSettings } from './SettingsContext.tsx';

/** For a save whose field shows its own refusal (a NumberSetting): no toast as well. */
export const INLINE = { inline: true } as const;

/** Saved, or the API's refusal (its issues say which field and why). */
export type SaveOutcome = true | ApiError;

/**
 * Settings apply as they are changed (no Save button): a choice saves at once, a number when
 * the field is left or Enter is pressed. A refused value is explained: in a toast, or next to
 * the field when the field says it itself (`inline`).
 */
export function useSaveSettings(): (
  patch: SettingsPatch,
  options?: { inline?: boolean },
) => Promise<SaveOutcome> {
  const { update } = useSettings();
  const toast = useToast();
  return async (patch, { inline = false } = {}) => {
    try {
      await update(patch);
      return true;
    } catch (e) {
      const error = toApiError(e);
      if (!inline) toast({ tone: 'error', message: 'That setting was not saved', detail: error.describe() });
      return error;
    }
  };
}

/** A line of a settings list: what it is and why on the left, the control on the right. */
export function SettingRow({
  label,
  hint,
  htmlFor,
  children,
  disabled = false,
}: {
  label: string;
  hint?: ReactNode;
  htmlFor?: string;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <div className={disabled ? 'setting-row is-disabled' : 'setting-row'}>
      <div className="setting-text">
        {htmlFor ? (
          <label className="setting-label" htmlFor={htmlFor}>
            {label}
          </label>
        ) : (
          <span className="setting-label">{label}</span>
        )}
        {hint ? <p className="setting-hint">{hint}</p> : null}
      </div>
      <div className="setting-control">{children}</div>
    </div>
  );
}

/**
 * A small whole-number field that saves when left or on Enter. A value it cannot take (0, -5,
 * 2.5, 100000 for a budget of 1 to 200) is not quietly put back: it stays in the field, marked,
 * with a line under it that says why and what is kept; Esc puts the saved value back.
 */
export function NumberSetting({
  id,
  label,
  value,
  min,
  max,
  disabled = false,
  onSave,
}: {
  id?: string;
  /** Names the field for assistive tech when it sits inside a sentence. */
  label: string;
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  onSave: (value: number) => Promise<SaveOutcome>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const keep = (why: string) => setProblem(`${why} It stays ${value}.`);
  const reset = () => {
    setDraft(null);
    setProblem(null);
  };
  const commit = async () => {
    if (draft === null) return;
    const n = Number(draft);
    // type=number reports what it cannot parse ("2.5.1", "e") as ''.
    if (draft.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      keep(`${label} must be a whole number from ${min} to ${max}.`);
      return;
    }
    if (n === value) {
      reset();
      return;
    }
    const outcome = await onSave(n);
    if (outcome === true) {
      reset();
      return;
    }
    // The contract's own words for this field, else what went wrong.
    const issue = outcome.issues?.[0];
    keep(issue ? `${label} ${issue.message}.` : outcome.message);
  };
  return (
    <span className="number-setting-wrap">
      <input
        id={id}
        className="input input-sm number-setting"
        type="number"
        inputMode="numeric"
        aria-label={id ? undefined : label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        min={min}
        max={max}
        disabled={disabled}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          } else if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            reset();
          }
        }}
      />
      {problem ? (
        <span id={problemId} className="field-error number-setting-error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}

/**
 * A settings line whose control is a NumberSetting: the row's label names the field (so the
 * number needs no aria-label of its own) and greys out with it when disabled.
 */
export function NumberSettingRow({
  label,
  hint,
  ...number
}: { label: string; hint?: ReactNode } & Omit<ComponentProps<typeof NumberSetting>, 'id' | 'label'>) {
  const id = useId();
  return (
    <SettingRow label={label} hint={hint} htmlFor={id} disabled={number.disabled}>
      <NumberSetting id={id} label={label} {...number} />
    </SettingRow>
  );
}

export function SwitchSetting({
  label,
  checked,
  disabled = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="switch">
      <input
        type="checkbox"
        aria-label={label}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
    </label>
  );
}
