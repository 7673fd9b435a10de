import type { FollowUp, Playbook } from '../../shared/domain/followup.ts';
import type { Channel } from '../../shared/domain/interaction.ts';
import { dated, day as onDay } from '../../shared/format/dated-text.ts';
import { type FollowUpProfile, setNoResponseSince } from '../store/contacts-store.ts';
import {
  activeCycles,
  closeStep,
  endCycle,
  followedUpSince,
  getCycle,
  insertCycle,
  openStepsOfContact,
  openStepsOfCycle,
  setCycleDeadline,
} from '../store/followups-store.ts';
import { addDays, atLocalHour, daysBetween, type LocalDay, localDayOfIso } from '../time/local-day.ts';
import type { EngineContext } from './engine-context.ts';
import { pacedDays } from './pacing.ts';
import { OPENS_NO_REPLY_CHAIN, PURPOSE_RULES, REPLY_ENDS } from './purposes.ts';
import { catchUpDay } from './spread.ts';
import { type PlanOutcome, type PlanRequest, planStep } from './step-planner.ts';

/** Starts a cycle and plans its first step; a cycle whose step cannot be planned ends at once. */
function startCycle(
  ctx: EngineContext,
  profile: FollowUpProfile,
  playbook: Playbook,
  step: Omit<PlanRequest, 'cycleId' | 'profile'>,
  extra: { meetingAt?: string; note?: string | null } = {},
): PlanOutcome {
  const cycleId = insertCycle(ctx.db, { contactId: profile.id, playbook, startedAt: ctx.nowIso, ...extra });
  return planOrEnd(ctx, cycleId, planStep(ctx, { cycleId, profile, ...step }));
}

/**
 * Captured someone: a refresher if recent, a re-engagement step if met long ago. Both only if
 * the timeline shows no follow-up since the meeting: someone written to or spoken with since
 * was followed up, whatever the date says. Re-engagements are spread like other catch-ups.
 */
export function startAfterCapture(ctx: EngineContext, profile: FollowUpProfile): PlanOutcome | null {
  const { playbooks } = ctx.settings;
  if (!profile.metOn || profile.metOn > ctx.today) return null;
  if (followedUpSince(ctx.db, profile.id, profile.metOn)) return null;
  if (daysBetween(profile.metOn, ctx.today) > playbooks.reengage.afterDays) {
    if (!playbooks.reengage.enabled) return null;
    return startCycle(ctx, profile, 'reengage', { purpose: 'reengage', from: catchUpDay(ctx) });
  }
  if (!playbooks.met.enabled) return null;
  return startCycle(ctx, profile, 'met', {
    purpose: 'refresher',
    from: profile.metOn,
    delayDays: playbooks.met.delayDays,
    channel: profile.preferredChannel ?? playbooks.met.channel,
  });
}

/** A message went out with no cycle watching it: wait a week for a reply, then nudge once. */
export function startNoReply(
  ctx: EngineContext,
  profile: FollowUpProfile,
  sentDay: LocalDay,
): PlanOutcome | null {
  const { noReply } = ctx.settings.playbooks;
  if (!noReply.enabled) return null;
  return startCycle(ctx, profile, 'no_reply', {
    purpose: 'second',
    from: sentDay,
    delayDays: noReply.secondAfterDays,
    facts: { previousDay: sentDay },
  });
}

export function arrangeMeeting(
  ctx: EngineContext,
  profile: FollowUpProfile,
  meetingAt: Date,
  note: string | null,
): PlanOutcome {
  const { meeting } = ctx.settings.playbooks;
  const meetingDay = localDayOfIso(meetingAt.toISOString(), ctx.timeZone);
  const confirmDay = addDays(meetingDay, -meeting.confirmDaysBefore);
  // Arranged the day before (or later): the arrangement itself was the confirmation. The
  // meeting is still recorded, as a cycle that is already complete.
  if (!meeting.enabled || confirmDay <= ctx.today) {
    const cycleId = insertCycle(ctx.db, {
      contactId: profile.id,
      playbook: 'meeting',
      startedAt: ctx.nowIso,
      meetingAt: meetingAt.toISOString(),
      note,
    });
    endCycle(ctx.db, cycleId, 'completed', ctx.nowIso);
    return {
      stepId: null,
      reason: meeting.enabled
        ? 'The meeting is too close for a separate confirmation: arranging it was the confirmation.'
        : 'Meeting confirmations are switched off in Settings.',
    };
  }
  return startCycle(
    ctx,
    profile,
    'meeting',
    {
      purpose: 'confirmation',
      from: confirmDay,
      fixed: true,
      facts: { meetingAt: meetingAt.toISOString() },
      contextExtra: note,
    },
    { meetingAt: meetingAt.toISOString(), note },
  );
}

export function thank(ctx: EngineContext, profile: FollowUpProfile, note: string | null): PlanOutcome {
  const { helped } = ctx.settings.playbooks;
  if (!helped.enabled) return { stepId: null, reason: 'Thank-you prompts are switched off in Settings.' };
  return startCycle(
    ctx,
    profile,
    'helped',
    {
      purpose: 'thank_you',
      from: ctx.today,
      delayDays: helped.delayDays,
      facts: { note },
      contextExtra: note,
    },
    { note },
  );
}

