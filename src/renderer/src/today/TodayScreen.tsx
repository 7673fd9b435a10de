import { type ReactNode, useEffect, useState } from 'react';
import type { TodayView } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { useOpenCapture } from '../app/CaptureContext.tsx';
import { href, navigate } from '../app/router.ts';
import { useHotkeys } from '../app/useHotkey.ts';
import { type ComposeTarget, useOpenComposer } from '../compose/ComposerContext.tsx';
import { PromiseLine } from '../followups/PromiseLine.tsx';
import { useFollowUpActions } from '../followups/useFollowUpActions.ts';
import { usePromiseActions } from '../followups/usePromiseActions.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useOnUndone } from '../undo/useUndo.ts';
import { useUndoKeys } from '../undo/useUndoKeys.ts';
import { TodayBacklog } from './TodayBacklog.tsx';
import { useToday } from './TodayContext.tsx';
import { TodayEmpty } from './TodayEmpty.tsx';
import { TodayHeader } from './TodayHeader.tsx';
import { TodayKeys } from './TodayKeys.tsx';
import { TodayNudge } from './TodayNudge.tsx';
import { TodayRowFrame } from './TodayRowFrame.tsx';
import { type StepMode, TodayStep } from './TodayStep.tsx';
import { buildSections, contactIdOf, type SectionId, stepKey, type TodayRow } from './todayRows.ts';
import { useRowFocus } from './useRowFocus.ts';
import './today.css';

/** The start page: what to do now, most urgent first, every action one key away. */
export function TodayScreen({ params }: { params: URLSearchParams }) {
  const today = useToday();
  const view = today.data;
  return (
    <div className="screen today-screen">
      <TodayHeader view={view} />
      <div className="today-body">
        {today.error ? (
          <ErrorBanner error={today.error} title="Could not load today’s follow-ups" onRetry={today.reload} />
        ) : null}
        {view ? <TodayLists view={view} itemParam={params.get('item')} /> : null}
      </div>
    </div>
  );
}

type Mode = { key: string; mode: Exclude<StepMode, null> } | null;

const SECTION_TITLES: Record<SectionId, string> = {
  overdue: 'Overdue',
  dueToday: 'Due today',
  waiting: 'Waiting',
  metRecently: 'Met in the last two days',
  metLongAgo: 'Met, never followed up',
  goingCold: 'Going cold',
  promisesMine: 'You promised',
  promisesTheirs: 'They promised',
  upcoming: 'Next days',
};

