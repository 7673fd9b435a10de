import { plainText } from '../../shared/format/dated-text.ts';
import { getFollowUpProfile } from '../store/contacts-store.ts';
import {
  closeStep,
  cyclesPastDeadline,
  endCycle,
  openAutomaticSteps,
  openStepsOfCycle,
  setStepDueAt,
  staleOpenSteps,
} from '../store/followups-store.ts';
import { atLocalHour } from '../time/local-day.ts';
import { STALE_AFTER_DAYS } from './budget.ts';
import type { EngineContext } from './engine-context.ts';
import { keepInTouchAfterClose } from './engine-steps.ts';
import { endExpiredWaits } from './playbooks.ts';

/** Ends cycles whose wait ran out and expires stale steps. Cheap: both are indexed lookups. */
export function sweep(ctx: EngineContext): void {
  for (const cycle of cyclesPastDeadline(ctx.db, ctx.nowIso)) {
    const profile = getFollowUpProfile(ctx.db, cycle.contactId);
    if (profile) endExpiredWaits(ctx, cycle, profile);
  }
  const staleBefore = new Date(ctx.now.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();
  for (const step of staleOpenSteps(ctx.db, staleBefore)) {
    closeStep(ctx.db, step.id, 'skipped', ctx.nowIso, {
      cancelReason: plainText(`Expired after ${STALE_AFTER_DAYS} days without action.`),
    });
    if (openStepsOfCycle(ctx.db, step.cycleId).length === 0)
      endCycle(ctx.db, step.cycleId, 'skipped', ctx.nowIso);
    keepInTouchAfterClose(ctx, step.cycleId);
  }
}

/**
 * After a time-zone, clock or follow-up-hour change: every automatic step is due at the
 * follow-up hour of its local day in the zone that applies now. The instant is computed once per
 * distinct day (steps cluster on few days), so re-timing thousands of steps stays cheap.
 */
export function retimeOpenSteps(ctx: EngineContext): number {
  const dueAtOf = new Map<string, string>();
  let moved = 0;
  for (const step of openAutomaticSteps(ctx.db)) {
    let dueAt = dueAtOf.get(step.dueOn);
    if (dueAt === undefined) {
      dueAt = atLocalHour(step.dueOn, ctx.settings.followUpHour, ctx.timeZone).toISOString();
      dueAtOf.set(step.dueOn, dueAt);
    }
    if (dueAt !== step.dueAt) {
      setStepDueAt(ctx.db, step.id, dueAt);
      moved++;
    }
  }
  return moved;
}
