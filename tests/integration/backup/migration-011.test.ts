// Upgrading a version-10 database, whose reasons, cancel reasons and undo summaries hold days
// written in English ("8 Oct"): each day becomes a mark with its year, every "{" is escaped,
// and read back in en-GB the texts say what they said (a year added where it was not this year).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeTables } from '../../../src/main/backup/json-backup.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';
import { dumpExistingTables } from '../../../src/main/store/row-snapshot.ts';
import { fromStored, readDated } from '../../../src/shared/format/dated-text.ts';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

const AT = '2026-11-16T08:00:00.000Z';
const BEFORE = MIGRATIONS.findIndex((m) => m.name.startsWith('reasons with their days marked'));

/** Steps as 010 stored them: purpose, reason, and what the step was about. */
const OLD: { purpose: string; reason: string; cycle?: number; promise?: number; cancel?: string }[] = [
  {
    purpose: 'refresher',
    reason:
      'You met at {Web} Summit on 8 Oct. A short thank-you that names what you talked about, while it is fresh.',
  },
  {
    purpose: 'reengage',
    reason:
      'You met on 3 Mar and never followed up. It is never too late: mention where you met and why you are writing now.',
  },
  {
    purpose: 'second',
    reason: 'No reply to your message of 3 Nov. A brief second note that acknowledges the first.',
  },
  { purpose: 'check_in', reason: 'Keep in touch every 90 days; last in touch on 12 Dec.' },
  {
    purpose: 'long_term',
    reason: 'Your last follow-ups went unanswered (cycle ended 29 Feb). A gentle check-in, no pressure.',
  },
  { purpose: 'promise_mine', reason: 'You promised: Intro to {Priya} (due 2 Jan).', promise: 1 },
  {
    purpose: 'confirmation',
    reason:
      'Meeting Thu 19 Nov, 10:00. Confirm the day before: time, place, and that you look forward to it.',
    cycle: 2,
  },
  { purpose: 'manual', reason: 'Ask about {the} pilot', cancel: 'They replied on 14 Nov.' },
  {
    purpose: 'thank_you',
    reason: 'They helped you: {x}. Say thank you within a day, and say what it changed.',
  },
];

