import type { Db } from './database.ts';
import { cached } from './statements.ts';

/** Filters shared by the calendar's three kinds of item. */
export interface RangeFilter {
  from: string;
  to: string;
  tag: string | null;
  contactId: number | null;
}

const CONTACT_FILTER = `(@contactId IS NULL OR c.id = @contactId)
  AND (@tag IS NULL OR c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = @tag))
  AND c.archived_at IS NULL`;

export interface StepRangeRow {
  id: number;
  contactId: number;
  contactName: string;
  purpose: string;
  status: string;
  dueOn: string;
  dueAt: string;
  reason: string;
  context: string | null;
  sequence: number;
  updatedAt: string;
  createdAt: string;
  emails: string | null;
  links: string | null;
}

/** Follow-up steps on the days [from, to], through the by-day index. */
/** The e-mails and links an exported event's description carries (the calendar view needs none). */
const CONTACT_LINKS = `(SELECT group_concat(value, ' ') FROM contact_emails WHERE contact_id = c.id) AS emails,
       (SELECT group_concat(url, ' ') FROM contact_links WHERE contact_id = c.id) AS links`;

export interface StepRangeOptions {
  /** Done, skipped and cancelled steps too. */
  includeClosed?: boolean;
  limit?: number;
  /** The contact's e-mails and links, for exported descriptions. */
  withLinks?: boolean;
}

export function stepsInRange(
  db: Db,
  f: RangeFilter,
  { includeClosed = false, limit = 20_000, withLinks = false }: StepRangeOptions = {},
): StepRangeRow[] {
  return cached<[RangeFilter & { includeClosed: number; limit: number }], StepRangeRow>(
    db,
    `SELECT f.id, f.contact_id AS contactId, c.display_name AS contactName, f.purpose, f.status, f.due_on AS dueOn,
       f.due_at AS dueAt, f.reason, f.context, f.sequence, f.updated_at AS updatedAt, f.created_at AS createdAt,
       ${withLinks ? CONTACT_LINKS : 'NULL AS emails, NULL AS links'}
     FROM followups f INDEXED BY followups_by_day CROSS JOIN contacts c ON c.id = f.contact_id
     WHERE f.due_on BETWEEN @from AND @to AND (@includeClosed OR f.status IN ('pending', 'snoozed'))
       AND ${CONTACT_FILTER}
     ORDER BY f.due_on, f.due_at, f.id LIMIT @limit`,
  ).all({ ...f, includeClosed: includeClosed ? 1 : 0, limit });
}

export interface MeetingRow {
  cycleId: number;
  contactId: number;
  contactName: string;
  meetingAt: string;
  note: string | null;
}

/** Meetings whose time falls in [fromInstant, toInstant). */
export function meetingsInRange(
  db: Db,
  f: RangeFilter & { fromInstant: string; toInstant: string },
): MeetingRow[] {
  return cached<[typeof f], MeetingRow>(
    db,
    `SELECT cy.id AS cycleId, c.id AS contactId, c.display_name AS contactName, cy.meeting_at AS meetingAt, cy.note
     FROM cycles cy INDEXED BY cycles_by_meeting CROSS JOIN contacts c ON c.id = cy.contact_id
     WHERE cy.meeting_at >= @fromInstant AND cy.meeting_at < @toInstant AND cy.ending IS NOT 'cancelled'
       AND ${CONTACT_FILTER}
     ORDER BY cy.meeting_at`,
  ).all(f);
}

export interface PromiseRangeRow {
  id: number;
  contactId: number;
  contactName: string;
  direction: 'mine' | 'theirs';
  text: string;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
}

export function promisesInRange(db: Db, f: RangeFilter, includeClosed: boolean): PromiseRangeRow[] {
  return cached<[RangeFilter & { includeClosed: number }], PromiseRangeRow>(
    db,
    `SELECT p.id, c.id AS contactId, c.display_name AS contactName, p.direction, p.text, p.due_on AS dueOn, p.status
     FROM promises p INDEXED BY promises_by_due CROSS JOIN contacts c ON c.id = p.contact_id
     WHERE p.due_on BETWEEN @from AND @to AND (@includeClosed OR p.status = 'open') AND ${CONTACT_FILTER}
     ORDER BY p.due_on, p.id`,
  ).all({ ...f, includeClosed: includeClosed ? 1 : 0 });
}
