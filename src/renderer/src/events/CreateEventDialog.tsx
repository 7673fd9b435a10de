import { useState } from 'react';
import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import { useFieldChain } from '../capture/useFieldChain.ts';
import { todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { InputField } from '../ui/InputField.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';

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
  const { saving, error, save } = useSaveAction(async () => {
    const event = await api['events.create']({ name, date, location });
    notifyChanged('events');
    onCreated(event);
  });
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
      <InputField
        label="Name"
        error={fieldMessage(error, 'name', 'Name')}
        {...chain.link(0)}
        data-autofocus
        placeholder="e.g. Web Summit 2025"
        value={name}
        onChange={setName}
        autoComplete="off"
      />
      <div className="form-row">
        <InputField
          label="Date"
          error={fieldMessage(error, 'date', 'Date')}
          {...chain.link(1)}
          type="date"
          value={date}
          onChange={setDate}
        />
        <InputField
          label="Location"
          optional
          error={fieldMessage(error, 'location', 'Location')}
          {...chain.link(2)}
          placeholder="e.g. Lisbon"
          value={location}
          onChange={setLocation}
          autoComplete="off"
        />
      </div>
      {error ? <ErrorBanner title="Not created" text={describeUnclaimed(error, FIELD_PATHS)} /> : null}
    </Dialog>
  );
}
