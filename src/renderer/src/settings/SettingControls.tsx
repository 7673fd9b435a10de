import { type ComponentProps, type ReactNode, useId, useState } from 'react';
import type { SettingsPatch } from '../../../shared/settings.ts';
import { toApiError } from '../api/errors.ts';
import { useToast } from '../ui/Toast.tsx';
import { useSettings } from './SettingsContext.tsx';

/**
 * Settings apply as they are changed (no Save button): a choice saves at once, a number when
 * the field is left or Enter is pressed. A refused value is explained and the saved one returns.
 */
export function useSaveSettings(): (patch: SettingsPatch) => Promise<boolean> {
  const { update } = useSettings();
  const toast = useToast();
  return async (patch) => {
    try {
      await update(patch);
      return true;
    } catch (e) {
      toast({ tone: 'error', message: 'That setting was not saved', detail: toApiError(e).describe() });
      return false;
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

/** A small whole-number field that saves when left or on Enter; out-of-range input snaps back. */
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
  onSave: (value: number) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    const n = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(n) || n < min || n > max || n === value) {
      setDraft(null);
      return;
    }
    await onSave(n);
    setDraft(null);
  };
  return (
    <input
      id={id}
      className="input input-sm number-setting"
      type="number"
      inputMode="numeric"
      aria-label={id ? undefined : label}
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
        } else if (e.key === 'Escape') {
          setDraft(null);
        }
      }}
    />
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
