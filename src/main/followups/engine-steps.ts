import type { DoneResult } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { FollowUp, ScheduleResult } from '../../shared/domain/followup.ts';
import type { Channel } from '../../shared/domain/interaction.ts';
import { type FollowUpProfile, getFollowUpProfile } from '../store/contacts-store.ts';
import {
  closeStep,
  endCycle,
  getCycle,
  getStep,
  insertCycle,
  moveStep,
  openStepsOfCycle,
} from '../store/followups-store.ts';
import { getInteraction, insertInteraction } from '../store/interactions-store.ts';
import { setPromiseStatus } from '../store/promises-store.ts';
import {
  addDays,
  atLocalHour,
  isWorkingDay,
  type LocalDay,
  localDayOf,
  onOrAfterWorkingDay,
} from '../time/local-day.ts';
import { capViolations } from './caps.ts';
import type { EngineContext } from './engine-context.ts';
import { planKeepInTouch } from './keep-in-touch.ts';
import { advanceAfterDone } from './playbooks.ts';
import { PURPOSE_RULES } from './purposes.ts';
import { planStep, touchDays } from './step-planner.ts';

export function mustProfile(ctx: EngineContext, contactId: number): FollowUpProfile {
  const profile = getFollowUpProfile(ctx.db, contactId);
  if (!profile) throw new ApiError('not_found', `There is no contact with id ${contactId}.`);
  return profile;
}

export function mustStep(ctx: EngineContext, id: number): FollowUp & { manual: boolean } {
  const step = getStep(ctx.db, id);
  if (!step) throw new ApiError('not_found', `There is no follow-up with id ${id}.`);
  return step;
}

function mustBeOpen(step: FollowUp): void {
  if (step.status !== 'pending' && step.status !== 'snoozed') {
    throw new ApiError('conflict', `This follow-up is already ${step.status}.`);
  }
}

/** Done: logs the outbound interaction, closes the step and advances its cycle. */
export function completeStep(
  ctx: EngineContext,
  input: {
    id: number;
    channel?: Channel | undefined;
    summary?: string | null | undefined;
    at?: string | undefined;
    variant?: number | undefined;
  },
): DoneResult {
  const step = mustStep(ctx, input.id);
  mustBeOpen(step);
  const profile = mustProfile(ctx, step.contactId);
  const when = input.at ? new Date(input.at) : ctx.now;
  const interactionId = insertInteraction(
    ctx.db,
    {
      contactId: step.contactId,
      occurredAt: when.toISOString(),
      channel: input.channel ?? step.channel ?? profile.preferredChannel ?? 'email',
      direction: 'outbound',
      summary: input.summary ?? PURPOSE_RULES[step.purpose].doneSummary,
      outcome: null,
      draft: input.variant === undefined ? undefined : { purpose: step.purpose, variant: input.variant },
    },
    ctx.nowIso,
  );
  closeStep(ctx.db, step.id, 'done', ctx.nowIso, { interactionId });
  if (step.purpose === 'promise_mine' && step.promiseId)
    setPromiseStatus(ctx.db, step.promiseId, 'done', ctx.nowIso);
  const next = advanceAfterDone(ctx, step, profile, localDayOf(when, ctx.timeZone));
  planKeepInTouch(ctx, mustProfile(ctx, step.contactId));
  return {
    followUp: getStep(ctx.db, step.id)!,
    interaction: getInteraction(ctx.db, interactionId)!,
    next: next?.stepId ? (getStep(ctx.db, next.stepId) ?? null) : null,
  };
}

export function skipStep(ctx: EngineContext, id: number): FollowUp {
  const step = mustStep(ctx, id);
  mustBeOpen(step);
  closeStep(ctx.db, id, 'skipped', ctx.nowIso);
  if (openStepsOfCycle(ctx.db, step.cycleId).length === 0)
    endCycle(ctx.db, step.cycleId, 'skipped', ctx.nowIso);
  keepInTouchAfterClose(ctx, step.cycleId);
  return getStep(ctx.db, id)!;
}

