import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage, toApiError } from '../api/errors.ts';
import { useFieldChain } from '../capture/useFieldChain.ts';
import { todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';

const FIELD_PATHS = ['name', 'date', 'location'];

export function CreateEventDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (event: NetworkEvent) => void;
}) {
  const api = useApi();
  const [name, setName] = useState('');
  const [date, setDate] = useState(todayIsoDate());
  const [location, setLocation] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const event = await api['events.create']({ name, date, location });
      notifyChanged('events');
      onCreated(event);
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  };
  const chain = useFieldChain(3, () => void save());

  return (
    <Dialog
      title="New event"
      description="A conference, a meetup, a dinner: then capture everyone you met there in one go."
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={saving} onClick={() => void save()}>
            Create event
          </Button>
        </>
      }
    >
      <Field label="Name" error={fieldMessage(error, 'name', 'Name')}>
        {(props) => (
          <input
            {...props}
            ref={chain.register(0)}
            data-autofocus
            className="input"
            placeholder="e.g. Web Summit 2025"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={chain.keyDown(0)}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="form-row">
        <Field label="Date" error={fieldMessage(error, 'date', 'Date')}>
          {(props) => (
            <input
              {...props}
              ref={chain.register(1)}
              type="date"
              className="input"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              onKeyDown={chain.keyDown(1)}
            />
          )}
        </Field>
        <Field label="Location" optional error={fieldMessage(error, 'location', 'Location')}>
          {(props) => (
            <input
              {...props}
              ref={chain.register(2)}
              className="input"
              placeholder="e.g. Lisbon"
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              onKeyDown={chain.keyDown(2)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      {error ? <ErrorBanner title="Not created" text={describeUnclaimed(error, FIELD_PATHS)} /> : null}
    </Dialog>
  );
}
