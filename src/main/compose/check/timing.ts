import type { CheckItem, ComposeChannel } from '../../../shared/domain/compose.ts';
import { addDays, atLocalHour, daysBetween, type LocalDay, localDayOf } from '../../time/local-day.ts';
import { isWorkingTime, nextWorkingMoment, type WorkingWindow } from '../../time/working-window.ts';
import type { ComposeContext } from '../context.ts';
import { dayMonth, weekdayTime } from './format.ts';
import { namesOf } from './names-person.ts';

/**
 * Whether now is a good moment to send: inside the reader's working hours, and within the caps
 * against over-following-up. Advice only: when it is not, the item says why and when would be.
 */

/** Their hours are not known, only their zone: assume an ordinary office week. */
export const THEIR_WORKING_WEEK = { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 18 } as const;

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Reader {
  window: WorkingWindow;
  /** True when the window is in their zone ("their time"); false when it is my own. */
  theirs: boolean;
}

function isKnownZone(zone: string): boolean {
  try {
    isWorkingTime(0, { zone, days: [1], startHour: 0, endHour: 24 });
    return true;
  } catch {
    return false;
  }
}

function readerOf(ctx: ComposeContext): Reader {
  const zone = ctx.contact.timeZone;
  if (zone && isKnownZone(zone)) return { window: { zone, ...THEIR_WORKING_WEEK }, theirs: true };
  return {
    window: {
      zone: ctx.userZone,
      days: ctx.me.workingDays,
      startHour: ctx.me.workingHours.start,
      endHour: ctx.me.workingHours.end,
    },
    theirs: false,
  };
}

/** "Mon–Fri 9:00–18:00", "Mon, Wed, Fri 8:00–12:00". */
function hoursText(w: WorkingWindow): string {
  const days = [...w.days].sort((a, b) => a - b);
  const contiguous = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText = contiguous
    ? `${DAY_NAMES[days[0]!]}–${DAY_NAMES[days[days.length - 1]!]}`
    : days.map((d) => DAY_NAMES[d]).join(', ');
  return `${dayText} ${w.startHour}:00–${w.endHour}:00`;
}

interface CapProblem {
  reason: string;
  /** The first local day (mine) on which this cap is met again. */
  okFrom: LocalDay;
}

/** The caps, on my local days like the planner's (followups/caps.ts), over the messages already sent. */
function capProblems(ctx: ComposeContext): CapProblem[] {
  const zone = ctx.userZone;
  const nowMs = ctx.now.getTime();
  const today = localDayOf(ctx.now, zone);
  const sentDays = ctx.sent
    .map((s) => ({ ms: Date.parse(s.at), at: s.at }))
    .filter((s) => Number.isFinite(s.ms) && s.ms <= nowMs)
    .sort((a, b) => b.ms - a.ms)
    .map((s) => ({ ...s, day: localDayOf(new Date(s.ms), zone) }));
  const problems: CapProblem[] = [];
  const { minGapDays, maxPer30Days } = ctx.me.caps;
  const last = sentDays[0];
  if (last && minGapDays > 0) {
    const gap = daysBetween(last.day, today);
    if (gap < minGapDays) {
      const on = dayMonth(last.ms, zone, ctx.locale);
      problems.push({
        reason:
          gap === 0
            ? `Your message of ${on} went today (minimum gap ${minGapDays} days)`
            : `Only ${gap} day${gap === 1 ? '' : 's'} after your message of ${on} (minimum gap ${minGapDays} days)`,
        okFrom: addDays(last.day, minGapDays),
      });
    }
  }
  // A day is in the same 30-day window as a touch up to 29 days later (as in followups/caps.ts).
  const recent = sentDays.filter((s) => daysBetween(s.day, today) <= 29);
  if (recent.length >= maxPer30Days) {
    const first = namesOf(ctx.contact)[0] ?? ctx.contact.displayName;
    // Sending is fine again once all but maxPer30Days - 1 of them have left the window.
    const pivot = recent[maxPer30Days - 1]!;
    problems.push({
      reason: `Already ${recent.length} message${recent.length === 1 ? '' : 's'} to ${first} in the last 30 days (maximum ${maxPer30Days})`,
      okFrom: addDays(pivot.day, 30),
    });
  }
  return problems;
}

function when(ms: number, ctx: ComposeContext, reader: Reader): string {
  const nowMs = ctx.now.getTime();
  const here = weekdayTime(ms, nowMs, reader.window.zone, ctx.locale);
  if (!reader.theirs) return here;
  const mine =
    reader.window.zone === ctx.userZone ? '' : ` (${weekdayTime(ms, nowMs, ctx.userZone, ctx.locale)} yours)`;
  return `${here} their time${mine}`;
}

export function checkTiming(ctx: ComposeContext, channel: ComposeChannel): CheckItem {
  const reader = readerOf(ctx);
  const nowMs = ctx.now.getTime();
  // A card arrives days later by post: only the caps apply to it.
  const byPost = channel === 'handwritten_note';
  const inHours = byPost || isWorkingTime(nowMs, reader.window);
  const caps = capProblems(ctx);
  const whose = reader.theirs ? 'their' : 'your';

  if (inHours && caps.length === 0) {
    const message = byPost
      ? 'A note goes by post: no working hours to respect, and no cap is broken'
      : `Arrives ${when(nowMs, ctx, reader)}, within ${whose} working hours`;
    return { id: 'timing', ok: true, message, suggestAt: null };
  }

  const reasons = caps.map((c) => c.reason);
  if (!inHours) {
    reasons.unshift(
      `Would arrive ${when(nowMs, ctx, reader)}, outside ${whose} working hours (${hoursText(reader.window)})`,
    );
  }
  const okFrom = caps.reduce<LocalDay | null>(
    (latest, c) => (latest === null || c.okFrom > latest ? c.okFrom : latest),
    null,
  );
  const earliest = okFrom === null ? nowMs : Math.max(nowMs, atLocalHour(okFrom, 0, ctx.userZone).getTime());
  // For a card, any working moment of mine will do to write it; otherwise, their next window.
  const window = byPost
    ? readerOf({ ...ctx, contact: { ...ctx.contact, timeZone: null } }).window
    : reader.window;
  const suggest = nextWorkingMoment(earliest, window);
  const suggestReader = byPost ? { window, theirs: false } : reader;
  return {
    id: 'timing',
    ok: false,
    message: `${reasons.join('; ')}: schedule for ${when(suggest, ctx, suggestReader)}`,
    suggestAt: new Date(suggest).toISOString(),
  };
}
