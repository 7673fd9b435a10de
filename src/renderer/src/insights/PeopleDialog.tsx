import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { InsightsMeasure, InsightsPerson, InsightsQuery } from '../../../shared/domain/insights.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { href } from '../app/router.ts';
import { formatDayLong, formatInstant } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';

const PAGE = 100;

export interface PeopleRequest {
  measure: InsightsMeasure;
  title: string;
  count: number;
}

/** What one row is, and what its date says, by measure (as insights.people defines them). */
const MET = { one: 'person', many: 'people', dated: 'the day you met' };
const SENT = { one: 'message', many: 'messages', dated: 'when you sent it' };
const CYCLE = { one: 'cycle', many: 'cycles', dated: 'when it started' };
const PROMISE = { one: 'promise', many: 'promises', dated: 'the day due' };
const ROWS = new Map<InsightsMeasure['measure'], { one: string; many: string; dated: string }>([
  ...(['followThrough', 'trend', 'neverFollowedUp', 'unreviewedImports'] as const).map(
    (m) => [m, MET] as const,
  ),
  ['goingCold', { one: 'person', many: 'people', dated: 'the last word either way' }],
  ['replyRate', SENT],
  ['replyTime', SENT],
  ['cycles', CYCLE],
  ['cycleTouches', CYCLE],
  ['myPromises', PROMISE],
  ['theirPromises', PROMISE],
  ['backlog', { one: 'overdue step', many: 'overdue steps', dated: 'when it was due' }],
]);

function describe(measure: InsightsMeasure, total: number): string {
  const rows = ROWS.get(measure.measure) ?? { one: 'row', many: 'rows', dated: '' };
  return `${plural(total, rows.one, rows.many)}${rows.dated ? `, dated by ${rows.dated}` : ''}`;
}

/** A day ("2026-03-02") or an instant, as the row's date. */
function formatDate(date: string): string {
  return date.length === 10 ? formatDayLong(date) : formatInstant(date);
}

/**
 * The rows behind one number (people, or their messages, cycles, promises, steps: one row
 * each, so the list is as long as the number), each a link to the contact's page.
 */
export function PeopleDialog({
  request,
  query,
  onClose,
}: {
  request: PeopleRequest;
  query: InsightsQuery;
  onClose: () => void;
}) {
  const api = useApi();
  const [people, setPeople] = useState<InsightsPerson[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError>();
  const [offset, setOffset] = useState(0);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api['insights.people']({ ...query, measure: request.measure, offset, limit: PAGE }).then(
      (page) => {
        if (!current) return;
        setPeople((before) => (offset === 0 ? page.people : [...before, ...page.people]));
        setTotal(page.total);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, query, request.measure, offset]);

  return (
    <Dialog
      title={request.title}
      description={total === null ? 'Loading…' : describe(request.measure, total)}
      onClose={onClose}
      size="md"
      className="insight-people-dialog"
    >
      {error ? <ErrorBanner error={error} title="Could not list them" /> : null}
      {people.length > 0 ? (
        <ul className="insight-people" aria-label={request.title} aria-busy={loading}>
          {people.map((p, i) => (
            // A person can be listed twice (two messages sent): the index keeps the rows apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are appended, never reordered
            <li key={`${p.contactId}-${i}`}>
              <a href={href(`/contacts/${p.contactId}`)} className="insight-person">
                <Avatar name={p.name} size={24} />
                <span className="insight-person-name">{p.name || 'Unnamed'}</span>
                {p.date ? <span className="insight-person-date">{formatDate(p.date)}</span> : null}
              </a>
            </li>
          ))}
        </ul>
      ) : !loading && !error ? (
        <p className="muted">Nobody here.</p>
      ) : null}
      {total !== null && people.length < total ? (
        <Button size="sm" busy={loading} onClick={() => setOffset(people.length)}>
          Show more ({total - people.length} left)
        </Button>
      ) : null}
    </Dialog>
  );
}
