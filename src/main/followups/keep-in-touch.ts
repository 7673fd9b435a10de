import { plainText } from '../../shared/format/dated-text.ts';
import type { FollowUpProfile } from '../store/contacts-store.ts';
import {
  closeStep,
  endCycle,
  insertCycle,
  lastSkippedCheckIn,
  moveStep,
  openStepsOfContact,
} from '../store/followups-store.ts';
import { addDays, atLocalHour, localDayOfIso, onOrAfterWorkingDay } from '../time/local-day.ts';
import { firstDayWithinCaps } from './caps.ts';
import type { EngineContext } from './engine-context.ts';
import { catchUpDay } from './spread.ts';
import { planStep, touchDays } from './step-planner.ts';

/**
 * Keeps exactly one open check-in for a contact with a cadence, due one cadence after the last
 * interaction of any kind (so calls and meetings reset it too), and none without a cadence.
 */
export function planKeepInTouch(ctx: EngineContext, profile: FollowUpProfile): void {
  const open = openStepsOfContact(ctx.db, profile.id).filter((s) => s.purpose === 'check_in');
  const cadence =
    ctx.settings.playbooks.keepInTouch.enabled && !profile.archived && !profile.imported
      ? profile.cadenceDays
      : null;
  if (!cadence) {
    for (const step of open) {
      closeStep(ctx.db, step.id, 'cancelled', ctx.nowIso, {
        cancelReason: plainText('Keep-in-touch is off for this person.'),
      });
      endCycle(ctx.db, step.cycleId, 'cancelled', ctx.nowIso);
    }
    return;
  }
  const lastDay = baseDay(ctx, profile);
  const due = addDays(lastDay, cadence);
  const [current, ...extra] = open;
  for (const step of extra) {
    closeStep(ctx.db, step.id, 'cancelled', ctx.nowIso, {
      cancelReason: plainText('Duplicate check-in removed.'),
    });
    endCycle(ctx.db, step.cycleId, 'cancelled', ctx.nowIso);
  }
  if (current) {
    if (current.manual) return;
    // A rhythm already overdue is caught up (see catchUpDay); a check-in already placed on a
    // coming day stays there, or every re-plan of this person would move it again.
    const target = due >= ctx.today ? due : current.dueOn >= ctx.today ? current.dueOn : catchUpDay(ctx);
    const earliest = onOrAfterWorkingDay(target, ctx.settings.workingDays);
    const day =
      firstDayWithinCaps(
        earliest,
        touchDays(ctx, profile.id, current.id),
        ctx.settings.caps,
        ctx.settings.workingDays,
      ) ?? earliest;
    if (day !== current.dueOn) {
      moveStep(
        ctx.db,
        current.id,
        {
          dueOn: day,
          dueAt: atLocalHour(day, ctx.settings.followUpHour, ctx.timeZone).toISOString(),
          manual: false,
          snoozed: false,
          capWarning: null,
        },
        ctx.nowIso,
      );
    }
    return;
  }
  const cycleId = insertCycle(ctx.db, {
    contactId: profile.id,
    playbook: 'keep_in_touch',
    startedAt: ctx.nowIso,
  });
  const outcome = planStep(ctx, {
    cycleId,
    profile,
    purpose: 'check_in',
    from: due >= ctx.today ? due : catchUpDay(ctx),
    facts: { cadenceDays: cadence, lastInTouchDay: lastDay },
  });
  if (outcome.stepId === null) endCycle(ctx.db, cycleId, 'cancelled', ctx.nowIso);
}

/** The day the cadence counts from: the last interaction or skipped check-in, else meeting them. */
function baseDay(ctx: EngineContext, profile: FollowUpProfile): string {
  const touched = [profile.lastInteractionAt, lastSkippedCheckIn(ctx.db, profile.id)]
    .filter((iso): iso is string => iso !== null)
    .map((iso) => localDayOfIso(iso, ctx.timeZone));
  if (touched.length) return touched.sort().at(-1)!;
  return profile.metOn ?? localDayOfIso(profile.createdAt, ctx.timeZone);
}
