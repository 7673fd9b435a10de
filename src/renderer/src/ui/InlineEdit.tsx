import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import { fieldMessage, toApiError } from '../api/errors.ts';
import { isSubmitChord, MOD_LABEL } from '../app/keys.ts';

export interface InlineEditProps {
  /** Names the field for assistive tech and error messages ("Company"). */
  label: string;
  value: string | null;
  /** Shown when empty; says what to add ("Add the agreed next step"). */
  placeholder: string;
  multiline?: boolean;
  type?: 'text' | 'date';
  /** Custom rendering of a non-empty value (links, formatted dates). */
  display?: ReactNode;
  /** Path of this field in the payload, so the API's issues land here ("patch.company"). */
  issuePath: string;
  onSave: (value: string) => Promise<void>;
  className?: string;
  /** id of a <datalist> with suggestions. */
  list?: string;
}

/**
 * Click (or Enter) to edit in place; Enter or leaving the field saves, Esc cancels. Multi-line
 * fields keep Enter for new lines and save with Ctrl/Cmd+Enter. A failed save keeps the editor
 * open with the API's message under it, so nothing typed is lost.
 */
/** Focus a fresh editor with the caret after the text, where one continues typing. */
function focusAtEnd(el: HTMLInputElement | HTMLTextAreaElement | null): void {
  if (!el || el === document.activeElement) return;
  el.focus();
  if (el instanceof HTMLTextAreaElement || el.type === 'text')
    el.setSelectionRange(el.value.length, el.value.length);
}

export function InlineEdit({
  label,
  value,
  placeholder,
  multiline = false,
  type = 'text',
  display,
  issuePath,
  onSave,
  className,
  list,
}: InlineEditProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const displayRef = useRef<HTMLButtonElement>(null);
  // Esc and a completed save both end editing; the blur that follows must not save again.
  const settled = useRef(false);

  const start = () => {
    settled.current = false;
    setDraft(value ?? '');
    setError(undefined);
    setEditing(true);
  };

  const finish = (refocus: boolean) => {
    settled.current = true;
    setEditing(false);
    setError(undefined);
    if (refocus) requestAnimationFrame(() => displayRef.current?.focus());
  };

  // A ref, not state: Enter and the blur right after it arrive before a re-render.
  const inflight = useRef(false);

  const commit = async (refocus: boolean) => {
    if (settled.current || inflight.current) return;
    if (draft.trim() === (value ?? '').trim()) {
      finish(refocus);
      return;
    }
    inflight.current = true;
    setSaving(true);
    try {
      await onSave(draft);
      finish(refocus);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      inflight.current = false;
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(true);
    } else if (multiline ? isSubmitChord(e) : e.key === 'Enter') {
      e.preventDefault();
      void commit(true);
    }
  };

  const classes = ['inline-edit', multiline ? 'inline-edit-multiline' : '', className]
    .filter(Boolean)
    .join(' ');

  if (!editing) {
    const empty = value === null || value === '';
    return (
      <div className={classes}>
        {/* Named by what it shows, after the field's name: speech users say what they see. */}
        <button
          ref={displayRef}
          type="button"
          className={empty ? 'inline-edit-display is-empty' : 'inline-edit-display'}
          onClick={start}
        >
          <span className="visually-hidden">{empty ? `${label}: not set, ` : `${label}: `}</span>
          {empty ? placeholder : (display ?? value)}
        </button>
      </div>
    );
  }

  const message = error ? (fieldMessage(error, issuePath, label) ?? error.describe()) : undefined;
  const common = {
    'aria-label': label,
    'aria-invalid': message ? true : undefined,
    className: 'inline-edit-input',
    value: draft,
    readOnly: saving,
    ref: focusAtEnd,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown,
    onBlur: () => void commit(false),
    placeholder,
  };
  return (
    <div className={`${classes} is-editing`}>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type={type} list={list} autoComplete="off" />
      )}
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : (
        <p className="inline-edit-hint" aria-hidden="true">
          {saving
            ? 'Saving…'
            : multiline
              ? `${MOD_LABEL}+Enter to save · Esc to cancel`
              : 'Enter to save · Esc to cancel'}
        </p>
      )}
    </div>
  );
}
