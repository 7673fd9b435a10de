import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage, toApiError } from '../api/errors.ts';
import { MOD_LABEL } from '../app/keys.ts';
import { navigate } from '../app/router.ts';
import { useEvents } from '../events/useEvents.ts';
import { todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { useToast } from '../ui/Toast.tsx';
import { type PlaceOrEvent, PlaceOrEventInput } from './PlaceOrEventInput.tsx';
import { useFieldChain } from './useFieldChain.ts';
import './capture.css';

/** Payload paths the form shows next to a field; anything else goes to the banner. */
const FIELD_PATHS = [
  'displayName',
  'metWhere',
  'metEventId',
  'metOn',
  'discussed',
  'nextStep',
  'company',
  'emails',
];

/**
 * Capture someone in under ten seconds: name, where you met, what you discussed and the next
 * step, with Enter walking down the fields and saving from the last one.
 */
export function QuickCapture({ onClose, eventId }: { onClose: () => void; eventId?: number | undefined }) {
  const api = useApi();
  const toast = useToast();
  const events = useEvents();
  const [name, setName] = useState('');
  const [where, setWhere] = useState<PlaceOrEvent>({ text: '', eventId: null });
  const [metOn, setMetOn] = useState(todayIsoDate());
  const [discussed, setDiscussed] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [company, setCompany] = useState('');
  const [email, setEmail] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const contact = await api['contacts.create']({
        displayName: name,
        metOn: metOn || null,
        metEventId: where.eventId,
        ...(where.eventId === null ? { metWhere: where.text } : {}),
        discussed,
        nextStep,
        company,
        emails: email.trim() ? [{ value: email }] : [],
      });
      notifyChanged('contacts', 'events');
      onClose();
      toast({
        tone: 'success',
        message: `${contact.displayName} captured`,
        detail: nextStep.trim() ? `Next step: ${nextStep.trim()}` : undefined,
        action: { label: 'Open', onClick: () => navigate(`/contacts/${contact.id}`) },
      });
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  };

  // Opened on an event's page: the person was most likely met there, so start from that event.
  const presetEvent = eventId === undefined ? undefined : events.data?.find((e) => e.id === eventId);
  const [presetApplied, setPresetApplied] = useState(false);
  if (presetEvent && !presetApplied) {
    setPresetApplied(true);
    if (where.text === '') {
      setWhere({ text: presetEvent.name, eventId: presetEvent.id });
      setMetOn(presetEvent.date);
    }
  }

  const chain = useFieldChain(7, () => void save());
  const message = (path: string, label: string) => fieldMessage(error, path, label);

  return (
    <Dialog
      title="Capture someone you met"
      description="The context is what makes your follow-up personal. Everything but the name is optional."
      onClose={onClose}
      size="lg"
      className="quick-capture"
      footer={
        <>
          <span className="dialog-footer-hint">
            <Kbd subtle>Enter</Kbd> next field · <Kbd subtle>{MOD_LABEL}</Kbd>
            <Kbd subtle>Enter</Kbd> save
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={saving} onClick={() => void save()}>
            Save contact
          </Button>
        </>
      }
    >
      <Field label="Name" error={message('displayName', 'Name')}>
        {(props) => (
          <input
            {...props}
            ref={chain.register(0)}
            data-autofocus
            className="input input-lg"
            placeholder="Who did you meet?"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={chain.keyDown(0)}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="form-row form-row-where">
        <Field
          label="Where you met"
          error={message('metWhere', 'Where you met') ?? message('metEventId', 'Event')}
          hint={
            events.data?.length
              ? 'Pick one of your events, or type a place.'
              : 'A conference, a dinner, a place.'
          }
        >
          {(props) => (
            <PlaceOrEventInput
              inputRef={chain.register(1)}
              id={props.id}
              describedBy={props['aria-describedby']}
              invalid={props['aria-invalid']}
              value={where}
              onChange={setWhere}
              events={events.data ?? []}
              onPickEvent={(event) => setMetOn(event.date)}
              onKeyDown={chain.keyDown(1)}
            />
          )}
        </Field>
        <Field label="Met on" error={message('metOn', 'Date')}>
          {(props) => (
            <input
              {...props}
              ref={chain.register(2)}
              type="date"
              className="input"
              value={metOn}
              onChange={(e) => setMetOn(e.target.value)}
              onKeyDown={chain.keyDown(2)}
            />
          )}
        </Field>
      </div>
      <Field label="What you discussed" error={message('discussed', 'What you discussed')}>
        {(props) => (
          <textarea
            {...props}
            ref={chain.register(3)}
            className="textarea"
            rows={2}
            placeholder="Their project, a shared interest, the question they asked…"
            value={discussed}
            onChange={(e) => setDiscussed(e.target.value)}
            onKeyDown={chain.keyDown(3)}
          />
        )}
      </Field>
      <Field label="Agreed next step" error={message('nextStep', 'Next step')}>
        {(props) => (
          <input
            {...props}
            ref={chain.register(4)}
            className="input"
            placeholder="e.g. Send them the article on Friday"
            value={nextStep}
            onChange={(e) => setNextStep(e.target.value)}
            onKeyDown={chain.keyDown(4)}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="form-row">
        <Field label="Company" optional error={message('company', 'Company')}>
          {(props) => (
            <input
              {...props}
              ref={chain.register(5)}
              className="input"
              value={company}
              onChange={(e) => setCompany(e.target.value)}
              onKeyDown={chain.keyDown(5)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Email" optional error={message('emails', 'Email')}>
          {(props) => (
            <input
              {...props}
              ref={chain.register(6)}
              type="email"
              className="input"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              onKeyDown={chain.keyDown(6)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      {error ? <ErrorBanner title="Not saved" text={describeUnclaimed(error, FIELD_PATHS)} /> : null}
    </Dialog>
  );
}
