import { useState } from 'react';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { FollowUp, PromiseDirection, PromiseItem } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import type { ApiData } from '../api/useApiData.ts';
import { PromiseLine } from '../followups/PromiseLine.tsx';
import { usePromiseActions } from '../followups/usePromiseActions.ts';
import { addDays, formatWhen, todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { InputField } from '../ui/InputField.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';
import { openSteps } from './FollowUpsPanel.tsx';

/** Kept and dropped promises stay visible for a while: they are part of the relationship. */
const SHOW_CLOSED = 3;

/**
 * What each side said they would do. Yours are reminded on the day; theirs get a polite nudge
 * shortly after they were due (both as Settings → Playbooks says).
 */
export function PromisesPanel({
  contact,
  promises,
  steps,
}: {
  contact: Contact;
  promises: ApiData<PromiseItem[]>;
  steps: FollowUp[] | undefined;
}) {
  const [adding, setAdding] = useState<PromiseDirection | null>(null);
  const today = todayIsoDate();
  const reminders = new Map(openSteps(steps).map((s) => [s.promiseId, s]));
  const all = promises.data ?? [];
  const open = all.filter((p) => p.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = all
    .filter((p) => p.status !== 'open')
    .sort((a, b) => (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt))
    .slice(0, SHOW_CLOSED);

  const actions = usePromiseActions();
  const close = (promise: PromiseItem, how: 'done' | 'cancel') =>
    how === 'done' ? actions.done(promise) : actions.drop(promise);

  return (
    <section className="promises-panel card" aria-labelledby="promises-title">
      <header className="followups-head">
        <h2 id="promises-title">Promises</h2>
        <div className="followups-head-actions">
          <Button size="sm" variant="ghost" icon="arrowUpRight" onClick={() => setAdding('mine')}>
            I promised…
          </Button>
          <Button size="sm" variant="ghost" icon="arrowDownLeft" onClick={() => setAdding('theirs')}>
            They promised…
          </Button>
        </div>
      </header>
      {adding ? (
        <PromiseForm key={adding} contact={contact} direction={adding} onDone={() => setAdding(null)} />
      ) : null}
      {promises.error ? (
        <ErrorBanner error={promises.error} title="Could not load the promises" onRetry={promises.reload} />
      ) : null}
      {promises.data && all.length === 0 && !adding ? (
        <p className="followups-empty">
          Said you would send something, or they offered an intro? Note it here and it will not slip.
        </p>
      ) : null}
      {open.length + closed.length ? (
        <ul className="promises-list" aria-label="Promises">
          {[...open, ...closed].map((p) => (
            <li key={p.id}>
              <PromiseLine
                promise={p}
                today={today}
                showContact={false}
                note={
                  p.status === 'open' && reminders.get(p.id)
                    ? `${p.direction === 'mine' ? 'reminder' : 'nudge'} ${formatWhen(reminders.get(p.id)?.snoozedUntil ?? reminders.get(p.id)?.dueAt ?? '')}`
                    : undefined
                }
                actions={
                  p.status === 'open' ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="check"
                        aria-label={`Mark done: ${p.text}`}
                        onClick={() => void close(p, 'done')}
                      >
                        Done
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="x"
                        aria-label={`Drop: ${p.text}`}
                        title="Drop this promise"
                        onClick={() => void close(p, 'cancel')}
                      />
                    </>
                  ) : null
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PromiseForm({
  contact,
  direction,
  onDone,
}: {
  contact: Contact;
  direction: PromiseDirection;
  onDone: () => void;
}) {
  const api = useApi();
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState(() => addDays(todayIsoDate(), direction === 'mine' ? 3 : 7));
  const first = contact.displayName.split(' ')[0];
  const { saving, error, save } = useSaveAction(async () => {
    await api['promises.add']({ contactId: contact.id, direction, text, dueOn });
    notifyChanged('followups');
    onDone();
  });

  return (
    <form
      className="schedule-form"
      aria-label={direction === 'mine' ? 'I promised' : 'They promised'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="schedule-form-row promise-form-row">
        <InputField
          label={direction === 'mine' ? `What you promised ${first}` : `What ${first} promised you`}
          error={fieldMessage(error, 'text', 'Promise')}
          placeholder={
            direction === 'mine' ? 'e.g. Send the deck from my talk' : 'e.g. Introduce me to their CTO'
          }
          value={text}
          // Focused on open: the form opens to type exactly this.
          autoFocus
          onChange={setText}
          autoComplete="off"
        />
        <InputField
          label="By"
          error={fieldMessage(error, 'dueOn', 'Date')}
          type="date"
          value={dueOn}
          onChange={setDueOn}
        />
      </div>
      {error ? <ErrorBanner title="Not saved" text={describeUnclaimed(error, ['text', 'dueOn'])} /> : null}
      <div className="schedule-form-actions">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" busy={saving}>
          Save promise
        </Button>
      </div>
    </form>
  );
}
