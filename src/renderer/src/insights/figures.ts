import { CHANNEL_LABELS, type Channel } from '../../../shared/domain/channels.ts';
import type { Pacing, Purpose } from '../../../shared/domain/followup.ts';
import type {
  InsightsMeasure,
  InsightsReport,
  ReplyDimension,
  ReplyRate,
} from '../../../shared/domain/insights.ts';
import { WEEKDAY_KEYS } from '../../../shared/domain/insights-constants.ts';
import { MEASURE_DEFINITIONS, type MeasureKey } from '../../../shared/domain/insights-definitions.ts';
import { PACING_LABELS, purposeLabel } from '../followups/purposes.ts';
import { formatHour, weekdayName } from '../format/dates.ts';

/**
 * One bar or number of the screen: what it counts, out of what, and the `insights.people` key
 * that lists the rows behind it. The bars, their tables and the CSV are all drawn from these.
 */
export interface Figure {
  key: string;
  label: string;
  count: number;
  /** What the count is a share of (people met, messages sent); absent for plain counts. */
  of?: number;
  /** count / of; null when the sample is too small to be a rate. */
  share?: number | null;
  measure: InsightsMeasure;
  /** For reply rates: the rows behind `of` (the messages sent). */
  ofMeasure?: InsightsMeasure;
}

const share = (count: number, of: number) => (of > 0 ? count / of : null);

export const FOLLOW_THROUGH_BUCKETS = [
  ['within24h', 'Within 24 h'],
  ['within48h', 'Within 48 h'],
  ['within7d', 'Within a week'],
  ['never', 'Not yet'],
] as const;

export function followThroughFigures(report: InsightsReport): Figure[] {
  const ft = report.followThrough;
  return FOLLOW_THROUGH_BUCKETS.map(([bucket, label]) => ({
    key: bucket,
    label,
    count: ft[bucket],
    of: ft.met,
    share: share(ft[bucket], ft.met),
    measure: { measure: 'followThrough', bucket },
    ofMeasure: { measure: 'followThrough', bucket: 'met' },
  }));
}

/** Monday first, as the report counts weeks; `weekdayName` takes 0 = Sunday. */
const WEEKDAY_INDEX = new Map<string, number>(WEEKDAY_KEYS.map((k, i) => [k, (i + 1) % 7]));

/** What each dimension's keys are called on the screen; an unknown key shows as it is. */
export function replyKeyLabel(by: ReplyDimension, key: string): string {
  switch (by) {
    case 'channel':
      return CHANNEL_LABELS[key as Channel] ?? key;
    case 'purpose':
      return key === 'unplanned' ? 'Unplanned' : purposeLabel(key as Purpose);
    case 'pacing':
      return PACING_LABELS[key as Pacing] ?? key;
    case 'weekday': {
      const day = WEEKDAY_INDEX.get(key);
      return day === undefined ? key : weekdayName(day);
    }
    case 'hour':
      return /^\d{2}$/.test(key) ? formatHour(Number(key)) : key;
    case 'template': {
      const [purpose = key, variant] = key.split('/');
      return variant
        ? `${purposeLabel(purpose as Purpose)}, variant ${variant}`
        : purposeLabel(purpose as Purpose);
    }
  }
}

/** Weekdays and hours in their own order; the rest most sent first. */
function orderKeys(by: ReplyDimension, rates: Record<string, ReplyRate>): string[] {
  const keys = Object.keys(rates);
  if (by === 'weekday') return WEEKDAY_KEYS.filter((k) => k in rates);
  if (by === 'hour') return keys.sort();
  return keys.sort((a, b) => (rates[b]?.sent ?? 0) - (rates[a]?.sent ?? 0) || a.localeCompare(b));
}

export function replyFigures(report: InsightsReport, by: ReplyDimension): Figure[] {
  const rates = report.replyRate[by] ?? {};
  return orderKeys(by, rates).map((key) => {
    const r = rates[key] as ReplyRate;
    return {
      key,
      label: replyKeyLabel(by, key),
      count: r.replied,
      of: r.sent,
      // The report leaves small samples without a rate: they are counts, never drawn as a bar.
      share: r.small ? null : r.rate,
      measure: { measure: 'replyRate', by, key, outcome: 'replied' },
      ofMeasure: { measure: 'replyRate', by, key, outcome: 'sent' },
    };
  });
}

export const CYCLE_LABELS = new Map<keyof InsightsReport['cycles'], string>([
  ['replied', 'Replied'],
  ['no_response', 'No response'],
  ['completed', 'Completed'],
  ['skipped', 'Skipped'],
  ['cancelled', 'Cancelled'],
  ['active', 'Still active'],
]);

export function cycleFigures(report: InsightsReport): Figure[] {
  return [...CYCLE_LABELS].map(([ending, label]) => ({
    key: ending,
    label,
    count: report.cycles[ending],
    measure: { measure: 'cycles', ending },
  }));
}

export function touchFigures(report: InsightsReport): Figure[] {
  return Object.entries(report.cycleTouches).map(([touches, count]) => ({
    key: touches,
    label: touches === '1' ? '1 touch' : `${touches} touches`,
    count,
    measure: { measure: 'cycleTouches', touches: touches as keyof InsightsReport['cycleTouches'] },
  }));
}

const MY_PROMISE_STATES = [
  ['keptOnTime', 'Kept on time'],
  ['late', 'Kept late'],
  ['open', 'Open'],
] as const;

const THEIR_PROMISE_STATES = [
  ['fulfilled', 'Fulfilled'],
  ['nudged', 'Nudged'],
  ['open', 'Open'],
] as const;

export function promiseFigures(report: InsightsReport): { mine: Figure[]; theirs: Figure[] } {
  const p = report.promises;
  return {
    mine: MY_PROMISE_STATES.map(
      ([state, label]): Figure => ({
        key: state,
        label,
        count: p.mine[state],
        measure: { measure: 'myPromises', state },
      }),
    ),
    theirs: THEIR_PROMISE_STATES.map(
      ([state, label]): Figure => ({
        key: state,
        label,
        count: p.theirs[state],
        measure: { measure: 'theirPromises', state },
      }),
    ),
  };
}

export function networkFigures(report: InsightsReport): Figure[] {
  const n = report.network;
  const latest = n.backlog.at(-1);
  return [
    { key: 'goingCold', label: 'Going cold', count: n.goingCold, measure: { measure: 'goingCold' } },
    {
      key: 'neverFollowedUp',
      label: 'Never followed up',
      count: n.neverFollowedUp,
      measure: { measure: 'neverFollowedUp' },
    },
    ...(latest
      ? [
          {
            key: 'backlog',
            label: 'Overdue now',
            count: latest.overdue,
            measure: { measure: 'backlog', week: latest.week },
          } as Figure,
        ]
      : []),
  ];
}

/** "42%", or null's words. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`;
}

/** Hours as people say them: "5 h", "2.5 days". */
export function formatHours(hours: number | null): string {
  if (hours === null) return '–';
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1).replace(/\.0$/, '') : Math.round(days)} days`;
}

/** A measure's definition in words, shown under "What this means". */
export function definitionOf(key: MeasureKey): string | undefined {
  return MEASURE_DEFINITIONS.get(key)?.definition;
}
