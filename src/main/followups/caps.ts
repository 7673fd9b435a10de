import type { Caps } from '../../shared/settings.ts';
import { addDays, daysBetween, isWorkingDay, type LocalDay } from './local-time.ts';

/**
 * Caps against over-following-up, checked on the local days of outbound touches to one person
 * (logged outbound interactions and open steps): a minimum gap between two touches, and a
 * maximum in any 30 days.
 */
export function capViolations(day: LocalDay, touches: readonly LocalDay[], caps: Caps): string[] {
  const problems: string[] = [];
  const closest = touches.reduce(
    (min, t) => Math.min(min, Math.abs(daysBetween(t, day))),
    Number.POSITIVE_INFINITY,
  );
  if (closest < caps.minGapDays) {
    problems.push(
      closest === 0
        ? 'another follow-up to this person falls on the same day'
        : `only ${closest} day${closest === 1 ? '' : 's'} after another follow-up (minimum gap ${caps.minGapDays})`,
    );
  }
  // Every 30-day window that contains `day` must hold at most maxPer30Days touches with it.
  for (let start = -29; start <= 0; start++) {
    const from = addDays(day, start);
    const to = addDays(day, start + 29);
    const inWindow = touches.filter((t) => t >= from && t <= to).length + 1;
    if (inWindow > caps.maxPer30Days) {
      problems.push(`${inWindow} follow-ups to this person within 30 days (maximum ${caps.maxPer30Days})`);
      break;
    }
  }
  return problems;
}

/**
 * The first working day on or after `day` on which an automatic step breaks no cap. Searches a
 * bounded horizon; null means the person is saturated (the caller then plans nothing).
 */
export function firstDayWithinCaps(
  day: LocalDay,
  touches: readonly LocalDay[],
  caps: Caps,
  workingDays: readonly number[],
  horizonDays = 400,
): LocalDay | null {
  let d = day;
  for (let i = 0; i < horizonDays; i++, d = addDays(d, 1)) {
    if (isWorkingDay(d, workingDays) && capViolations(d, touches, caps).length === 0) return d;
  }
  return null;
}
