import { useId, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { ComposeChannel, ComposeTemplate, TemplateProblem } from '../../../shared/domain/compose.ts';
import type { Purpose } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { describeUnclaimed, fieldMessage, toApiError } from '../api/errors.ts';
import { MOD_LABEL } from '../app/keys.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { KeyboardForm } from '../ui/KeyboardForm.tsx';
import { PlaceholderHelp } from './PlaceholderHelp.tsx';
import { TemplatePreviewPane } from './TemplatePreviewPane.tsx';
import { problemText, TEMPLATE_CHANNELS, TEMPLATE_PURPOSES, templateChannelLabel } from './templateLabels.ts';
import { useTemplatePreview } from './useTemplatePreview.ts';

export interface TemplateFields {
  name: string;
  purpose: Purpose;
  channel: ComposeChannel;
  /** E-mail only; kept while another channel is picked, so switching back does not lose it. */
  subject: string;
  body: string;
}

export interface EditorStart {
  /** The user template being changed; absent for a new one (or a built-in one's copy). */
  id?: string;
  title: string;
  fields: TemplateFields;
}

/** The issues a save refusal names per part ("line 3: unknown placeholder …"), as problems. */
function refusedProblems(error: ApiError | undefined): TemplateProblem[] {
  return (error?.issues ?? []).flatMap((issue) => {
    if (issue.path !== 'body' && issue.path !== 'subject') return [];
    const match = /^line (\d+): (.*)$/.exec(issue.message);
    if (!match) return [];
    return [{ part: issue.path, line: Number(match[1]), message: match[2] ?? issue.message }];
  });
}

/** The [start, end) of a 1-based line in the text, to select it. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end === -1 ? text.length : end];
}

/**
 * A user template in the making: the fields on the left, the message as it reads for a real
 * person on the right, asked again as the user types. Problems (an unknown placeholder, an
 * unclosed section) are listed under the body with their line, read with it, and each selects
 * its line; Save says why it cannot save until they are fixed.
 */
export function TemplateEditor({
  start,
  onClose,
  onSaved,
}: {
  start: EditorStart;
  onClose: () => void;
  onSaved: (template: ComposeTemplate, created: boolean) => void;
}) {
  const api = useApi();
  const [fields, setFields] = useState<TemplateFields>(start.fields);
  const [contactId, setContactId] = useState<number>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const ids = { problems: useId(), reason: useId() };
  const isEmail = fields.channel === 'email';
  const subject = isEmail ? fields.subject : null;

  const preview = useTemplatePreview({
    subject,
    body: fields.body,
    purpose: fields.purpose,
    channel: fields.channel,
    contactId,
  });
  // The last answer's problems stay while a newer one is on its way (no flicker as keys are
  // typed); a save refused before the preview caught up says its own.
  const found = preview.preview?.problems ?? [];
  const problems = found.length === 0 && error ? refusedProblems(error) : found;
  const bodyProblems = problems.filter((p) => p.part === 'body');
  const subjectProblems = problems.filter((p) => p.part === 'subject');

  // A refusal is about the text it was given: an edit retires it, and the check of the new text
  // says what is left (else a fixed typo stayed shown, and Save refused, until the next save).
  const set = <K extends keyof TemplateFields>(key: K, value: TemplateFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setError(undefined);
  };
  const dirty = (Object.keys(fields) as (keyof TemplateFields)[]).some((k) => fields[k] !== start.fields[k]);
  const requestClose = () => (dirty ? setConfirmingDiscard(true) : onClose());

  const reason = !fields.name.trim()
    ? 'Name the template to save it.'
    : !fields.body.trim()
      ? 'Write the body to save it.'
      : problems.length === 1
        ? `Fix the problem ${problems[0]?.part === 'subject' ? 'in the subject' : `on line ${problems[0]?.line}`} to save.`
        : problems.length > 1
          ? `Fix the ${problems.length} problems to save.`
          : null;

  const showLine = (problem: TemplateProblem) => {
    if (problem.part === 'subject') return subjectRef.current?.focus();
    const field = bodyRef.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(...lineRange(field.value, problem.line));
  };

  const insert = (text: string) => {
    const field = bodyRef.current;
    const at = field ? [field.selectionStart, field.selectionEnd] : [fields.body.length, fields.body.length];
    const [from = 0, to = from] = at;
    const next = fields.body.slice(0, from) + text + fields.body.slice(to);
    set('body', next);
    // After React has put the new text in, the caret goes after what was inserted.
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(from + text.length, from + text.length);
    });
  };

  // While a newer check is on its way, the problems shown are the last answer's, which the keys
  // typed since may have fixed: Ctrl+Enter saves, and main's own check on saving refuses (and
  // names the line) if a problem is still there. The button keeps showing the last answer.
  const onlyStaleProblems = preview.stale && fields.name.trim() !== '' && fields.body.trim() !== '';
  const save = async () => {
    if ((reason && !onlyStaleProblems) || saving) return;
    setSaving(true);
    setError(undefined);
    const input = {
      name: fields.name,
      purpose: fields.purpose,
      channel: fields.channel,
      subject: isEmail && fields.subject.trim() ? fields.subject : null,
      body: fields.body,
    };
    try {
      const saved = start.id
        ? await api['templates.update']({ id: start.id, ...input })
        : await api['templates.add'](input);
      onSaved(saved, !start.id);
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={start.title}
      description="Used alongside the built-in variants for its purpose and channel, never twice in a row for one person."
      onClose={requestClose}
      className="template-editor-dialog"
      footer={
        <>
          {reason ? (
            <span id={ids.reason} className="dialog-footer-hint template-save-reason" role="status">
              {reason}
            </span>
          ) : (
            <span className="dialog-footer-hint">
              <Kbd subtle>{MOD_LABEL}</Kbd>
              <Kbd subtle>Enter</Kbd> save
            </span>
          )}
          <Button onClick={requestClose}>Cancel</Button>
          <Button
            variant="primary"
            busy={saving}
            disabled={reason !== null}
            aria-describedby={reason ? ids.reason : undefined}
            onClick={() => void save()}
          >
            Save template
          </Button>
        </>
      }
    >
      <KeyboardForm className="template-editor" label="Template" onSave={() => void save()}>
        <div className="template-editor-fields">
          <Field label="Name" error={fieldMessage(error, 'name', 'The name')}>
            {(props) => (
              <input
                {...props}
                className="input"
                data-autofocus
                autoComplete="off"
                placeholder="Warm thanks, with a time"
                value={fields.name}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </Field>
          <div className="template-editor-pair">
            <Field label="Purpose">
              {(props) => (
                <select
                  {...props}
                  className="select"
                  value={fields.purpose}
                  onChange={(e) => set('purpose', e.target.value as Purpose)}
                >
                  {TEMPLATE_PURPOSES.map((p) => (
                    <option key={p} value={p}>
                      {purposeLabel(p)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Channel">
              {(props) => (
                <select
                  {...props}
                  className="select"
                  value={fields.channel}
                  onChange={(e) => set('channel', e.target.value as ComposeChannel)}
                >
                  {TEMPLATE_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {templateChannelLabel(c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {isEmail ? (
            <Field
              label="Subject"
              optional
              error={
                subjectProblems.map(problemText).join(' ') || fieldMessage(error, 'subject', 'The subject')
              }
              hint="Left empty, the e-mail goes without one."
            >
              {(props) => (
                <input
                  {...props}
                  ref={subjectRef}
                  className="input mono-field"
                  autoComplete="off"
                  spellCheck={false}
                  value={fields.subject}
                  onChange={(e) => set('subject', e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <Field label="Body" hint="Placeholders in double braces, such as {{first_name}}.">
            {(props) => (
              <>
                <textarea
                  {...props}
                  ref={bodyRef}
                  className="textarea template-body"
                  rows={12}
                  spellCheck={false}
                  aria-invalid={bodyProblems.length ? true : undefined}
                  aria-describedby={[bodyProblems.length ? ids.problems : null, props['aria-describedby']]
                    .filter(Boolean)
                    .join(' ')}
                  value={fields.body}
                  onChange={(e) => set('body', e.target.value)}
                />
                {/* Described-by reads this text; a label on the list would be read instead of it. */}
                <div id={ids.problems} aria-live="polite">
                  {bodyProblems.length ? (
                    <ul className="template-problems">
                      {bodyProblems.map((p) => (
                        <li key={`${p.line}:${p.message}`}>
                          <button type="button" className="template-problem" onClick={() => showLine(p)}>
                            {problemText(p)}
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </>
            )}
          </Field>
          <PlaceholderHelp onInsert={insert} />
          {error && refusedProblems(error).length === 0 ? (
            <ErrorBanner title="Not saved" text={describeUnclaimed(error, ['name', 'subject', 'body'])} />
          ) : null}
        </div>
        <TemplatePreviewPane
          state={preview}
          isEmail={isEmail}
          hasProblems={problems.length > 0}
          onContact={setContactId}
        />
      </KeyboardForm>
      {confirmingDiscard ? (
        <ConfirmDialog
          title="Discard your changes?"
          confirmLabel="Discard"
          onClose={() => setConfirmingDiscard(false)}
          onConfirm={async () => onClose()}
        >
          <p>
            {fields.name.trim() ? <strong>{fields.name.trim()}</strong> : 'This template'} has changes that
            are not saved. Keep editing, or discard them.
          </p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
