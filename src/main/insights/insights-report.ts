import type {
  FollowThroughWeek,
  InsightsQuery,
  InsightsReport,
  ReplyRate,
  ReplyRates,
} from '../../shared/domain/insights.ts';
import { BASELINE_EVER_FOLLOWED_UP, REPLY_DIMENSIONS, SMALL_SAMPLE } from '../../shared/domain/insights.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import {
  cycleFigures,
  followThrough,
  networkFigures,
  promiseFigures,
  replyFigures,
  unreviewedImports,
} from '../store/insights-store.ts';
import { insightsParams } from './insights-params.ts';

const share = (n: number, of: number) => Math.round((n / of) * 1000) / 1000;

function rate(sent: number, replied: number): ReplyRate {
  const small = sent < SMALL_SAMPLE;
  return { sent, replied, rate: small ? null : share(replied, sent), small };
}

/** The report behind `insights` and the Insights screen; the period ends today unless `to` says. */
export function insightsReport(deps: HandlerDeps, q: InsightsQuery): InsightsReport {
  const b = insightsParams(deps, q);
  const ft = followThrough(deps.db, b);
  const weeks: FollowThroughWeek[] = ft.weeks.map((w) => {
    const small = w.met < SMALL_SAMPLE;
    return {
      ...w,
      within48hShare: small ? null : share(w.within48h, w.met),
      everShare: small ? null : share(w.ever, w.met),
      small,
    };
  });
  const replyRate = Object.fromEntries(REPLY_DIMENSIONS.map((d) => [d, {}])) as ReplyRates;
  const byDimension = new Map<string, Record<string, ReplyRate>>(Object.entries(replyRate));
  let replyTime: InsightsReport['replyTime'] = { replied: 0, medianHours: null };
  for (const row of replyFigures(deps.db, b)) {
    if (row.dim === 'median') replyTime = { replied: row.sent, medianHours: row.replied };
    else {
      const into = byDimension.get(row.dim);
      if (into) into[row.key] = rate(row.sent, row.replied);
    }
  }
  const cycles = cycleFigures(deps.db, b);
  return {
    period: { from: b.from, to: b.to, timeZone: b.zone },
    filters: { tag: b.tag, eventId: b.eventId },
    followThrough: ft.totals,
    trend: { baseline: BASELINE_EVER_FOLLOWED_UP, weeks },
    replyRate,
    replyTime,
    cycles: cycles.endings,
    cycleTouches: cycles.touches,
    promises: promiseFigures(deps.db, b),
    network: networkFigures(deps.db, b),
    excluded: { unreviewedImports: unreviewedImports(deps.db, b) },
  };
}