function version10Database() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, BEFORE));
  closers.push(() => db.close());
  db.prepare(
    `INSERT INTO contacts (id, display_name, met_on, created_at, updated_at) VALUES (1, 'Ada Lovelace', '2024-03-03', ?, ?)`,
  ).run(AT, AT);
  db.prepare(`INSERT INTO cycles (id, contact_id, playbook, started_at) VALUES (1, 1, 'manual', ?)`).run(AT);
  db.prepare(
    `INSERT INTO cycles (id, contact_id, playbook, started_at, meeting_at) VALUES (2, 1, 'meeting', ?, '2026-11-19T09:00:00.000Z')`,
  ).run(AT);
  db.prepare(
    `INSERT INTO promises (id, contact_id, direction, text, due_on, created_at) VALUES (1, 1, 'mine', 'Intro to {Priya}', '2027-01-02', ?)`,
  ).run(AT);
  const insert = db.prepare(
    `INSERT INTO followups (cycle_id, contact_id, purpose, due_on, due_at, priority, reason, promise_id, status,
       cancel_reason, completed_at, created_at, updated_at)
     VALUES (?, 1, ?, '2026-11-18', '2026-11-18T08:00:00.000Z', 10, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of OLD)
    insert.run(
      s.cycle ?? 1,
      s.purpose,
      s.reason,
      s.promise ?? null,
      s.cancel ? 'cancelled' : 'pending',
      s.cancel ?? null,
      s.cancel ? AT : null,
      AT,
      AT,
    );
  db.prepare(
    `INSERT INTO undo_actions (kind, summary, contact_id, followup_id, recorded_at, row_count, changes)
     VALUES ('reschedule', 'Moved: nudge for {Ada} to 18 Nov', 1, 1, ?, 0, '[]'),
            ('done', 'Done: refresher for {Ada}', 1, 1, ?, 0, '[]')`,
  ).run(AT, AT);
  return db;
}

const gb = (stored: string) =>
  readDated(fromStored(stored), { locale: 'en-GB', today: '2026-11-16', timeZone: 'UTC' });

describe('migration 011 on a version-10 database', () => {
  it('marks every day the app wrote, with its year, and escapes every brace', () => {
    const db = version10Database();
    migrate(db, MIGRATIONS.slice(0, BEFORE + 1));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const reasons = db.prepare('SELECT reason FROM followups ORDER BY id').pluck().all() as string[];
    expect(reasons).toEqual([
      // The contact's own "met on" is 2024-03-03, not 8 Oct: the latest 8 Oct before the step.
      'You met at {{Web} Summit on {d:2026-10-08}. A short thank-you that names what you talked about, while it is fresh.',
      // 3 Mar is the day the contact was met: that year.
      'You met on {d:2024-03-03} and never followed up. It is never too late: mention where you met and why you are writing now.',
      'No reply to your message of {d:2026-11-03}. A brief second note that acknowledges the first.',
      'Keep in touch every 90 days; last in touch on {d:2025-12-12}.',
      'Your last follow-ups went unanswered (cycle ended {d:2024-02-29}). A gentle check-in, no pressure.',
      'You promised: Intro to {{Priya} (due {d:2027-01-02}).',
      'Meeting {t:2026-11-19T09:00:00.000Z}. Confirm the day before: time, place, and that you look forward to it.',
      'Ask about {{the} pilot',
      'They helped you: {{x}. Say thank you within a day, and say what it changed.',
    ]);
    expect(
      db.prepare('SELECT cancel_reason FROM followups WHERE cancel_reason IS NOT NULL').pluck().get(),
    ).toBe('They replied on {d:2026-11-14}.');
    expect(db.prepare('SELECT summary FROM undo_actions ORDER BY id').pluck().all()).toEqual([
      'Moved: nudge for {{Ada} to {d:2026-11-18}',
      'Done: refresher for {{Ada}',
    ]);
  });

  it('reads back as the old words, in en-GB, a year added only outside this year', () => {
    const db = version10Database();
    migrate(db, MIGRATIONS.slice(0, BEFORE + 1));
    const read = (db.prepare('SELECT reason FROM followups ORDER BY id').pluck().all() as string[]).map(gb);
    expect(read[0]).toBe(OLD[0]!.reason);
    expect(read[1]).toBe(OLD[1]!.reason.replace('3 Mar', '3 Mar 2024'));
    expect(read[2]).toBe(OLD[2]!.reason);
    expect(read[3]).toBe(OLD[3]!.reason.replace('12 Dec', '12 Dec 2025'));
    expect(read[4]).toBe(OLD[4]!.reason.replace('29 Feb', '29 Feb 2024'));
    expect(read[5]).toBe(OLD[5]!.reason.replace('2 Jan', '2 Jan 2027'));
    // The meeting as the renderer writes a moment: "at", not Intl's comma.
    expect(read[6]).toBe(OLD[6]!.reason.replace('Thu 19 Nov, 10:00', 'Thu 19 Nov at 09:00'));
    expect(read.slice(7)).toEqual([OLD[7]!.reason, OLD[8]!.reason]);
  });

  it('upgrades a version-10 backup the same way, and the result restores as it is', () => {
    const db = version10Database();
    const tables = dumpExistingTables(db);
    const upgraded = upgradeTables({ schemaVersion: BEFORE, tables });
    expect(upgraded.followups?.map((f) => gb(String(f.reason)))[0]).toBe(OLD[0]!.reason);
    // A backup of the new version is taken as it is: nothing is escaped twice.
    const again = upgradeTables({ schemaVersion: MIGRATIONS.length, tables: upgraded });
    expect(again.followups).toEqual(upgraded.followups);
  });
});
