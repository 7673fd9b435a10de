import { useState } from 'react';
import { type Channel, DIRECTION_LABELS, type Direction } from '../../../shared/domain/channels.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { describeUnclaimed, fieldMessage } from '../api/errors.ts';
import { isSubmitChord, MOD_LABEL } from '../app/keys.ts';
import { fromLocalDateTimeInput, toLocalDateTimeInput } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { InputField } from '../ui/InputField.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';
import { ChannelField } from './ChannelField.tsx';
import './timeline.css';

const FIELD_PATHS = ['summary', 'outcome', 'channel', 'direction', 'occurredAt'];

/**
 * "Log interaction" in two keystrokes: L opens this with the summary focused, Enter saves. The
 * defaults are the likely answer: their preferred channel (else email), I reached out, now.
 */
export function LogInteractionForm({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const api = useApi();
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [channel, setChannel] = useState<Channel>(contact.preferredChannel ?? 'email');
  const [direction, setDirection] = useState<Direction>('outbound');
  const [when, setWhen] = useState(() => toLocalDateTimeInput(new Date()));
  // Logging what you did is the moment to settle the agreed next step: offered, never assumed.
  const openStep = contact.nextStep && contact.nextStepDoneAt === null ? contact.nextStep : null;
  const [stepDone, setStepDone] = useState(false);
  const { saving, error, save } = useSaveAction(async () => {
    const occurredAt = fromLocalDateTimeInput(when);
    await api['interactions.add']({
      contactId: contact.id,
      channel,
      direction,
      summary,
      outcome,
      ...(occurredAt ? { occurredAt } : {}),
      ...(openStep && stepDone ? { nextStepDone: true } : {}),
    });
    notifyChanged('interactions', 'contacts', ...(stepDone ? (['followups'] as const) : []));
    onDone();
  });

  return (
    <KeyboardForm
      className="log-form card"
      label="Log interaction"
      onSave={() => void save()}
      onCancel={onDone}
    >
      <Field label="What happened?" error={fieldMessage(error, 'summary', 'Summary')}>
        {(props) => (
          <textarea
            {...props}
            className="textarea log-summary"
            rows={2}
            placeholder={`e.g. Sent ${contact.displayName.split(' ')[0]} the article we talked about`}
            value={summary}
            // biome-ignore lint/a11y/noAutofocus: pressing L asks for exactly this field
            autoFocus
            onChange={(e) => setSummary(e.target.value)}
            onKeyDown={(e) => {
              // Enter saves from the summary; Shift+Enter still makes a new line.
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && !isSubmitChord(e)) {
                e.preventDefault();
                void save();
              }
            }}
          />
        )}
      </Field>
      <div className="log-form-row">
        <ChannelField label="Channel" value={channel} onChange={setChannel} />
        <fieldset className="field log-direction">
          <legend className="field-label">Who reached out</legend>
          <div className="segmented">
            {(['outbound', 'inbound'] as const).map((d) => (
              <label key={d}>
                <input
                  type="radio"
                  name="direction"
                  value={d}
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                />
                {DIRECTION_LABELS[d]}
              </label>
            ))}
          </div>
        </fieldset>
        <InputField
          label="When"
          error={fieldMessage(error, 'occurredAt', 'When')}
          type="datetime-local"
          value={when}
          onChange={setWhen}
        />
      </div>
      <InputField
        label="Outcome"
        optional
        error={fieldMessage(error, 'outcome', 'Outcome')}
        placeholder="e.g. They’ll intro me to their CTO"
        value={outcome}
        onChange={setOutcome}
        autoComplete="off"
      />
      {openStep ? (
        <label className="switch log-next-step">
          <input type="checkbox" checked={stepDone} onChange={(e) => setStepDone(e.target.checked)} />
          <span>
            This did the agreed next step: <q>{openStep}</q>. Mark it done.
          </span>
        </label>
      ) : null}
      {error ? <ErrorBanner title="Not logged" text={describeUnclaimed(error, FIELD_PATHS)} /> : null}
      <div className="log-form-actions">
        <span className="log-form-hint">
          <Kbd subtle>Enter</Kbd> or <Kbd subtle>{MOD_LABEL}</Kbd>
          <Kbd subtle>Enter</Kbd> to save · <Kbd subtle>Esc</Kbd> to cancel
        </span>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" busy={saving}>
          Log interaction
        </Button>
      </div>
    </KeyboardForm>
  );
}
