import type { Caps } from '../../shared/settings.ts';
import { dayFromNumber, dayNumber, isWorkingDay, type LocalDay } from '../time/local-day.ts';

/**
 * Caps against over-following-up, checked on the local days of outbound touches to one person
 * (logged outbound interactions and open steps): a minimum gap between two touches, and a
 * maximum in any 30 days.
 */
export function capViolations(day: LocalDay, touches: readonly LocalDay[], caps: Caps): string[] {
  return violationsAt(dayNumber(day), touches.map(dayNumber), caps);
}

function violationsAt(d: number, touches: readonly number[], caps: Caps): string[] {
  const problems: string[] = [];
  const closest = touches.reduce((min, t) => Math.min(min, Math.abs(t - d)), Number.POSITIVE_INFINITY);
  if (closest < caps.minGapDays) {
    problems.push(
      closest === 0
        ? 'another follow-up to this person falls on the same day'
        : `only ${closest} day${closest === 1 ? '' : 's'} after another follow-up (minimum gap ${caps.minGapDays})`,
    );
  }
  // Every 30-day window that contains `d` must hold at most maxPer30Days touches with it.
  const near = touches.filter((t) => Math.abs(t - d) <= 29);
  for (let start = d - 29; start <= d; start++) {
    const inWindow = near.filter((t) => t >= start && t <= start + 29).length + 1;
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
  const numbers = touches.map(dayNumber);
  const first = dayNumber(day);
  for (let d = first; d < first + horizonDays; d++) {
    const candidate = dayFromNumber(d);
    if (isWorkingDay(candidate, workingDays) && violationsAt(d, numbers, caps).length === 0) return candidate;
  }
  return null;
}
