import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { BulkFilterInput, BulkPreview, CatchUpPlan } from '../../../shared/domain/backlog.ts';
import type { Purpose, TodayView } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { daysBetween, formatDayHeading, formatDayShort } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { Icon } from '../ui/Icon.tsx';
import { TagSelectField } from '../ui/TagSelectField.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';
import './today-backlog.css';

const count = new Intl.NumberFormat(undefined);
const n = (value: number) => count.format(value);

/**
 * Back from two weeks away, or just done reviewing an import: more is due than the budget can
 * take. Offers to spread it over the coming working days (a preview of the new days first), or
 * to let the least important go in bulk.
 */
export function TodayBacklog({ view }: { view: TodayView }) {
  const [open, setOpen] = useState<'spread' | 'bulk' | null>(null);
  const { waiting, goingCold, dailyBudget } = view.counts;
  if (waiting === 0 && goingCold === 0) return null;
  const behind = [
    waiting > 0
      ? `${plural(waiting, 'follow-up')} wait${waiting === 1 ? 's' : ''} beyond today’s budget`
      : null,
    goingCold > 0 ? `${plural(goingCold, 'check-in')} ${goingCold === 1 ? 'is' : 'are'} going cold` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <section className="today-backlog" aria-labelledby="today-backlog-title">
      <span className="today-backlog-icon" aria-hidden="true">
        <Icon name="layers" />
      </span>
      <div className="today-backlog-text">
        <h2 id="today-backlog-title">Catch up</h2>
        <p>
          {behind}. Spread them over the coming working days, {n(dailyBudget)} a day, or let the least
          important go.
        </p>
      </div>
      <div className="today-backlog-actions">
        <Button size="sm" icon="calendarDays" onClick={() => setOpen('spread')}>
          Spread over the coming days…
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen('bulk')}>
          Skip in bulk…
        </Button>
      </div>
      {open === 'spread' ? <CatchUpDialog today={view.today} onClose={() => setOpen(null)} /> : null}
      {open === 'bulk' ? <BulkCloseDialog onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

/** The preview of the new days, then one click to write them. */
function CatchUpDialog({ today, onClose }: { today: string; onClose: () => void }) {
  const api = useApi();
  const toast = useToast();
  const { undoAction } = useUndo();
  const [plan, setPlan] = useState<CatchUpPlan>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api['followups.previewCatchUp']({}).then(
      (p) => live && setPlan(p),
      (e) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const commit = async () => {
    setBusy(true);
    try {
      const done = await api['followups.catchUp']({});
      toast({
        tone: 'success',
        message: `Spread ${plural(done.moved, 'follow-up')} over the coming days`,
        detail: done.lastDay ? `The last of them on ${formatDayHeading(done.lastDay)}.` : undefined,
        action: undoAction(done.undoId),
      });
      notifyChanged('followups');
      onClose();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  const far = plan?.lastDay ? daysBetween(today, plan.lastDay) > 30 : false;
  return (
    <Dialog
      title="Spread over the coming days"
      description="The most important first: today takes what its budget has left, each working day after it what its budget has left beside what it already holds. Days off take nothing, and no one gets two closer than your minimum gap."
      onClose={onClose}
      className="catch-up-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            icon="calendarDays"
            busy={busy}
            disabled={!plan || plan.moved === 0}
            onClick={() => void commit()}
            data-autofocus
          >
            {plan && plan.moved > 0 ? `Move ${plural(plan.moved, 'follow-up')}` : 'Move'}
          </Button>
        </>
      }
    >
      <ErrorBanner error={error} title="Could not plan the catch-up" />
      {!plan && !error ? <p className="muted">Planning…</p> : null}
      {plan && plan.moved === 0 ? <p>Nothing to move: what is due fits in today’s budget.</p> : null}
      {plan && plan.moved > 0 ? (
        <>
          <p className="catch-up-summary" role="status">
            {plural(plan.moved, 'follow-up')} get a new day
            {plan.unchanged > 0 ? `; ${n(plan.unchanged)} stay where they are today` : ''}
            {plan.lastDay ? `, through ${formatDayHeading(plan.lastDay)}` : ''}.
          </p>
          <ol className="catch-up-days" aria-label="New days">
            {plan.days.map((d) => (
              <li key={d.day}>
                <span className="catch-up-day">{d.day === today ? 'Today' : formatDayShort(d.day)}</span>
                <span className="catch-up-bar" aria-hidden="true">
                  <span className="is-already" style={{ flexGrow: d.already }} />
                  <span className="is-added" style={{ flexGrow: d.added }} />
                </span>
                <span className="catch-up-count">
                  +{n(d.added)}
                  {d.already > 0 ? (
                    <span className="muted">
                      {' '}
                      beside {n(d.already)}
                      {d.day === today ? ' done' : ''}
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
          {far ? (
            <p className="field-hint">
              That runs more than a month ahead. Skipping the least important first keeps it closer.
            </p>
          ) : null}
          {plan.unplaced > 0 ? (
            <div className="banner banner-warning" role="status">
              <Icon name="alert" />
              <div className="banner-body">
                {plural(plan.unplaced, 'follow-up')} find no room within a year and stay where they are.
              </div>
            </div>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}

/** What a backlog is mostly made of; promises and confirmations are never "least important". */
const BULK_PURPOSES: Purpose[] = [
  'reengage',
  'long_term',
  'check_in',
  'second',
  'refresher',
  'manual',
  'thank_you',
];

/** Skip or end many due steps at once, by purpose, tag and age, with a live count first. */
function BulkCloseDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const toast = useToast();
  const { undoAction } = useUndo();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [tag, setTag] = useState<string>();
  const [olderThan, setOlderThan] = useState('');
  const [includeToday, setIncludeToday] = useState(false);
  const [action, setAction] = useState<'skip' | 'end'>('skip');
  // With the filter it counts: a count for other filters is never shown as this one's.
  const [preview, setPreview] = useState<{ key: string; value: BulkPreview }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const days = olderThan.trim() === '' ? undefined : Number(olderThan);
  const ageInvalid = days !== undefined && (!Number.isInteger(days) || days < 0);
  const filter: BulkFilterInput = {
    ...(purposes.length ? { purposes } : {}),
    ...(tag ? { tag } : {}),
    ...(days !== undefined && !ageInvalid ? { olderThanDays: days } : {}),
    among: includeToday ? 'due' : 'waiting',
  };
  const key = JSON.stringify(filter);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter
  useEffect(() => {
    if (ageInvalid) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api['followups.previewBulkClose'](filter).then(
        (p) => {
          if (!live) return;
          setPreview({ key, value: p });
          setError(undefined);
        },
        (e) => live && setError(toApiError(e)),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, key, ageInvalid]);

  const commit = async () => {
    setBusy(true);
    try {
      const result = await api['followups.bulkClose']({ ...filter, action });
      toast({
        message: `${action === 'skip' ? 'Skipped' : 'Ended'} ${plural(result.closed, 'follow-up')}`,
        detail: 'Nothing was sent or logged.',
        action: undoAction(result.undoId),
      });
      notifyChanged('followups');
      onClose();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  const togglePurpose = (p: Purpose) =>
    setPurposes((all) => (all.includes(p) ? all.filter((x) => x !== p) : [...all, p]));
  const current = preview?.key === key ? preview.value : undefined;
  const shown = current ?? preview?.value;
  const total = current?.count ?? 0;
  return (
    <Dialog
      title="Skip in bulk"
      description="Let the least important of what is due go at once. Nothing is sent or logged."
      onClose={onClose}
      className="bulk-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            busy={busy}
            disabled={ageInvalid || !current || total === 0}
            onClick={() => void commit()}
          >
            {action === 'skip' ? 'Skip' : 'End'} {plural(total, 'follow-up')}
          </Button>
        </>
      }
    >
      <div className="dialog-form">
        <fieldset className="bulk-fieldset">
          <legend className="field-label">Kinds</legend>
          <div className="bulk-purposes">
            {BULK_PURPOSES.map((p, i) => (
              <label key={p} className="bulk-chip">
                <input
                  type="checkbox"
                  checked={purposes.includes(p)}
                  onChange={() => togglePurpose(p)}
                  data-autofocus={i === 0 ? true : undefined}
                />
                {purposeLabel(p)}
              </label>
            ))}
          </div>
          <p className="field-hint">None ticked: every kind.</p>
        </fieldset>
        <div className="bulk-row">
          <TagSelectField value={tag} onChange={setTag} />
          <Field
            label="Due at least … days ago"
            optional
            error={ageInvalid ? 'A whole number, 0 or more' : undefined}
          >
            {(props) => (
              <input
                {...props}
                className="input input-sm"
                inputMode="numeric"
                value={olderThan}
                onChange={(e) => setOlderThan(e.target.value)}
              />
            )}
          </Field>
        </div>
        <label className="bulk-check">
          <input type="checkbox" checked={includeToday} onChange={(e) => setIncludeToday(e.target.checked)} />
          <span>
            <span className="bulk-check-label">Also the ones in today’s budget</span>
            <span className="field-hint">Otherwise only what waits beyond it.</span>
          </span>
        </label>
        <fieldset className="bulk-fieldset">
          <legend className="field-label">How</legend>
          <div className="segmented">
            <label>
              <input
                type="radio"
                name="bulk-action"
                checked={action === 'skip'}
                onChange={() => setAction('skip')}
              />
              Skip
            </label>
            <label>
              <input
                type="radio"
                name="bulk-action"
                checked={action === 'end'}
                onChange={() => setAction('end')}
              />
              End
            </label>
          </div>
          <p className="field-hint">
            {action === 'skip'
              ? 'Skip: each playbook carries on as after one skip (a keep-in-touch check-in comes again one rhythm on).'
              : 'End: the whole cycle stops; a keep-in-touch rhythm waits until you next hear from them.'}
          </p>
        </fieldset>
        <ErrorBanner error={error} title="Could not count them" />
        {shown ? (
          <div
            className={current ? 'bulk-preview' : 'bulk-preview is-stale'}
            role="status"
            aria-busy={!current}
          >
            <p>
              <strong>{plural(shown.count, 'follow-up')}</strong>
              {shown.byPurpose.length
                ? `: ${shown.byPurpose.map((p) => `${purposeLabel(p.purpose)} (${n(p.count)})`).join(', ')}`
                : ''}
            </p>
            {shown.sample.length ? (
              <ul className="bulk-sample" aria-label="The least important of them">
                {shown.sample.map((s) => (
                  <li key={s.id}>
                    {s.contactName}{' '}
                    <span className="muted">
                      · {purposeLabel(s.purpose)} · due {formatDayShort(s.dueOn)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
