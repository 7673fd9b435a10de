import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Channel } from '../../../shared/domain/channels.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { ScheduleResult } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage, toApiError } from '../api/errors.ts';
import { addDays, todayIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const result = await api['followups.schedule']({ contactId: contact.id, dueOn, channel, note });
      notifyChanged('followups');
      onScheduled(result);
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  };

  return (
    <KeyboardForm
      className="schedule-form"
      label="Schedule follow-up"
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <div className="schedule-form-row">
        <Field label="On" error={fieldMessage(error, 'dueOn', 'Date')}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              value={dueOn}
              min={todayIsoDate()}
              required
              // biome-ignore lint/a11y/noAutofocus: the form opens to pick exactly this
              autoFocus
              onChange={(e) => setDueOn(e.target.value)}
            />
          )}
        </Field>
        <ChannelField label="By" value={channel} onChange={setChannel} />
        <Field label="About" optional error={fieldMessage(error, 'note', 'Note')}>
          {(props) => (
            <input
              {...props}
              className="input"
              placeholder="e.g. Ask how the launch went"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
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
