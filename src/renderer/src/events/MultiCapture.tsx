import { type KeyboardEvent, useRef, useState } from 'react';
import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { isSubmitChord, MOD_LABEL } from '../app/keys.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { useToast } from '../ui/Toast.tsx';

interface Row {
  key: number;
  name: string;
  company: string;
  discussed: string;
  error?: string;
}

const COLUMNS = ['name', 'company', 'discussed'] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_LABELS: Record<Column, string> = {
  name: 'Name',
  company: 'Company',
  discussed: 'What you discussed',
};

let nextKey = 1;
const emptyRow = (): Row => ({ key: nextKey++, name: '', company: '', discussed: '' });
const isBlank = (r: Row) => !r.name.trim() && !r.company.trim() && !r.discussed.trim();

/**
 * "A stack of business cards": one row per person, Enter starts the next row, one Save creates
 * them all linked to the event and dated on its day. Rows that fail stay, with the reason.
 */
export function MultiCapture({ event }: { event: NetworkEvent }) {
  const api = useApi();
  const toast = useToast();
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  const focus = (rowKey: number, column: Column = 'name') =>
    requestAnimationFrame(() => inputs.current.get(`${rowKey}:${column}`)?.focus());

  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch, error: undefined } : r)));

  const filled = rows.filter((r) => !isBlank(r));

  const saveAll = async () => {
    if (progress || filled.length === 0) return;
    const missingName = filled.filter((r) => !r.name.trim());
    if (missingName.length) {
      setRows((rs) =>
        rs.map((r) => (missingName.includes(r) ? { ...r, error: 'Add a name for this person.' } : r)),
      );
      const first = missingName[0];
      if (first) focus(first.key);
      return;
    }
    const batch = filled;
    setProgress({ done: 0, total: batch.length });
    const failed = new Map<number, string>();
    // One at a time: the local database is fast, and the bar then shows honest progress.
    for (const [i, row] of batch.entries()) {
      try {
        await api['contacts.create']({
          displayName: row.name,
          company: row.company,
          discussed: row.discussed,
          metEventId: event.id,
          metOn: event.date,
        });
      } catch (e) {
        const err = toApiError(e);
        failed.set(
          row.key,
          err.issues?.length ? err.issues.map((x) => `${x.path}: ${x.message}`).join('; ') : err.message,
        );
      }
      setProgress({ done: i + 1, total: batch.length });
    }
    const saved = batch.length - failed.size;
    // Inputs are disabled while saving, so `rows` is still what was submitted.
    const kept = rows.filter((r) => failed.has(r.key)).map((r) => ({ ...r, error: failed.get(r.key) }));
    const next = kept.length ? kept : [emptyRow()];
    setRows(next);
    setProgress(null);
    // Ready for the next card (or the first one that needs fixing).
    if (next[0]) focus(next[0].key);
    if (saved) {
      notifyChanged('contacts', 'events');
      toast({ tone: 'success', message: `${plural(saved, 'person', 'people')} added to ${event.name}` });
    }
    if (failed.size) {
      toast({
        tone: 'error',
        message: `${plural(failed.size, 'row')} not saved`,
        detail: 'The reasons are shown next to them.',
      });
    }
  };

  const onKeyDown = (row: Row, index: number, column: Column) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (isSubmitChord(e)) {
      e.preventDefault();
      void saveAll();
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const next = rows[index + 1];
      if (next) {
        focus(next.key);
      } else if (!isBlank(row)) {
        const fresh = emptyRow();
        setRows((rs) => [...rs, fresh]);
        focus(fresh.key);
      }
    } else if (e.key === 'Backspace' && column === 'name' && isBlank(row) && rows.length > 1) {
      // Backspace in an empty row takes it away again, like deleting a blank line.
      e.preventDefault();
      const previous = rows[index - 1] ?? rows[index + 1];
      setRows((rs) => rs.filter((r) => r.key !== row.key));
      if (previous) focus(previous.key);
    }
  };

  const saving = progress !== null;
  return (
    <section className="multi-capture card" aria-labelledby="multi-capture-title">
      <div className="multi-capture-head">
        <div>
          <h2 id="multi-capture-title">Add people you met</h2>
          <p className="muted">
            One row per business card. <Kbd subtle>Enter</Kbd> starts the next person; they are saved as met
            at this event on its date.
          </p>
        </div>
      </div>
      <fieldset className="multi-capture-grid">
        <legend className="visually-hidden">People to add</legend>
        <div className="multi-capture-labels" aria-hidden="true">
          <span />
          {COLUMNS.map((c) => (
            <span key={c}>{COLUMN_LABELS[c]}</span>
          ))}
          <span />
        </div>
        {rows.map((row, index) => (
          <div key={row.key} className={row.error ? 'multi-capture-row has-error' : 'multi-capture-row'}>
            <span className="multi-capture-index" aria-hidden="true">
              {index + 1}
            </span>
            {COLUMNS.map((column) => (
              <input
                key={column}
                ref={(el) => {
                  const id = `${row.key}:${column}`;
                  if (el) inputs.current.set(id, el);
                  else inputs.current.delete(id);
                }}
                className="input"
                aria-label={`${COLUMN_LABELS[column]}, person ${index + 1}`}
                aria-invalid={row.error && column === 'name' ? true : undefined}
                placeholder={
                  column === 'name'
                    ? 'Full name'
                    : column === 'company'
                      ? 'Company'
                      : 'A line to remember them by'
                }
                value={row[column]}
                disabled={saving}
                autoComplete="off"
                // biome-ignore lint/a11y/noAutofocus: a new event's page exists to take the first card
                autoFocus={event.contactCount === 0 && index === 0 && column === 'name' && rows.length === 1}
                onChange={(e) => update(row.key, { [column]: e.target.value })}
                onKeyDown={onKeyDown(row, index, column)}
              />
            ))}
            <Button
              size="sm"
              variant="ghost"
              icon="x"
              aria-label={`Remove person ${index + 1}`}
              disabled={saving || (rows.length === 1 && isBlank(row))}
              onClick={() =>
                setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : [emptyRow()]))
              }
            />
            {row.error ? (
              <p className="field-error multi-capture-error" role="alert">
                {row.error}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
      <div className="multi-capture-foot">
        {saving ? (
          <div className="progress" aria-live="polite">
            <div
              className="progress-bar"
              role="progressbar"
              aria-label="Saving people"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
            >
              <span style={{ width: `${(progress.done / progress.total) * 100}%` }} />
            </div>
            <span className="progress-text">
              Saving {progress.done} of {progress.total}…
            </span>
          </div>
        ) : (
          <Button
            size="sm"
            variant="ghost"
            icon="plus"
            onClick={() => {
              const fresh = emptyRow();
              setRows((rs) => [...rs, fresh]);
              focus(fresh.key);
            }}
          >
            Add row
          </Button>
        )}
        <span className="multi-capture-hint">
          <Kbd subtle>{MOD_LABEL}</Kbd>
          <Kbd subtle>Enter</Kbd> saves all
        </span>
        <Button
          variant="primary"
          icon="check"
          busy={saving}
          disabled={filled.length === 0}
          onClick={() => void saveAll()}
        >
          {filled.length > 1 ? `Save ${filled.length} people` : 'Save person'}
        </Button>
      </div>
    </section>
  );
}