function TodayLists({ view, itemParam }: { view: TodayView; itemParam: string | null }) {
  const api = useApi();
  const toast = useToast();
  const openCapture = useOpenCapture();
  const openComposer = useOpenComposer();
  const now = new Date(view.now);
  const actions = useFollowUpActions({ now: () => new Date(view.now) });
  const promiseActions = usePromiseActions();

  // Rows acted on leave at once; the reload that follows brings the truth.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [planning, setPlanning] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh view replaces every guess
  useEffect(() => setHidden(new Set()), [view]);

  const sections = buildSections(view, hidden);
  const rows = [...sections.values()].flat();
  const itemKey = itemParam && /^\d+$/.test(itemParam) ? stepKey(Number(itemParam)) : null;
  const { focused, focusRow, noteFocus, move: moveFocus, successorOf } = useRowFocus(rows, itemKey);
  const move = (delta: number) => {
    setMode(null);
    moveFocus(delta);
  };

  // A reminder clicked while Today is open points at its item; the URL then forgets it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the link changes, not on every render
  useEffect(() => {
    if (!itemKey) return;
    focusRow(itemKey);
    window.history.replaceState(window.history.state, '', '#/today');
  }, [itemKey]);

  /** Takes a row out, keeps the keyboard on the next one, and puts it back if the server refused. */
  const leave = async (row: TodayRow, run: () => Promise<boolean>) => {
    setMode(null);
    setHidden((h) => new Set([...h, row.key]));
    const next = successorOf(row);
    // Keep DOM focus in the list if it was there, so the next key press acts on the next row.
    focusRow(next?.key, Boolean(document.activeElement?.closest('.today-row')));
    if (!(await run())) {
      setHidden((h) => new Set([...h].filter((k) => k !== row.key)));
    }
  };

  const plan = async (row: TodayRow & { kind: 'nudge' }) => {
    setPlanning(row.key);
    try {
      // Going cold already has its overdue check-in: bring that one to today rather than add another.
      const { followUpId } = row.nudge;
      const result =
        followUpId !== undefined
          ? await api['followups.reschedule']({ id: followUpId, dueOn: view.today })
          : await api['followups.schedule']({ contactId: row.nudge.contactId, dueOn: view.today });
      toast({
        tone: 'success',
        message: `Follow-up with ${row.nudge.contactName} planned for today`,
        detail: result.warnings.length ? result.warnings.join('\n') : 'It is now under “Due today”.',
      });
      notifyChanged('followups');
      focusRow(stepKey(result.followUp.id));
    } catch (e) {
      toast({ tone: 'error', message: 'Could not plan the follow-up', detail: toApiError(e).describe() });
    } finally {
      setPlanning(null);
    }
  };

  // z / Ctrl+Z undo the last quick action; the step it brings back gets the focus.
  useUndoKeys();
  useOnUndone(({ followUp }) => {
    if (followUp && (followUp.status === 'pending' || followUp.status === 'snoozed'))
      focusRow(stepKey(followUp.id), false); // the row comes back with the reload
  });

  const promiseDone = (row: TodayRow & { kind: 'promise' }) =>
    leave(row, () => promiseActions.done(row.promise));

  /** What the composer writes for a row: its step, else (met, going cold, a promise) the person. */
  const composeTarget = (row: TodayRow): ComposeTarget => {
    if (row.kind === 'step') return { stepId: row.step.id };
    if (row.kind === 'nudge' && row.nudge.followUpId !== undefined) return { stepId: row.nudge.followUpId };
    return { contactId: contactIdOf(row) };
  };

  const open = (row: TodayRow | undefined) => {
    if (row) navigate(`/contacts/${contactIdOf(row)}`);
  };

  useHotkeys({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    d: () => {
      if (focused?.kind === 'step') setMode({ key: focused.key, mode: 'done' });
      else if (focused?.kind === 'promise') void promiseDone(focused);
    },
    s: () => {
      if (focused?.kind === 'step') setMode({ key: focused.key, mode: 'snooze' });
    },
    x: () => {
      if (focused?.kind === 'step') void leave(focused, () => actions.skip(focused.step));
    },
    p: () => {
      if (focused?.kind === 'nudge') void plan(focused);
    },
    w: () => {
      if (focused) openComposer(composeTarget(focused));
    },
    o: () => open(focused),
    Enter: () => open(focused),
  });

  const renderRow = (row: TodayRow): ReactNode => {
    const isFocused = row === focused;
    const onFocusRow = noteFocus;
    switch (row.kind) {
      case 'step': {
        const rowMode = mode?.key === row.key ? mode.mode : null;
        return (
          <TodayStep
            key={row.key}
            rowKey={row.key}
            step={row.step}
            focused={isFocused}
            mode={rowMode}
            compact={row.section === 'upcoming' || row.section === 'waiting'}
            now={now}
            today={view.today}
            handlers={{
              onFocusRow,
              onModeChange: (next, refocus) => {
                setMode(next ? { key: row.key, mode: next } : null);
                if (!next && refocus) focusRow(row.key);
              },
              onDone: async (input) => {
                let ok = true;
                await leave(row, async () => {
                  ok = await actions.done(row.step, input);
                  return ok;
                });
                return ok;
              },
              onSnooze: (preset) => void leave(row, () => actions.snooze(row.step, preset)),
              onSkip: () => void leave(row, () => actions.skip(row.step)),
              onWrite: () => openComposer({ stepId: row.step.id }),
            }}
          />
        );
      }
      case 'nudge':
        return (
          <TodayNudge
            key={row.key}
            rowKey={row.key}
            nudge={row.nudge}
            kind={row.section === 'goingCold' ? 'cold' : 'met'}
            focused={isFocused}
            today={view.today}
            now={now}
            busy={planning === row.key}
            onFocusRow={onFocusRow}
            onPlan={() => void plan(row)}
          />
        );
      case 'promise':
        return (
          <TodayRowFrame
            key={row.key}
            rowKey={row.key}
            focused={isFocused}
            labelId={`${row.key}-text`}
            className="today-promise"
            onFocusRow={onFocusRow}
          >
            <PromiseLine
              promise={row.promise}
              today={view.today}
              showContact
              actions={
                <Button
                  size="sm"
                  variant="ghost"
                  icon="check"
                  shortcut={isFocused ? 'D' : undefined}
                  aria-label={`Mark done: ${row.promise.text}`}
                  onClick={() => void promiseDone(row)}
                >
                  Done
                </Button>
              }
            />
          </TodayRowFrame>
        );
    }
  };

  const count = (id: SectionId) => sections.get(id)?.length ?? 0;
  const dueNow = count('overdue') + count('dueToday') + count('waiting');
  if (rows.length === 0) {
    return <TodayEmpty today={view.today} onCapture={openCapture} />;
  }

  const section = (
    id: SectionId,
    note?: ReactNode,
    tone?: 'danger',
    more?: { total: number; after: ReactNode },
  ) => {
    const items = sections.get(id) ?? [];
    if (!items.length) return null;
    return (
      <section key={id} className={`today-section today-section-${id}`} aria-labelledby={`today-${id}`}>
        <header className="today-section-head">
          <h2 id={`today-${id}`} className={tone ? `is-${tone}` : undefined}>
            {SECTION_TITLES[id]}
          </h2>
          <span className="today-section-count">{more?.total ?? items.length}</span>
        </header>
        {note ? <p className="today-section-note">{note}</p> : null}
        <ul className="today-list">{items.map(renderRow)}</ul>
        {more?.after}
      </section>
    );
  };

  const promisesOpen = count('promisesMine') + count('promisesTheirs');
  // Waiting lists its first 50 compactly; the count is all of them (less what was just acted on).
  const waitingTotal = view.counts.waiting - (view.waiting.length - count('waiting'));
  const waitingMore = waitingTotal - count('waiting');
  const budgetDone = view.counts.inBudget === 0 && view.counts.doneToday > 0 && view.counts.due > 0;
  return (
    <>
      {dueNow === 0 ? (
        <div className="today-caught-up" role="status">
          <span className="today-caught-up-icon">
            <Icon name="check" />
          </span>
          <div>
            <strong>You are all caught up.</strong>
            <p>Nothing is due right now. Below is what is coming and who could use a note.</p>
          </div>
        </div>
      ) : null}
      {budgetDone ? (
        <div className="today-budget-done" role="status">
          <span className="today-caught-up-icon">
            <Icon name="check" />
          </span>
          <div>
            <strong>Today’s budget is done: {plural(view.counts.doneToday, 'follow-up')}.</strong>
            <p>The rest wait for the coming days, most important first. Do more now if you have time.</p>
          </div>
        </div>
      ) : null}
      <TodayBacklog view={view} />
      {section('overdue', undefined, 'danger')}
      {section('dueToday')}
      {section(
        'waiting',
        <>
          Over today’s budget of {plural(view.stats.dailyBudget, 'follow-up')}, so today stays doable. They
          come first tomorrow, or do them now if you have time.{' '}
          <a href={href('/settings')}>Change the budget</a>
        </>,
        undefined,
        {
          total: waitingTotal,
          after:
            waitingMore > 0 ? (
              <p className="today-more">
                +{waitingMore.toLocaleString()} more waiting, the least important last. Catch up above to give
                them days of their own.
              </p>
            ) : null,
        },
      )}
      {section('metRecently', 'A short refresher now, while the conversation is fresh in both your minds.')}
      {section(
        'metLongAgo',
        'It is never too late. A short note that names where you met and what you talked about still lands well.',
      )}
      {section(
        'goingCold',
        'Quiet for longer than the rhythm you chose. A quick check-in keeps the thread alive.',
      )}
      {promisesOpen ? (
        <section className="today-section" aria-labelledby="today-promises">
          <header className="today-section-head">
            <h2 id="today-promises">Open promises</h2>
            <span className="today-section-count">{promisesOpen}</span>
          </header>
          <div className="today-promises">
            {(['promisesMine', 'promisesTheirs'] as const).map((id) =>
              count(id) ? (
                <div key={id} className="today-promise-group">
                  <h3 id={`today-${id}`} className="eyebrow">
                    {SECTION_TITLES[id]}
                  </h3>
                  <ul className="today-list">{sections.get(id)?.map(renderRow)}</ul>
                </div>
              ) : null,
            )}
          </div>
        </section>
      ) : null}
      {section('upcoming')}
      <TodayKeys />
    </>
  );
}