/** Mine remind me on the due day; theirs prompt a polite nudge a little after it. */
export function planPromise(
  ctx: EngineContext,
  profile: FollowUpProfile,
  promise: { id: number; direction: 'mine' | 'theirs'; text: string; dueOn: LocalDay },
): PlanOutcome | null {
  const { promises } = ctx.settings.playbooks;
  if (!promises.enabled) return null;
  const mine = promise.direction === 'mine';
  return startCycle(ctx, profile, 'promise', {
    purpose: mine ? 'promise_mine' : 'promise_theirs',
    from: promise.dueOn,
    delayDays: mine ? 0 : promises.nudgeAfterDays,
    fixed: mine,
    facts: { promiseText: promise.text, promiseDue: promise.dueOn },
    contextExtra: mine ? `You promised: ${promise.text}` : `They promised: ${promise.text}`,
    promiseId: promise.id,
  });
}

/**
 * What happens after a step is done. The first message of a cycle opens the no-reply chain
 * (a second note a week later); the second note sets the deadline after which the cycle ends
 * "no response"; everything else completes its cycle.
 */
export function advanceAfterDone(
  ctx: EngineContext,
  step: FollowUp,
  profile: FollowUpProfile,
  doneDay: LocalDay,
): PlanOutcome | null {
  const cycle = getCycle(ctx.db, step.cycleId);
  if (cycle?.status !== 'active') return null;
  const { noReply } = ctx.settings.playbooks;
  if (OPENS_NO_REPLY_CHAIN.has(step.purpose) && noReply.enabled) {
    return planOrEnd(
      ctx,
      cycle.id,
      planStep(ctx, {
        cycleId: cycle.id,
        profile,
        purpose: 'second',
        from: doneDay,
        delayDays: noReply.secondAfterDays,
        facts: { previousDay: doneDay },
      }),
    );
  }
  if (step.purpose === 'second' && noReply.enabled) {
    const waitDays = pacedDays(
      noReply.endAfterDays,
      { pacing: profile.pacing ?? ctx.settings.defaultPacing, urgent: false },
      3,
    );
    const deadline = atLocalHour(
      addDays(doneDay, Math.max(3, waitDays)),
      ctx.settings.followUpHour,
      ctx.timeZone,
    );
    setCycleDeadline(ctx.db, cycle.id, deadline.toISOString());
    return null;
  }
  if (openStepsOfCycle(ctx.db, cycle.id).length === 0) endCycle(ctx.db, cycle.id, 'completed', ctx.nowIso);
  return null;
}

/**
 * They replied, or we spoke: the nudges of the cycles waiting for an answer are cancelled (the
 * reason stays on the timeline) and those cycles end as "replied".
 */
export function cancelNudgesOnReply(
  ctx: EngineContext,
  profile: FollowUpProfile,
  when: string,
  channel: Channel,
): number {
  const day = localDayOfIso(when, ctx.timeZone);
  const words =
    channel === 'call' || channel === 'meeting' || channel === 'in_person' ? 'You spoke' : 'They replied';
  let cancelled = 0;
  for (const cycle of activeCycles(ctx.db, profile.id)) {
    if (!REPLY_ENDS.has(cycle.playbook) && cycle.playbook !== 'promise') continue;
    const open = openStepsOfCycle(ctx.db, cycle.id).filter((s) => PURPOSE_RULES[s.purpose].cancelledByReply);
    for (const step of open) {
      closeStep(ctx.db, step.id, 'cancelled', ctx.nowIso, {
        cancelReason: dated`${words} on ${onDay(day)}.`,
      });
      cancelled++;
    }
    if (REPLY_ENDS.has(cycle.playbook)) endCycle(ctx.db, cycle.id, 'replied', ctx.nowIso);
    else if (openStepsOfCycle(ctx.db, cycle.id).length === 0)
      endCycle(ctx.db, cycle.id, 'completed', ctx.nowIso);
  }
  setNoResponseSince(ctx.db, profile.id, null);
  return cancelled;
}

/** Cycles whose last wait ran out end "no response"; a gentle long-term check-in may follow. */
export function endExpiredWaits(
  ctx: EngineContext,
  cycle: { id: number; contactId: number; playbook: string },
  profile: FollowUpProfile,
): void {
  endCycle(ctx.db, cycle.id, 'no_response', ctx.nowIso);
  setNoResponseSince(ctx.db, profile.id, ctx.today);
  const { longTermCheckInDays } = ctx.settings.playbooks.noReply;
  // One long-term check-in per silence: a long-term cycle that also goes unanswered ends the chain.
  if (longTermCheckInDays > 0 && cycle.playbook !== 'long_term' && !profile.archived) {
    startCycle(ctx, profile, 'long_term', {
      purpose: 'long_term',
      from: ctx.today,
      delayDays: longTermCheckInDays,
      facts: { endedDay: ctx.today },
    });
  }
}

/** A cycle whose only step could not be planned ends at once: cycles never linger empty. */
function planOrEnd(ctx: EngineContext, cycleId: number, outcome: PlanOutcome): PlanOutcome {
  if (outcome.stepId === null && openStepsOfCycle(ctx.db, cycleId).length === 0) {
    const cycle = getCycle(ctx.db, cycleId);
    if (cycle?.status === 'active' && !cycle.endsAt) endCycle(ctx.db, cycleId, 'cancelled', ctx.nowIso);
  }
  return outcome;
}

/** Open nudge steps of a contact that an outbound message could be the answer to. */
export function openOutboundStep(ctx: EngineContext, contactId: number) {
  return openStepsOfContact(ctx.db, contactId).find((s) =>
    ['refresher', 'second', 'reengage', 'long_term', 'manual', 'check_in'].includes(s.purpose),
  );
}
