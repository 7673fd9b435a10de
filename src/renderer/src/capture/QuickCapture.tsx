import { useState } from 'react';
import { EARLIEST_DAY } from '../../../shared/domain/date-bounds.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import { MOD_LABEL } from '../app/keys.ts';
import { navigate } from '../app/router.ts';
import { useEvents } from '../events/useEvents.ts';
import { todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { InputField } from '../ui/InputField.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';
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
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);

  const { saving, error, save } = useSaveAction(async () => {
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
  });

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

  // Esc, Cancel or a click beside the dialog must not throw away what was typed without asking.
  const typed = [name, where.eventId === null ? where.text : '', discussed, nextStep, company, email].some(
    (v) => v.trim() !== '',
  );
  const requestClose = () => (typed ? setConfirmingDiscard(true) : onClose());

  return (
    <Dialog
      title="Capture someone you met"
      description="The context is what makes your follow-up personal. Everything but the name is optional."
      onClose={requestClose}
      size="lg"
      className="quick-capture"
      footer={
        <>
          <span className="dialog-footer-hint">
            <Kbd subtle>Enter</Kbd> next field · <Kbd subtle>{MOD_LABEL}</Kbd>
            <Kbd subtle>Enter</Kbd> save
          </span>
          <Button onClick={requestClose}>Cancel</Button>
          <Button variant="primary" busy={saving} onClick={() => void save()}>
            Save contact
          </Button>
        </>
      }
    >
      <InputField
        label="Name"
        error={message('displayName', 'Name')}
        {...chain.link(0)}
        data-autofocus
        className="input input-lg"
        placeholder="Who did you meet?"
        value={name}
        onChange={setName}
        autoComplete="off"
      />
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
        <InputField
          label="Met on"
          error={message('metOn', 'Met on')}
          {...chain.link(2)}
          type="date"
          // The contract's bounds, so the picker offers no day it would refuse.
          min={EARLIEST_DAY}
          max={todayIsoDate()}
          value={metOn}
          onChange={setMetOn}
        />
      </div>
      <Field label="What you discussed" error={message('discussed', 'What you discussed')}>
        {(props) => (
          <textarea
            {...props}
            {...chain.link(3)}
            className="textarea"
            rows={2}
            placeholder="Their project, a shared interest, the question they asked…"
            value={discussed}
            onChange={(e) => setDiscussed(e.target.value)}
          />
        )}
      </Field>
      <InputField
        label="Agreed next step"
        error={message('nextStep', 'Next step')}
        {...chain.link(4)}
        placeholder="e.g. Send them the article on Friday"
        value={nextStep}
        onChange={setNextStep}
        autoComplete="off"
      />
      <div className="form-row">
        <InputField
          label="Company"
          optional
          error={message('company', 'Company')}
          {...chain.link(5)}
          value={company}
          onChange={setCompany}
          autoComplete="off"
        />
        <InputField
          label="Email"
          optional
          error={message('emails', 'Email')}
          {...chain.link(6)}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="off"
        />
      </div>
      {error ? <ErrorBanner title="Not saved" text={describeUnclaimed(error, FIELD_PATHS)} /> : null}
      {confirmingDiscard ? (
        <ConfirmDialog
          title="Discard what you typed?"
          confirmLabel="Discard"
          onClose={() => setConfirmingDiscard(false)}
          onConfirm={async () => onClose()}
        >
          <p>
            {name.trim() ? <strong>{name.trim()}</strong> : 'This person'} is not saved yet. Keep typing, or
            discard it.
          </p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
