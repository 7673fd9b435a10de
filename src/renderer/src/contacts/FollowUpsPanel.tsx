import { useState } from 'react';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { FollowUp } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import type { ApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { ExportIcsDialog } from '../calendar/ExportIcsDialog.tsx';
import { useOpenComposer } from '../compose/ComposerContext.tsx';
import { DoneForm } from '../followups/DoneForm.tsx';
import { purposeLabel } from '../followups/purposes.ts';
import { SnoozeButton } from '../followups/SnoozeButton.tsx';
import { useFollowUpActions } from '../followups/useFollowUpActions.ts';
import {
  formatDated,
  formatDayHeading,
  formatDayOfInstant,
  formatDayShort,
  formatRelativeDay,
  formatWhen,
  todayIsoDate,
} from '../format/dates.ts';
import { sentence } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { InlineEdit } from '../ui/InlineEdit.tsx';
import { useToast } from '../ui/Toast.tsx';
import { ArrangeMeetingDialog, ThankDialog } from './PlaybookDialogs.tsx';
import { ScheduleFollowUpForm } from './ScheduleFollowUpForm.tsx';
import './followups-panel.css';

const OPEN = new Set(['pending', 'snoozed']);

/** Steps still to do; promise reminders are shown with their promise, in the panel below. */
export function openSteps(steps: FollowUp[] | undefined): FollowUp[] {
  return (steps ?? [])
    .filter((s) => OPEN.has(s.status))
    .sort((a, b) => (a.snoozedUntil ?? a.dueAt).localeCompare(b.snoozedUntil ?? b.dueAt));
}

/**
 * The person's planned follow-ups, soonest first, with the same actions as Today, plus the ways
 * to start a cycle by hand: a dated follow-up, a meeting to confirm, a thank-you. What to
 * mention is not repeated here: the follow-up context sits at the top of the same page.
 */
export function FollowUpsPanel({ contact, steps }: { contact: Contact; steps: ApiData<FollowUp[]> }) {
  const api = useApi();
  const toast = useToast();
  const actions = useFollowUpActions();
  const openComposer = useOpenComposer();
  const [scheduling, setScheduling] = useState(false);
  const [dialog, setDialog] = useState<'meeting' | 'thank' | 'export' | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [mode, setMode] = useState<{ id: number; mode: 'done' | 'snooze' } | null>(null);

  const open = openSteps(steps.data).filter((s) => s.promiseId === null);

  const reschedule = async (step: FollowUp, dueOn: string) => {
    const result = await api['followups.reschedule']({ id: step.id, dueOn });
    notifyChanged('followups');
    setWarnings(result.warnings);
    toast({
      tone: 'success',
      message: `${purposeLabel(step.purpose)} moved to ${formatDayHeading(result.followUp.dueOn)}`,
    });
  };

  return (
    <section className="followups-panel card" aria-labelledby="followups-title">
      <header className="followups-head">
        <h2 id="followups-title">Follow-ups</h2>
        <div className="followups-head-actions">
          <Button size="sm" variant="ghost" icon="calendar" onClick={() => setDialog('meeting')}>
            Arrange meeting
          </Button>
          <Button size="sm" variant="ghost" icon="handshake" onClick={() => setDialog('thank')}>
            They helped me
          </Button>
          <Button size="sm" icon="plus" onClick={() => setScheduling(true)} disabled={scheduling}>
            Schedule follow-up
          </Button>
        </div>
      </header>
      {warnings.length ? (
        <div className="banner banner-warning followups-warning" role="status">
          <Icon name="alert" />
          <div className="banner-body">
            <strong>Scheduled, past a limit you set</strong>
            {warnings.map((w) => (
              <p key={w}>{sentence(w)}</p>
            ))}
          </div>
          <Button size="sm" variant="ghost" onClick={() => setWarnings([])}>
            OK
          </Button>
        </div>
      ) : null}
      {scheduling ? (
        <ScheduleFollowUpForm
          contact={contact}
          onCancel={() => setScheduling(false)}
          onScheduled={(result) => {
            setScheduling(false);
            setWarnings(result.warnings);
            toast({
              tone: 'success',
              message: `Follow-up with ${contact.displayName} on ${formatDayHeading(result.followUp.dueOn)}`,
            });
          }}
        />
      ) : null}
      {steps.error ? (
        <ErrorBanner error={steps.error} title="Could not load the follow-ups" onRetry={steps.reload} />
      ) : null}
      {steps.data && open.length === 0 && !scheduling ? (
        <p className="followups-empty">
          {contact.noResponseSince
            ? `No reply since ${formatDayOfInstant(contact.noResponseSince)}. Nothing is planned now; a gentle check-in comes later, if the playbook has one.`
            : 'Nothing planned. Schedule a follow-up, or log an interaction and the playbooks plan the next step.'}
        </p>
      ) : null}
      {open.length ? (
        <ol className="followups-list" aria-label="Planned follow-ups">
          {open.map((step) => {
            const stepMode = mode?.id === step.id ? mode.mode : null;
            return (
              <li key={step.id} className="followup-step">
                <div className="followup-step-main">
                  <div className="followup-step-head">
                    <span className="followup-step-purpose">{purposeLabel(step.purpose)}</span>
                    <span className="followup-step-due">
                      <InlineEdit
                        label={`Due date of the ${purposeLabel(step.purpose).toLowerCase()}`}
                        type="date"
                        value={step.dueOn}
                        placeholder="Pick a day"
                        display={
                          step.status === 'snoozed' && step.snoozedUntil ? (
                            <>Snoozed until {formatWhen(step.snoozedUntil)}</>
                          ) : (
                            <>
                              {formatDayShort(step.dueOn)}{' '}
                              <span className={step.dueOn < todayIsoDate() ? 'followup-step-late' : 'faint'}>
                                · {step.dueOn < todayIsoDate() ? 'overdue since ' : ''}
                                {formatRelativeDay(step.dueOn)}
                              </span>
                            </>
                          )
                        }
                        issuePath="dueOn"
                        onSave={(dueOn) => reschedule(step, dueOn)}
                      />
                    </span>
                  </div>
                  <p className="followup-step-reason">{formatDated(step.reason)}</p>
                  {step.capWarning ? (
                    <p className="followup-step-warning">
                      <Icon name="alert" size={13} /> {sentence(step.capWarning)}
                    </p>
                  ) : null}
                  {stepMode === 'done' ? (
                    <DoneForm
                      purpose={step.purpose}
                      channel={step.channel}
                      onCancel={() => setMode(null)}
                      onSubmit={async (input) => {
                        const ok = await actions.done(step, input);
                        if (ok) setMode(null);
                        return ok;
                      }}
                    />
                  ) : null}
                </div>
                <div className="followup-step-actions">
                  <Button
                    size="sm"
                    icon="pen"
                    aria-label={`Write: ${purposeLabel(step.purpose).toLowerCase()}`}
                    onClick={() => openComposer({ stepId: step.id })}
                  >
                    Write
                  </Button>
                  <Button
                    size="sm"
                    icon="check"
                    aria-label={`Done: ${purposeLabel(step.purpose).toLowerCase()}`}
                    onClick={() => setMode(stepMode === 'done' ? null : { id: step.id, mode: 'done' })}
                  >
                    Done
                  </Button>
                  <SnoozeButton
                    open={stepMode === 'snooze'}
                    onOpenChange={(isOpen) => setMode(isOpen ? { id: step.id, mode: 'snooze' } : null)}
                    onSnooze={(preset) => void actions.snooze(step, preset)}
                  />
                  <Button size="sm" variant="ghost" onClick={() => void actions.skip(step)}>
                    Skip
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      {open.length ? (
        <footer className="followups-foot">
          <a className="followups-foot-link" href={href(`/calendar?contact=${contact.id}`)}>
            <Icon name="calendarDays" size={14} /> Show in calendar
          </a>
          <Button size="sm" variant="ghost" icon="download" onClick={() => setDialog('export')}>
            Export to calendar
          </Button>
        </footer>
      ) : null}
      {dialog === 'export' ? (
        <ExportIcsDialog
          contact={{ id: contact.id, name: contact.displayName }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'meeting' ? (
        <ArrangeMeetingDialog contact={contact} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'thank' ? <ThankDialog contact={contact} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
