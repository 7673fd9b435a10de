import type { ComposeChannel, ComposeTemplate } from '../../shared/domain/compose.ts';
import type { Purpose } from '../../shared/domain/followup.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

// ——— user templates ———

const TEMPLATE_COLUMNS = `'user-' || id AS id, purpose, channel, 0 AS builtIn, name, subject, body`;

type TemplateRow = Omit<ComposeTemplate, 'builtIn'> & { builtIn: number };
const asTemplate = (row: TemplateRow): ComposeTemplate => ({ ...row, builtIn: false });

export interface TemplateFields {
  purpose: Purpose;
  channel: ComposeChannel;
  name: string;
  subject: string | null;
  body: string;
}

export function listUserTemplates(db: Db): ComposeTemplate[] {
  return cached<[], TemplateRow>(
    db,
    `SELECT ${TEMPLATE_COLUMNS} FROM compose_templates ORDER BY purpose, channel, id`,
  )
    .all()
    .map(asTemplate);
}

export function getUserTemplate(db: Db, rowId: number): ComposeTemplate | undefined {
  const row = cached<[number], TemplateRow>(
    db,
    `SELECT ${TEMPLATE_COLUMNS} FROM compose_templates WHERE id = ?`,
  ).get(rowId);
  return row ? asTemplate(row) : undefined;
}

