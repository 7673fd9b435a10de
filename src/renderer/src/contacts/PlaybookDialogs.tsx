import { type ReactNode, useState } from 'react';
import type { MaybeScheduled } from '../../../shared/api/contract.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { addDays, formatDayHeading, fromLocalDateTimeInput, todayIsoDate } from '../format/dates.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { InputField } from '../ui/InputField.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { SaveFooter } from '../ui/SaveFooter.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';

/**
 * A dialog that starts a playbook and reports what it planned: the step and its day, or why no
 * step was needed (e.g. a meeting tomorrow needs no confirmation the day before).
 */
function PlaybookDialog({
  title,
  description,
  submitLabel,
  fieldPaths,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  description: string;
  submitLabel: string;
  fieldPaths: string[];
  onSubmit: () => Promise<MaybeScheduled>;
  onClose: () => void;
  children: (error: ApiError | undefined) => ReactNode;
}) {
  const toast = useToast();
  const { saving, error, save } = useSaveAction(async () => {
    const result = await onSubmit();
    notifyChanged('followups', 'contacts');
    onClose();
    const step = result.followUp;
    toast({
      tone: 'success',
      message: step
        ? `${purposeLabel(step.purpose)} planned for ${formatDayHeading(step.dueOn)}`
        : 'Noted — no follow-up needed',
      detail: [result.reason, ...result.warnings].filter(Boolean).join('\n') || undefined,
    });
  });

  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      footer={
        <SaveFooter label={submitLabel} saving={saving} onSave={() => void save()} onCancel={onClose} />
      }
    >
      {/* The dialog itself handles Esc. */}
      <KeyboardForm className="dialog-form" onSave={() => void save()}>
        {children(error)}
        {error ? <ErrorBanner title="Not saved" text={describeUnclaimed(error, fieldPaths)} /> : null}
      </KeyboardForm>
    </Dialog>
  );
}

export function ArrangeMeetingDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const api = useApi();
  const [when, setWhen] = useState(() => `${addDays(todayIsoDate(), 2)}T10:00`);
  const [note, setNote] = useState('');
  return (
    <PlaybookDialog
      title={`Meeting with ${contact.displayName}`}
      description="You will be reminded to confirm it the day before: time, place, and that you look forward to it."
      submitLabel="Save meeting"
      fieldPaths={['meetingAt', 'note']}
      onClose={onClose}
      onSubmit={() =>
        api['followups.arrangeMeeting']({
          contactId: contact.id,
          meetingAt: fromLocalDateTimeInput(when) ?? '',
          note,
        })
      }
    >
      {(error) => (
        <>
          <InputField
            label="When"
            error={fieldMessage(error, 'meetingAt', 'When')}
            data-autofocus
            type="datetime-local"
            value={when}
            onChange={setWhen}
          />
          <InputField
            label="Where, or what about"
            optional
            error={fieldMessage(error, 'note', 'Note')}
            placeholder="e.g. Coffee at the Barbican, her hiring plans"
            value={note}
            onChange={setNote}
            autoComplete="off"
          />
        </>
      )}
    </PlaybookDialog>
  );
}

export function ThankDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const api = useApi();
  const [note, setNote] = useState('');
  const first = contact.displayName.split(' ')[0];
  return (
    <PlaybookDialog
      title={`${first} helped you`}
      description="A thank-you within a day, that says what their help changed, is remembered for a long time."
      submitLabel="Plan a thank-you"
      fieldPaths={['note']}
      onClose={onClose}
      onSubmit={() => api['followups.thank']({ contactId: contact.id, note })}
    >
      {(error) => (
        <Field label="What did they do for you?" optional error={fieldMessage(error, 'note', 'Note')}>
          {(props) => (
            <textarea
              {...props}
              data-autofocus
              className="textarea"
              rows={2}
              placeholder={`e.g. ${first} introduced me to their CTO`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      )}
    </PlaybookDialog>
  );
}