/** A closed keep-in-touch cycle is followed by the next check-in, one cadence on. */
export function keepInTouchAfterClose(ctx: EngineContext, cycleId: number): void {
  const cycle = getCycle(ctx.db, cycleId);
  if (cycle?.playbook !== 'keep_in_touch') return;
  const profile = getFollowUpProfile(ctx.db, cycle.contactId);
  if (profile) planKeepInTouch(ctx, profile);
}

export type SnoozeChoice = { preset: '1h' | 'tomorrow' | 'nextWeek' } | { until: string };

export function snoozeStep(ctx: EngineContext, id: number, choice: SnoozeChoice): FollowUp {
  const step = mustStep(ctx, id);
  mustBeOpen(step);
  const until = snoozeUntil(ctx, choice);
  if (until.getTime() <= ctx.now.getTime())
    throw new ApiError('invalid_input', 'Snooze until a moment in the future.');
  moveStep(
    ctx.db,
    id,
    {
      dueOn: localDayOf(until, ctx.timeZone),
      dueAt: until.toISOString(),
      manual: true,
      snoozed: true,
      capWarning: null,
    },
    ctx.nowIso,
  );
  return getStep(ctx.db, id)!;
}

function snoozeUntil(ctx: EngineContext, choice: SnoozeChoice): Date {
  if ('until' in choice) return new Date(choice.until);
  const hour = ctx.settings.followUpHour;
  switch (choice.preset) {
    case '1h':
      return new Date(ctx.now.getTime() + 3_600_000);
    case 'tomorrow':
      return atLocalHour(addDays(ctx.today, 1), hour, ctx.timeZone);
    case 'nextWeek':
      return atLocalHour(
        onOrAfterWorkingDay(addDays(ctx.today, 7), ctx.settings.workingDays),
        hour,
        ctx.timeZone,
      );
  }
}

/** A follow-up the user plans by hand: kept on the chosen day, with any broken cap reported. */
export function scheduleManual(
  ctx: EngineContext,
  input: {
    contactId: number;
    dueOn: LocalDay;
    channel?: Channel | undefined;
    note?: string | null | undefined;
  },
): ScheduleResult {
  const profile = mustProfile(ctx, input.contactId);
  if (input.dueOn < ctx.today)
    throw new ApiError('invalid_input', 'Pick today or a later day.', [
      { path: 'dueOn', message: 'is in the past' },
    ]);
  const cycleId = insertCycle(ctx.db, {
    contactId: profile.id,
    playbook: 'manual',
    startedAt: ctx.nowIso,
    note: input.note ?? null,
  });
  const outcome = planStep(ctx, {
    cycleId,
    profile,
    purpose: 'manual',
    from: input.dueOn,
    manual: true,
    channel: input.channel ?? null,
    facts: { note: input.note },
  });
  if (outcome.stepId === null) throw new ApiError('internal', outcome.reason);
  return { followUp: getStep(ctx.db, outcome.stepId)!, warnings: outcome.warnings };
}

/** Moving a step to another day (the calendar's drag and drop): allowed, caps reported. */
export function rescheduleStep(ctx: EngineContext, input: { id: number; dueOn: LocalDay }): ScheduleResult {
  const step = mustStep(ctx, input.id);
  mustBeOpen(step);
  const warnings: string[] = [];
  if (!isWorkingDay(input.dueOn, ctx.settings.workingDays)) warnings.push('falls on one of your days off');
  if (PURPOSE_RULES[step.purpose].nudge) {
    warnings.push(...capViolations(input.dueOn, touchDays(ctx, step.contactId, step.id), ctx.settings.caps));
  }
  moveStep(
    ctx.db,
    step.id,
    {
      dueOn: input.dueOn,
      dueAt: atLocalHour(input.dueOn, ctx.settings.followUpHour, ctx.timeZone).toISOString(),
      manual: true,
      snoozed: false,
      capWarning: warnings.length ? warnings.join('; ') : null,
    },
    ctx.nowIso,
  );
  return { followUp: getStep(ctx.db, step.id)!, warnings };
}
