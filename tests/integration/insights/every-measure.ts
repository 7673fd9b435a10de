import type { InsightsMeasure, InsightsReport } from '../../../src/shared/domain/insights.ts';
import {
  CYCLE_REPORT_ENDINGS,
  MINE_STATES,
  REPLY_DIMENSIONS,
  THEIRS_STATES,
  TOUCH_BUCKETS,
} from '../../../src/shared/domain/insights.ts';

/** Every number and bar of a report, with the measure key that clicks through to its people. */
export function everyMeasure(r: InsightsReport): { measure: InsightsMeasure; count: number }[] {
  const out: { measure: InsightsMeasure; count: number }[] = [];
  const ft = r.followThrough;
  for (const bucket of ['met', 'within24h', 'within48h', 'within7d', 'never'] as const)
    out.push({ measure: { measure: 'followThrough', bucket }, count: ft[bucket] });
  for (const w of r.trend.weeks)
    for (const bucket of ['met', 'within48h', 'ever'] as const)
      out.push({ measure: { measure: 'trend', week: w.week, bucket }, count: w[bucket] });
  for (const by of REPLY_DIMENSIONS)
    for (const [key, rate] of Object.entries(r.replyRate[by]))
      for (const outcome of ['sent', 'replied'] as const)
        out.push({ measure: { measure: 'replyRate', by, key, outcome }, count: rate[outcome] });
  out.push({ measure: { measure: 'replyTime' }, count: r.replyTime.replied });
  for (const ending of CYCLE_REPORT_ENDINGS)
    out.push({ measure: { measure: 'cycles', ending }, count: r.cycles[ending] });
  for (const touches of TOUCH_BUCKETS)
    out.push({ measure: { measure: 'cycleTouches', touches }, count: r.cycleTouches[touches] });
  for (const state of MINE_STATES)
    out.push({ measure: { measure: 'myPromises', state }, count: r.promises.mine[state] });
  for (const state of THEIRS_STATES)
    out.push({ measure: { measure: 'theirPromises', state }, count: r.promises.theirs[state] });
  out.push({ measure: { measure: 'goingCold' }, count: r.network.goingCold });
  out.push({ measure: { measure: 'neverFollowedUp' }, count: r.network.neverFollowedUp });
  for (const w of r.network.backlog)
    out.push({ measure: { measure: 'backlog', week: w.week }, count: w.overdue });
  out.push({ measure: { measure: 'unreviewedImports' }, count: r.excluded.unreviewedImports });
  return out;
}
