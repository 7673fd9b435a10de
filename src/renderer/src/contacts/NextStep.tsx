import { useState } from 'react';
import type { Contact } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { fieldMessage, toApiError } from '../api/errors.ts';
import {
  formatDay,
  formatDayLong,
  formatDayOfInstant,
  formatRelativeDay,
  todayIsoDate,
} from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { InlineEdit } from '../ui/InlineEdit.tsx';
import { useToast } from '../ui/Toast.tsx';
import type { SaveContact } from './useContactEditor.ts';

/**
 * The agreed next step as something to do: its text, a due date, Done, and one action to make it
 * a promise (which Today then carries). Done stays visible, struck through, until a new step is
 * agreed, so "did I send the deck?" has an answer.
 */
export function NextStep({
  contact,
  save,
  onSaved,
}: {
  contact: Contact;
  save: SaveContact;
  onSaved: (c: Contact) => void;
}) {
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState<'done' | 'promise' | null>(null);
  // "Make it a promise" without a due date asks for the day first.
  const [askingDay, setAskingDay] = useState<string | null>(null);
  const [dayError, setDayError] = useState<string>();
  const done = contact.nextStepDoneAt !== null;
  const promised = contact.nextStepPromiseId !== null;
  const overdue = !done && contact.nextStepDueOn !== null && contact.nextStepDueOn < todayIsoDate();

  const markDone = async (value: boolean) => {
    setBusy('done');
    try {
      onSaved(await api['contacts.nextStepDone']({ id: contact.id, done: value }));
      notifyChanged('contacts', 'followups');
      if (value) {
        toast({
          tone: 'success',
          message: 'Next step done',
          detail: contact.nextStep ?? undefined,
          action: { label: 'Undo', onClick: () => void markDone(false) },
        });
      }
    } catch (e) {
      toast({ tone: 'error', message: 'Could not change the next step', detail: toApiError(e).describe() });
    } finally {
      setBusy(null);
    }
  };

  const toPromise = async (dueOn?: string) => {
    setBusy('promise');
    setDayError(undefined);
    try {
      const { contact: saved, promise } = await api['contacts.nextStepToPromise']({
        id: contact.id,
        ...(dueOn ? { dueOn } : {}),
      });
      onSaved(saved);
      setAskingDay(null);
      notifyChanged('contacts', 'followups');
      toast({
        tone: 'success',
        message: `Now a promise, due ${formatDayLong(promise.dueOn)}`,
        detail: 'Today reminds you on the day; keeping it marks the next step done.',
      });
    } catch (e) {
      const error = toApiError(e);
      const message = fieldMessage(error, 'dueOn', 'Due date');
      if (message) setDayError(message);
      else toast({ tone: 'error', message: 'Could not make it a promise', detail: error.describe() });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={`followup-next${done ? ' is-done' : ''}`}>
      <div className="followup-next-head">
        <span className="eyebrow followup-next-label">
          <Icon name="target" size={13} /> Agreed next step
        </span>
        {done ? (
          <span className="followup-next-state is-done">
            <Icon name="check" size={12} /> Done {formatDayOfInstant(contact.nextStepDoneAt ?? '')}
          </span>
        ) : promised ? (
          <span className="followup-next-state is-promised">
            <Icon name="handshake" size={12} /> Promised
            {contact.nextStepDueOn ? ` for ${formatDay(contact.nextStepDueOn, { short: true })}` : ''}
          </span>
        ) : null}
      </div>
      <InlineEdit
        className="followup-next-value"
        label="Agreed next step"
        value={contact.nextStep}
        placeholder="What did you agree to do next? e.g. “Send the article on Friday”"
        multiline
        issuePath="patch.nextStep"
        onSave={(nextStep) => save({ nextStep })}
      />
      {contact.nextStep ? (
        <div className="followup-next-actions">
          {!done && !promised ? (
            <span className={`followup-next-due${overdue ? ' is-overdue' : ''}`}>
              <InlineEdit
                label="Next step due"
                type="date"
                value={contact.nextStepDueOn}
                placeholder="Add a due date"
                display={
                  contact.nextStepDueOn ? (
                    <>
                      Due {formatDay(contact.nextStepDueOn, { short: true })}{' '}
                      <span className="faint">· {formatRelativeDay(contact.nextStepDueOn)}</span>
                    </>
                  ) : undefined
                }
                issuePath="patch.nextStepDueOn"
                onSave={(day) => save({ nextStepDueOn: day || null })}
              />
            </span>
          ) : null}
          {done ? (
            <Button size="sm" variant="ghost" busy={busy === 'done'} onClick={() => void markDone(false)}>
              Not done yet
            </Button>
          ) : (
            <Button size="sm" icon="check" busy={busy === 'done'} onClick={() => void markDone(true)}>
              Done
            </Button>
          )}
          {!done && !promised && askingDay === null ? (
            <Button
              size="sm"
              variant="ghost"
              icon="handshake"
              busy={busy === 'promise'}
              onClick={() =>
                contact.nextStepDueOn
                  ? void toPromise()
                  : setAskingDay(contact.nextStepDueOn ?? todayIsoDate())
              }
            >
              Make it a promise
            </Button>
          ) : null}
          {askingDay !== null ? (
            <form
              className="followup-next-promise"
              onSubmit={(e) => {
                e.preventDefault();
                void toPromise(askingDay);
              }}
            >
              <label>
                <span>Promise it for</span>
                <input
                  className="input input-sm"
                  type="date"
                  value={askingDay}
                  aria-invalid={dayError ? true : undefined}
                  // biome-ignore lint/a11y/noAutofocus: the button asked for exactly this day
                  autoFocus
                  onChange={(e) => setAskingDay(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setAskingDay(null);
                  }}
                />
              </label>
              <Button size="sm" type="submit" variant="primary" busy={busy === 'promise'}>
                Promise
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setAskingDay(null)}>
                Cancel
              </Button>
              {dayError ? <span className="field-error">{dayError}</span> : null}
            </form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
