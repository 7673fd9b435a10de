import type { InsightsMeasure, InsightsPerson } from '../../shared/domain/insights.ts';
import type { Db } from './database.ts';
import {
  BACKLOG,
  type BoundParams,
  CYCLES,
  FIRST_BUCKETS,
  LOCAL_AT,
  MINE_STATE,
  PROMISES,
  REPLY_KEYS,
  THEIRS_STATE,
  TOUCHES_KEY,
  UNITS,
  UNREVIEWED,
  type Unit,
} from './insights-sql.ts';
import { cached } from './statements.ts';

/** The rows behind one number: the unit it counts, and the predicate (with @key bound) that picks them. */
function selection(m: InsightsMeasure): { unit: Unit; where: string; key: string | null } {
  const { MET, SENT, COLD, NEVER } = UNITS;
  switch (m.measure) {
    case 'followThrough':
      return { unit: MET, where: FIRST_BUCKETS.get(m.bucket) as string, key: null };
    case 'trend':
      return { unit: MET, where: `week = @key AND ${FIRST_BUCKETS.get(m.bucket)}`, key: m.week };
    case 'replyRate':
      return {
        unit: SENT,
        where: `${REPLY_KEYS.get(m.by)?.(LOCAL_AT)} = @key${m.outcome === 'replied' ? ' AND reply_at IS NOT NULL' : ''}`,
        key: m.key,
      };
    case 'replyTime':
      return { unit: SENT, where: 'reply_at IS NOT NULL', key: null };
    case 'cycles':
      return { unit: CYCLES, where: 'ending = @key', key: m.ending };
    case 'cycleTouches':
      return { unit: CYCLES, where: `${TOUCHES_KEY} = @key`, key: m.touches };
    case 'myPromises':
      return { unit: PROMISES, where: MINE_STATE.get(m.state) as string, key: null };
    case 'theirPromises':
      return { unit: PROMISES, where: THEIRS_STATE.get(m.state) as string, key: null };
    case 'goingCold':
      return { unit: COLD, where: '1', key: null };
    case 'neverFollowedUp':
      return { unit: NEVER, where: '1', key: null };
    case 'backlog':
      return { unit: BACKLOG, where: 'week = @key', key: m.week };
    case 'unreviewedImports':
      return { unit: UNREVIEWED, where: '1', key: null };
  }
}

type PeopleParams = BoundParams & { key: string | null; limit: number; offset: number };

/** The people behind one figure of the report, oldest date first, and how many there are in all. */
export function insightsPeople(
  db: Db,
  b: BoundParams,
  measure: InsightsMeasure,
  page: { limit: number; offset: number },
): { total: number; people: InsightsPerson[] } {
  const { unit, where, key } = selection(measure);
  const params: PeopleParams = { ...b, key, ...page };
  const rows = cached<[PeopleParams], InsightsPerson & { total: number }>(
    db,
    `WITH ${unit.cte},
    picked AS MATERIALIZED (SELECT contact_id, date, ord FROM ${unit.table} WHERE ${where})
    SELECT p.contact_id AS contactId, c.display_name AS name, p.date, (SELECT count(*) FROM picked) AS total
    FROM picked p JOIN contacts c ON c.id = p.contact_id ORDER BY p.date, p.ord LIMIT @limit OFFSET @offset`,
  ).all(params);
  const total =
    rows[0]?.total ??
    (cached<[PeopleParams], { n: number }>(
      db,
      `WITH ${unit.cte} SELECT count(*) AS n FROM ${unit.table} WHERE ${where}`,
    ).get(params)?.n as number);
  return { total, people: rows.map(({ total: _, ...p }) => p) };
}
