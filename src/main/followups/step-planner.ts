import type { Purpose } from '../../shared/domain/followup.ts';
import type { Channel } from '../../shared/domain/interaction.ts';
import { clearUrgent, type FollowUpProfile } from '../store/contacts-store.ts';
import { insertStep, outboundTouches } from '../store/followups-store.ts';
import {
  addDays,
  atLocalHour,
  isWorkingDay,
  type LocalDay,
  localDayOfIso,
  onOrAfterWorkingDay,
} from '../time/local-day.ts';
import { capViolations, firstDayWithinCaps } from './caps.ts';
import type { EngineContext } from './engine-context.ts';
import { pacedDays } from './pacing.ts';
import { PURPOSE_RULES } from './purposes.ts';
import { contextFor, type ReasonFacts, reasonFor } from './reasons.ts';

export interface PlanRequest {
  cycleId: number;
  profile: FollowUpProfile;
  purpose: Purpose;
  /** The day to plan from, and the playbook's delay (paced unless the date is fixed or manual). */
  from: LocalDay;
  delayDays?: number;
  /** At least this many days after `from`, after pacing (e.g. "at least 3 days later"). */
  minDays?: number;
  /** Exact-date steps (a confirmation, a promise) are never moved to satisfy a cap. */
  fixed?: boolean;
  /** Chosen by the user: planned as asked, with warnings for any cap it breaks. */
  manual?: boolean;
  channel?: Channel | null;
  facts?: Omit<ReasonFacts, 'profile'>;
  contextExtra?: string | null;
  promiseId?: number | null;
}

export type PlanOutcome =
  | { stepId: number; dueOn: LocalDay; warnings: string[] }
  | { stepId: null; reason: string };

/**
 * Places one step: paces the delay, keeps it on a working day, and keeps automatic steps within
 * the caps against over-following-up (moving them later, or planning nothing if the person is
 * saturated). Manual dates are kept and any broken cap is reported instead.
 */
export function planStep(ctx: EngineContext, req: PlanRequest): PlanOutcome {
  const { settings } = ctx;
  const rule = PURPOSE_RULES[req.purpose];
  const pace = { pacing: req.profile.pacing ?? settings.defaultPacing, urgent: req.profile.urgent };
  const paced = req.fixed || req.manual ? (req.delayDays ?? 0) : pacedDays(req.delayDays ?? 0, pace, 1);
  let day = addDays(req.from, Math.max(paced, req.minDays ?? 0));
  const touches = touchDays(ctx, req.profile.id);
  const warnings: string[] = [];

  if (req.manual) {
    if (!isWorkingDay(day, settings.workingDays)) warnings.push('falls on one of your days off');
    if (rule.nudge) warnings.push(...capViolations(day, touches, settings.caps));
  } else if (req.fixed) {
    // A fixed date that lands on a day off moves to the working day before it, if not past.
    for (let i = 0; i < 7 && !isWorkingDay(day, settings.workingDays); i++) day = addDays(day, -1);
    if (day < ctx.today) day = ctx.today;
    if (rule.nudge) {
      const broken = capViolations(day, touches, settings.caps);
      if (broken.length)
        return { stepId: null, reason: `Not planned, to avoid over-following-up: ${broken[0]}.` };
    }
  } else {
    if (day < ctx.today) day = ctx.today;
    day = onOrAfterWorkingDay(day, settings.workingDays);
    if (rule.nudge) {
      const fitting = firstDayWithinCaps(day, touches, settings.caps, settings.workingDays);
      if (!fitting)
        return {
          stepId: null,
          reason: 'Not planned: this person already has as many follow-ups as the caps allow.',
        };
      day = fitting;
    }
  }

  const stepId = insertStep(
    ctx.db,
    {
      cycleId: req.cycleId,
      contactId: req.profile.id,
      purpose: req.purpose,
      channel: req.channel ?? req.profile.preferredChannel ?? null,
      dueOn: day,
      dueAt: atLocalHour(day, settings.followUpHour, ctx.timeZone).toISOString(),
      manual: req.manual ?? false,
      priority: rule.priority - (req.profile.urgent ? 10 : 0),
      reason: reasonFor(req.purpose, { profile: req.profile, ...req.facts }),
      context: contextFor(req.profile, req.contextExtra),
      capWarning: warnings.length ? warnings.join('; ') : null,
      promiseId: req.promiseId ?? null,
    },
    ctx.nowIso,
  );
  // The urgent flag shortens the next automatic step that has a delay to shorten, then clears.
  if (req.profile.urgent && !req.manual && !req.fixed && (req.delayDays ?? 0) > 0) {
    clearUrgent(ctx.db, req.profile.id);
    req.profile.urgent = false;
  }
  return { stepId, dueOn: day, warnings };
}

/** Local days of this person's outbound touches: logged messages and open nudges. */
export function touchDays(
  ctx: EngineContext,
  contactId: number,
  excludeStepId: number | null = null,
): LocalDay[] {
  const { interactionTimes, stepDays } = outboundTouches(ctx.db, contactId, excludeStepId);
  return [...interactionTimes.map((t) => dayOfTouch(t, ctx.timeZone)), ...stepDays];
}

// A person's past messages are converted to local days on every step planned for them, and a
// time-zone conversion costs far more than the lookup: remembered, per zone, up to a bound.
const touchDaysSeen = new Map<string, LocalDay>();

function dayOfTouch(iso: string, timeZone: string): LocalDay {
  const key = `${timeZone} ${iso}`;
  let day = touchDaysSeen.get(key);
  if (day === undefined) {
    if (touchDaysSeen.size >= 50_000) touchDaysSeen.clear();
    day = localDayOfIso(iso, timeZone);
    touchDaysSeen.set(key, day);
  }
  return day;
}
