import { useState } from 'react';
import type { DetailQuestion } from '../../../shared/domain/compose.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { fieldMessage } from '../api/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useSaveAction } from '../ui/useSaveAction.ts';

/**
 * The draft has nothing specific to say: one question, whose answer goes onto the contact (the
 * field the question names) so this draft and every later one can use it.
 */
export function AskDetail({
  ask,
  contactId,
  onAnswered,
}: {
  ask: DetailQuestion;
  contactId: number;
  onAnswered: (contact: Contact) => Promise<void>;
}) {
  const api = useApi();
  const [answer, setAnswer] = useState('');
  const { saving, error, save } = useSaveAction(async () => {
    const contact = await api['contacts.update']({ id: contactId, patch: { [ask.field]: answer } });
    notifyChanged('contacts');
    await onAnswered(contact);
  });
  const inputId = `composer-ask-${ask.field}`;
  const problem = fieldMessage(error, `patch.${ask.field}`, 'The answer') ?? error?.describe();
  return (
    <form
      className="composer-ask"
      onSubmit={(e) => {
        e.preventDefault();
        if (answer.trim()) void save();
      }}
    >
      <Icon name="sparkle" size={15} />
      <div className="composer-ask-body">
        <label htmlFor={inputId} className="composer-ask-question">
          {ask.question}
        </label>
        <p className="composer-ask-hint" id={`${inputId}-hint`}>
          Without it the message stays generic. Your answer is saved to their contact.
        </p>
        <div className="composer-ask-row">
          <input
            id={inputId}
            className="input input-sm"
            value={answer}
            aria-describedby={`${inputId}-hint`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <Button size="sm" type="submit" busy={saving} disabled={!answer.trim()}>
            Save and redraft
          </Button>
        </div>
        {problem ? <p className="field-error">{problem}</p> : null}
      </div>
    </form>
  );
}
