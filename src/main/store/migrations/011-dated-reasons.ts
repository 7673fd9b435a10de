import type Database from 'better-sqlite3';
import type { Migration } from './runner.ts';

/**
 * Reasons keep their days marked instead of written (shared/format/dated-text.ts), so each
 * reader writes them in its own locale: `followups.reason` and `cancel_reason` and
 * `undo_actions.summary` held "8 Oct" in English, written when the step was planned.
 *
 * Every such text is escaped ("{" becomes "{{"), then the days the app wrote into it, each in
 * a place its wording fixes, become marks. The old words had no year, so it is found from
 * what the text was about where that is known (the day the contact was met, the promise's due
 * day, the meeting's moment), else from when it was written: the latest such day on or before
 * it (a reply, a last contact, an ended cycle), or the nearest (a day a step was moved to).
 * A text whose wording does not match (edited by hand) is only escaped: it reads as it did.
 */
export const migration011: Migration = {
  version: 11,
  name: 'reasons with their days marked, written in the reader’s locale',
  up(db) {
    markReasons(db);
    markCancelReasons(db);
    markUndoSummaries(db);
  },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MONTH = `(\\d{1,2}) (${MONTHS.join('|')})`;

const escapeBraces = (text: string) => text.replaceAll('{', '{{');
const mark = (day: string) => `{d:${day}}`;

/** The ISO day "8 Oct" is in `year`, or null when that day does not exist (29 Feb). */
function inYear(dayOfMonth: string, month: string, year: number): string | null {
  const m = MONTHS.indexOf(month);
  const d = Number(dayOfMonth);
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, m, d);
  if (date.getUTCMonth() !== m || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The latest "8 Oct" on or before `ref` (a YYYY-MM-DD day). */
function latestOnOrBefore(dayOfMonth: string, month: string, ref: string): string | null {
  const year = Number(ref.slice(0, 4));
  for (let y = year; y > year - 8; y--) {
    const day = inYear(dayOfMonth, month, y);
    if (day && day <= ref) return day;
  }
  return null;
}

/** The "8 Oct" nearest to `ref`. */
function nearest(dayOfMonth: string, month: string, ref: string): string | null {
  const at = Date.parse(`${ref}T00:00:00Z`);
  const year = Number(ref.slice(0, 4));
  let best: string | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const day = inYear(dayOfMonth, month, y);
    if (day && (best === null || Math.abs(Date.parse(day) - at) < Math.abs(Date.parse(best) - at)))
      best = day;
  }
  return best;
}

/** `known` when it is that "8 Oct", else what `guess` finds. */
function matching(dayOfMonth: string, month: string, known: string | null, guess: () => string | null) {
  if (known && inYear(dayOfMonth, month, Number(known.slice(0, 4))) === known.slice(0, 10))
    return known.slice(0, 10);
  return guess();
}

interface ReasonRow {
  id: number;
  purpose: string;
  reason: string;
  createdAt: string;
  dueOn: string;
  metOn: string | null;
  meetingAt: string | null;
  promiseDue: string | null;
}

/** Each purpose's day, where its wording put it (followups/reasons.ts as it was). */
const DAYS_IN_REASONS: ReadonlyMap<
  string,
  { pattern: RegExp; day: (r: ReasonRow, d: string, m: string) => string | null }
> = new Map([
  ...['refresher', 'reengage'].map(
    (purpose) =>
      [
        purpose,
        {
          pattern: new RegExp(
            `^(You met (?:at .* )?on )${DAY_MONTH}(?=\\. A short thank-you| and never followed up\\.)`,
            's',
          ),
          day: (r: ReasonRow, d: string, m: string) =>
            matching(d, m, r.metOn, () => latestOnOrBefore(d, m, r.createdAt.slice(0, 10))),
        },
      ] as const,
  ),
  [
    'second',
    {
      pattern: new RegExp(`^(No reply to your message of )${DAY_MONTH}(?=\\. A brief second note)`),
      day: (r, d, m) => latestOnOrBefore(d, m, r.createdAt.slice(0, 10)),
    },
  ],
  [
    'check_in',
    {
      pattern: new RegExp(`(; last in touch on )${DAY_MONTH}(?=\\.$)`),
      day: (r, d, m) => latestOnOrBefore(d, m, r.createdAt.slice(0, 10)),
    },
  ],
  [
    'long_term',
    {
      pattern: new RegExp(`^(Your last follow-ups went unanswered \\(cycle ended )${DAY_MONTH}(?=\\)\\. )`),
      day: (r, d, m) => latestOnOrBefore(d, m, r.createdAt.slice(0, 10)),
    },
  ],
  ...['promise_mine', 'promise_theirs'].map(
    (purpose) =>
      [
        purpose,
        {
          pattern: new RegExp(`( \\(due )${DAY_MONTH}(?=\\)\\.(?: A polite nudge\\.)?$)`, 's'),
          day: (r: ReasonRow, d: string, m: string) =>
            matching(d, m, r.promiseDue, () => nearest(d, m, r.dueOn)),
        },
      ] as const,
  ),
]);

const MEETING = /^Meeting (.+?)(?=\. Confirm the day before)/s;

function markReasons(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT f.id, f.purpose, f.reason, f.created_at AS createdAt, f.due_on AS dueOn, c.met_on AS metOn,
         cy.meeting_at AS meetingAt, p.due_on AS promiseDue
       FROM followups f JOIN contacts c ON c.id = f.contact_id JOIN cycles cy ON cy.id = f.cycle_id
       LEFT JOIN promises p ON p.id = f.promise_id`,
    )
    .all() as ReasonRow[];
  const update = db.prepare('UPDATE followups SET reason = ? WHERE id = ?');
  for (const row of rows) {
    let text = escapeBraces(row.reason);
    const days = DAYS_IN_REASONS.get(row.purpose);
    if (days) {
      text = text.replace(days.pattern, (all, before: string, d: string, m: string) => {
        const day = days.day(row, d, m);
        return day ? `${before}${mark(day)}` : all;
      });
    } else if (row.purpose === 'confirmation' && row.meetingAt) {
      const at = new Date(row.meetingAt).toISOString();
      text = text.replace(MEETING, `Meeting {t:${at}}`);
    }
    if (text !== row.reason) update.run(text, row.id);
  }
}

const REPLIED = new RegExp(`^((?:They replied|You spoke) on )${DAY_MONTH}(?=\\.$)`);

function markCancelReasons(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT id, cancel_reason AS reason, coalesce(completed_at, updated_at) AS at FROM followups
       WHERE cancel_reason IS NOT NULL`,
    )
    .all() as { id: number; reason: string; at: string }[];
  const update = db.prepare('UPDATE followups SET cancel_reason = ? WHERE id = ?');
  for (const row of rows) {
    // The reply's local day is at most a day past the UTC day the step was closed on.
    const ref = new Date(Date.parse(row.at) + 86_400_000).toISOString().slice(0, 10);
    const text = escapeBraces(row.reason).replace(REPLIED, (all, before: string, d: string, m: string) => {
      const day = latestOnOrBefore(d, m, ref);
      return day ? `${before}${mark(day)}` : all;
    });
    if (text !== row.reason) update.run(text, row.id);
  }
}

const MOVED = new RegExp(`^(Moved: .* to )${DAY_MONTH}$`, 's');

function markUndoSummaries(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT u.id, u.summary, u.recorded_at AS recordedAt, f.due_on AS dueOn
       FROM undo_actions u LEFT JOIN followups f ON f.id = u.followup_id`,
    )
    .all() as { id: number; summary: string; recordedAt: string; dueOn: string | null }[];
  const update = db.prepare('UPDATE undo_actions SET summary = ? WHERE id = ?');
  for (const row of rows) {
    const text = escapeBraces(row.summary).replace(MOVED, (all, before: string, d: string, m: string) => {
      const day = matching(d, m, row.dueOn, () => nearest(d, m, row.recordedAt.slice(0, 10)));
      return day ? `${before}${mark(day)}` : all;
    });
    if (text !== row.summary) update.run(text, row.id);
  }
}
