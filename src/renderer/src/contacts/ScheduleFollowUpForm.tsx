import { useState } from 'react';
import type { Channel } from '../../../shared/domain/channels.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { ScheduleResult } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import { addDays, todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { InputField } from '../ui/InputField.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';
import { ChannelField } from './ChannelField.tsx';

const FIELD_PATHS = ['dueOn', 'channel', 'note'];

/**
 * A follow-up on a day of the user's choosing. A day that breaks a cap (too soon after the last
 * message, too many this month) is allowed: it is their call, and the panel says so.
 */
export function ScheduleFollowUpForm({
  contact,
  onScheduled,
  onCancel,
}: {
  contact: Contact;
  onScheduled: (result: ScheduleResult) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [dueOn, setDueOn] = useState(() => addDays(todayIsoDate(), 7));
  const [channel, setChannel] = useState<Channel>(contact.preferredChannel ?? 'email');
  const [note, setNote] = useState('');
  const { saving, error, save } = useSaveAction(async () => {
    const result = await api['followups.schedule']({ contactId: contact.id, dueOn, channel, note });
    notifyChanged('followups');
    onScheduled(result);
  });

  return (
    <KeyboardForm
      className="schedule-form"
      label="Schedule follow-up"
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <div className="schedule-form-row">
        <InputField
          label="On"
          error={fieldMessage(error, 'dueOn', 'Date')}
          type="date"
          value={dueOn}
          min={todayIsoDate()}
          required
          // Focused on open: the form opens to pick exactly this.
          autoFocus
          onChange={setDueOn}
        />
        <ChannelField label="By" value={channel} onChange={setChannel} />
        <InputField
          label="About"
          optional
          error={fieldMessage(error, 'note', 'Note')}
          placeholder="e.g. Ask how the launch went"
          value={note}
          onChange={setNote}
          autoComplete="off"
        />
      </div>
      {error ? <ErrorBanner title="Not scheduled" text={describeUnclaimed(error, FIELD_PATHS)} /> : null}
      <div className="schedule-form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={saving}>
          Schedule
        </Button>
      </div>
    </KeyboardForm>
  );
}
