import { type FormEvent, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { IcsExport } from '../../../shared/domain/calendar.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { href } from '../app/router.ts';
import { saveTextFile } from '../files/saveFile.ts';
import { addDays, formatDay, todayIsoDate } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { useToday } from '../today/TodayContext.tsx';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { Icon } from '../ui/Icon.tsx';
import { TagSelectField } from '../ui/TagSelectField.tsx';
import { ContactFilter } from './ContactFilter.tsx';
import './ExportIcsDialog.css';

type RangeChoice = 'visible' | 'next30' | 'next90' | 'year' | 'custom';

interface Days {
  from: string;
  to: string;
}

/**
 * Follow-ups as an .ics file for calendars that cannot subscribe to the local feed (Google,
 * Outlook on the web). Only follow-ups: they are what needs a slot in the day. Opened from the
 * calendar (its visible dates first) or from a contact's page (that person only).
 */
export function ExportIcsDialog({
  visible,
  tag: initialTag,
  contactId: initialContactId,
  contact,
  onClose,
}: {
  /** The dates the calendar shows, offered first. */
  visible?: Days | undefined;
  tag?: string | undefined;
  contactId?: number | undefined;
  /** From a contact's page: the export is theirs alone. */
  contact?: { id: number; name: string };
  onClose: () => void;
}) {
  const api = useApi();
  const today = useToday().data?.today ?? todayIsoDate();
  const [choice, setChoice] = useState<RangeChoice>(visible ? 'visible' : contact ? 'year' : 'next30');
  const [custom, setCustom] = useState<Days>(visible ?? { from: today, to: addDays(today, 30) });
  const [tag, setTag] = useState(initialTag);
  const [contactId, setContactId] = useState(contact?.id ?? initialContactId);
  const [alarms, setAlarms] = useState(false);
  const [everything, setEverything] = useState(false);
  const budget = useToday().data?.counts.dailyBudget;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<{ result: IcsExport; where: string } | null>(null);
  const [empty, setEmpty] = useState(false);

  const ranges: { value: RangeChoice; label: string; days: Days }[] = [
    ...(visible ? [{ value: 'visible' as const, label: 'Dates shown', days: visible }] : []),
    { value: 'next30', label: 'Next 30 days', days: { from: today, to: addDays(today, 30) } },
    { value: 'next90', label: 'Next 90 days', days: { from: today, to: addDays(today, 90) } },
    ...(contact
      ? [{ value: 'year' as const, label: 'Next 12 months', days: { from: today, to: addDays(today, 365) } }]
      : []),
    { value: 'custom', label: 'Custom', days: custom },
  ];
  const days = ranges.find((r) => r.value === choice)?.days ?? custom;
  const customInvalid = choice === 'custom' && (!custom.from || !custom.to || custom.to < custom.from);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || customInvalid) return;
    setBusy(true);
    setError(undefined);
    setEmpty(false);
    try {
      const result = await api['calendar.exportIcs']({
        ...days,
        ...(tag ? { tag } : {}),
        ...(contactId ? { contactId } : {}),
        alarms,
        everything,
      });
      if (result.events === 0) {
        setEmpty(true);
        return;
      }
      const saved = await saveTextFile(result.filename, result.content, 'text/calendar;charset=utf-8');
      if (saved.kind === 'cancelled') return;
      setDone({ result, where: saved.kind === 'saved' ? saved.path : 'your downloads' });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const title = contact ? `Export ${contact.name}’s follow-ups` : 'Export follow-ups';
  if (done) {
    return (
      <Dialog
        title={title}
        size="sm"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose} data-autofocus>
            Done
          </Button>
        }
      >
        <div className="export-done" role="status">
          <span className="export-done-icon">
            <Icon name="check" />
          </span>
          <div>
            <p className="export-done-count">{plural(done.result.events, 'follow-up')} exported</p>
            <p className="muted">
              <span className="mono">{done.result.filename}</span> is in {done.where}. Import it in your
              calendar app (in Google Calendar: Settings, Import &amp; export).
            </p>
            {done.result.later > 0 ? (
              <p className="muted">
                {plural(done.result.later, 'more follow-up')} due by then{' '}
                {done.result.later === 1 ? 'is' : 'are'} planned for later days by your daily budget, so{' '}
                {done.result.later === 1 ? 'it is' : 'they are'} not in this file.
              </p>
            ) : null}
          </div>
        </div>
        <p className="export-note">
          An imported file does not change when your plans do. For a calendar that stays up to date, subscribe
          to the <a href={href('/settings')}>calendar feed</a> instead.
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={title}
      description="As an .ics file that Google Calendar, Outlook and Apple Calendar can import. One event per follow-up."
      onClose={onClose}
      className="export-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            icon="download"
            type="submit"
            form="export-ics-form"
            busy={busy}
            disabled={customInvalid}
          >
            Export .ics
          </Button>
        </>
      }
    >
      <form id="export-ics-form" className="dialog-form" onSubmit={submit}>
        <fieldset className="export-fieldset">
          <legend className="field-label">Dates</legend>
          <div className="segmented export-ranges">
            {ranges.map((r) => (
              <label key={r.value}>
                <input
                  type="radio"
                  name="export-range"
                  value={r.value}
                  checked={choice === r.value}
                  onChange={() => setChoice(r.value)}
                  data-autofocus={choice === r.value ? true : undefined}
                />
                {r.label}
              </label>
            ))}
          </div>
          {choice === 'custom' ? (
            <div className="export-custom">
              <Field label="From">
                {(props) => (
                  <input
                    {...props}
                    className="input input-sm"
                    type="date"
                    value={custom.from}
                    onChange={(e) => setCustom({ ...custom, from: e.target.value })}
                  />
                )}
              </Field>
              <Field label="To" error={customInvalid && custom.to ? 'Ends before it starts' : undefined}>
                {(props) => (
                  <input
                    {...props}
                    className="input input-sm"
                    type="date"
                    min={custom.from}
                    value={custom.to}
                    onChange={(e) => setCustom({ ...custom, to: e.target.value })}
                  />
                )}
              </Field>
            </div>
          ) : (
            <p className="field-hint">
              {formatDay(days.from)} to {formatDay(days.to)}
            </p>
          )}
        </fieldset>
        {contact ? null : (
          <div className="export-filters">
            <TagSelectField value={tag} onChange={setTag} />
            <div className="field">
              <span className="field-label">
                Contact <span className="field-optional">optional</span>
              </span>
              <ContactFilter value={contactId} onChange={setContactId} />
            </div>
          </div>
        )}
        <label className="export-check">
          <input type="checkbox" checked={everything} onChange={(e) => setEverything(e.target.checked)} />
          <span>
            <span className="export-check-label">Every follow-up on its own due day</span>
            <span className="field-hint">
              Otherwise the file follows your plan, as Today does: each day holds your daily budget
              {budget ? ` of ${budget}` : ''}, and what waits goes on the day it is planned for.
            </span>
          </span>
        </label>
        <label className="export-check">
          <input type="checkbox" checked={alarms} onChange={(e) => setAlarms(e.target.checked)} />
          <span>
            <span className="export-check-label">Add alarms</span>
            <span className="field-hint">
              A bonus: not every calendar app keeps them (Google drops them on import). Followthrough reminds
              you either way.
            </span>
          </span>
        </label>
        {empty ? (
          <div className="banner banner-warning" role="status">
            <Icon name="calendar" />
            <div className="banner-body">
              No open follow-ups in these dates, so there is nothing to export.
            </div>
          </div>
        ) : null}
        <ErrorBanner error={error} title="Could not export" />
      </form>
    </Dialog>
  );
}
