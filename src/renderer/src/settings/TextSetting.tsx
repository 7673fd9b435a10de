import { type KeyboardEvent, useId, useState } from 'react';
import type { SaveOutcome } from './SettingControls.tsx';

/**
 * A text setting that saves when left (or on Enter; Ctrl+Enter in a multi-line one) like the
 * number fields: a refused value stays in the field, marked, with the contract's words under it;
 * Esc puts the saved text back. Empty text saves as null (nothing set).
 */
export function TextSetting({
  id,
  label,
  value,
  multiline = false,
  placeholder,
  hintId,
  onSave,
}: {
  id: string;
  /** Names the field in the refusal ("My name must be at most 100 characters"). */
  label: string;
  value: string | null;
  multiline?: boolean;
  placeholder?: string;
  /** The row's hint, read with the field. */
  hintId?: string;
  onSave: (value: string | null) => Promise<SaveOutcome>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const reset = () => {
    setDraft(null);
    setProblem(null);
  };
  const commit = async () => {
    if (draft === null) return;
    const next = draft.trim() === '' ? null : draft;
    if ((next?.trim() ?? null) === (value ?? null)) {
      reset();
      return;
    }
    const outcome = await onSave(next);
    if (outcome === true) {
      reset();
      return;
    }
    const issue = outcome.issues?.[0];
    setProblem(`${issue ? `${label} ${issue.message}.` : outcome.message} The saved one is kept.`);
  };
  const props = {
    id,
    className: multiline ? 'textarea text-setting text-setting-multiline' : 'input input-sm text-setting',
    placeholder,
    value: draft ?? value ?? '',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': [problem ? problemId : null, hintId].filter(Boolean).join(' ') || undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => void commit(),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void commit();
      } else if (e.key === 'Escape' && draft !== null) {
        // Inside a dialog or a page, Esc here means "put it back", not "close".
        e.stopPropagation();
        e.preventDefault();
        reset();
      }
    },
  };
  return (
    <span className="text-setting-wrap">
      {multiline ? <textarea rows={4} {...props} /> : <input type="text" autoComplete="off" {...props} />}
      {problem ? (
        <span id={problemId} className="field-error text-setting-error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