export function insertUserTemplate(db: Db, t: TemplateFields, now: string): number {
  return Number(
    cached(
      db,
      `INSERT INTO compose_templates (purpose, channel, name, subject, body, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.purpose, t.channel, t.name, t.subject, t.body, now, now).lastInsertRowid,
  );
}

export function updateUserTemplate(db: Db, rowId: number, t: TemplateFields, now: string): boolean {
  return (
    cached(
      db,
      `UPDATE compose_templates SET purpose = ?, channel = ?, name = ?, subject = ?, body = ?, updated_at = ?
       WHERE id = ?`,
    ).run(t.purpose, t.channel, t.name, t.subject, t.body, now, rowId).changes > 0
  );
}

export function deleteUserTemplate(db: Db, rowId: number): boolean {
  return cached(db, 'DELETE FROM compose_templates WHERE id = ?').run(rowId).changes > 0;
}

// ——— drafts being edited ———

export interface SavedDraft {
  contactId: number;
  stepId: number | null;
  purpose: Purpose;
  channel: ComposeChannel;
  variant: number;
  subject: string | null;
  body: string;
  updatedAt: string;
}

const DRAFT_COLUMNS = `contact_id AS contactId, followup_id AS stepId, purpose, channel, variant, subject, body,
  updated_at AS updatedAt`;

/** The draft of a step, or the contact's own (no step) when `stepId` is null. */
export function getSavedDraft(
  db: Db,
  key: { contactId: number; stepId: number | null },
): SavedDraft | undefined {
  return key.stepId === null
    ? cached<[number], SavedDraft>(
        db,
        `SELECT ${DRAFT_COLUMNS} FROM compose_drafts WHERE contact_id = ? AND followup_id IS NULL`,
      ).get(key.contactId)
    : cached<[number], SavedDraft>(
        db,
        `SELECT ${DRAFT_COLUMNS} FROM compose_drafts WHERE followup_id = ?`,
      ).get(key.stepId);
}

export function saveDraft(db: Db, d: Omit<SavedDraft, 'updatedAt'>, now: string): void {
  deleteSavedDraft(db, d);
  cached(
    db,
    `INSERT INTO compose_drafts (contact_id, followup_id, purpose, channel, variant, subject, body, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.contactId, d.stepId, d.purpose, d.channel, d.variant, d.subject, d.body, now);
}

export function deleteSavedDraft(db: Db, key: { contactId: number; stepId: number | null }): boolean {
  const info =
    key.stepId === null
      ? cached(db, 'DELETE FROM compose_drafts WHERE contact_id = ? AND followup_id IS NULL').run(
          key.contactId,
        )
      : cached(db, 'DELETE FROM compose_drafts WHERE followup_id = ?').run(key.stepId);
  return info.changes > 0;
}

// ——— what a draft draws on ———

/** The contact's own fields a draft may name (one row; lists come from the queries below). */
export interface ComposeContactRow {
  id: number;
  displayName: string;
  firstName: string | null;
  company: string | null;
  title: string | null;
  timeZone: string | null;
  metOn: string | null;
  metWhere: string | null;
  metEventId: number | null;
  howMet: string | null;
  discussed: string | null;
  interests: string | null;
  nextStep: string | null;
  nextStepDueOn: string | null;
  notes: string | null;
}

export function composeContact(db: Db, id: number): ComposeContactRow | undefined {
  return cached<[number], ComposeContactRow>(
    db,
    `SELECT c.id, c.display_name AS displayName, c.first_name AS firstName, c.company, c.title,
       c.time_zone AS timeZone, c.met_on AS metOn,
       coalesce((SELECT e.name FROM events e WHERE e.id = c.met_event_id), c.met_where) AS metWhere,
       c.met_event_id AS metEventId, c.how_met AS howMet, c.discussed, c.interests,
       CASE WHEN c.next_step_done_at IS NULL AND NOT EXISTS (SELECT 1 FROM promises p
         WHERE p.id = c.next_step_promise_id AND p.status = 'done') THEN c.next_step END AS nextStep,
       c.next_step_due_on AS nextStepDueOn, c.notes
     FROM contacts c WHERE c.id = ?`,
  ).get(id);
}

export function contactAddresses(
  db: Db,
  id: number,
): { emails: string[]; phones: string[]; links: string[] } {
  const pluck = (sql: string) =>
    cached<[number], { v: string }>(db, sql)
      .all(id)
      .map((r) => r.v);
  return {
    emails: pluck('SELECT value AS v FROM contact_emails WHERE contact_id = ? ORDER BY position'),
    phones: pluck('SELECT value AS v FROM contact_phones WHERE contact_id = ? ORDER BY position'),
    links: pluck('SELECT url AS v FROM contact_links WHERE contact_id = ? ORDER BY position'),
  };
}

export function openPromisesOf(
  db: Db,
  contactId: number,
): { direction: 'mine' | 'theirs'; text: string; dueOn: string }[] {
  return cached<[number], { direction: 'mine' | 'theirs'; text: string; dueOn: string }>(
    db,
    `SELECT direction, text, due_on AS dueOn FROM promises WHERE contact_id = ? AND status = 'open'
     ORDER BY due_on, id LIMIT 20`,
  ).all(contactId);
}

/**
 * Messages one way, newest first. 40 covers the 30-day cap at its highest (30 a month) with room,
 * and the near-copy check reads them all.
 */
export function messagesOf(
  db: Db,
  contactId: number,
  direction: 'outbound' | 'inbound',
  limit = 40,
): { at: string; channel: string; summary: string }[] {
  return cached<[number, string, number], { at: string; channel: string; summary: string }>(
    db,
    `SELECT occurred_at AS at, channel, summary FROM interactions
     WHERE contact_id = ? AND direction = ? ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  ).all(contactId, direction, limit);
}

export function lastHeardAt(db: Db, contactId: number): string | null {
  return (
    cached<[number], { at: string | null }>(
      db,
      `SELECT max(occurred_at) AS at FROM interactions WHERE contact_id = ? AND direction = 'inbound'`,
    ).get(contactId)?.at ?? null
  );
}

/** The variant of the newest message sent from a draft, per purpose and channel ("purpose.channel"). */
export function lastVariantsOf(db: Db, contactId: number): Map<string, number> {
  const rows = cached<[number], { key: string; variant: number }>(
    db,
    `SELECT draft_purpose || '.' || channel AS key, draft_variant AS variant FROM interactions
     WHERE contact_id = ? AND draft_variant IS NOT NULL ORDER BY occurred_at, id`,
  ).all(contactId);
  // Oldest first, so the newest of each key is the one left in the map.
  return new Map(rows.map((r) => [r.key, r.variant]));
}

/**
 * Variants other people met at the same event got since `sinceIso` (sent, or drafted and kept),
 * per "purpose.channel": a batch written after one event should not read the same.
 */
export function eventVariantsSince(
  db: Db,
  eventId: number,
  contactId: number,
  sinceIso: string,
): Map<string, number[]> {
  const rows = cached<[number, number, string, number, number, string], { key: string; variant: number }>(
    db,
    `SELECT i.draft_purpose || '.' || i.channel AS key, i.draft_variant AS variant
       FROM interactions i JOIN contacts c ON c.id = i.contact_id
      WHERE c.met_event_id = ? AND c.id <> ? AND i.draft_variant IS NOT NULL AND i.occurred_at >= ?
     UNION ALL
     SELECT d.purpose || '.' || d.channel, d.variant
       FROM compose_drafts d JOIN contacts c ON c.id = d.contact_id
      WHERE c.met_event_id = ? AND c.id <> ? AND d.updated_at >= ?`,
  ).all(eventId, contactId, sinceIso, eventId, contactId, sinceIso);
  const byKey = new Map<string, number[]>();
  for (const { key, variant } of rows) {
    const list = byKey.get(key);
    if (list) list.push(variant);
    else byKey.set(key, [variant]);
  }
  return byKey;
}

/** The step a draft is written for, with its cycle's meeting (a confirmation names it). */
export interface ComposeStepRow {
  id: number;
  contactId: number;
  purpose: Purpose;
  channel: string | null;
  dueAt: string;
  status: string;
  meetingAt: string | null;
  cycleNote: string | null;
  promiseText: string | null;
}

export function composeStep(db: Db, id: number): ComposeStepRow | undefined {
  return cached<[number], ComposeStepRow>(
    db,
    `SELECT f.id, f.contact_id AS contactId, f.purpose, f.channel, f.due_at AS dueAt, f.status,
       cy.meeting_at AS meetingAt, cy.note AS cycleNote, p.text AS promiseText
     FROM followups f JOIN cycles cy ON cy.id = f.cycle_id LEFT JOIN promises p ON p.id = f.promise_id
     WHERE f.id = ?`,
  ).get(id);
}

/** Whom a template preview is written for when the editor names nobody: someone with context to show. */
export function previewContactId(db: Db): number | undefined {
  return cached<[], { id: number }>(
    db,
    `SELECT id FROM contacts WHERE archived_at IS NULL
     ORDER BY (discussed IS NULL) + (met_where IS NULL AND met_event_id IS NULL), display_name COLLATE NOCASE, id LIMIT 1`,
  ).get()?.id;
}
