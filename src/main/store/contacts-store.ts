import type {
  Contact,
  ContactDraftParsed,
  ContactPage,
  ContactPatchParsed,
  ContactSort,
  ContactSummary,
  TagCount,
} from '../../shared/domain/contact.ts';
import type { Pacing } from '../../shared/domain/followup.ts';
import type { Channel } from '../../shared/domain/interaction.ts';
import type { Db } from './database.ts';
import { RANK_EXPRESSION, reindexContact, removeFromIndex, toMatchExpression } from './search-index.ts';
import { EMPTY, joinSql, type Sql, sql, trusted } from './sql.ts';
import { cached } from './statements.ts';

/** Scalar columns a user can write, and the contact field each one holds. */
const SCALAR_COLUMNS = {
  displayName: 'display_name',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  title: 'title',
  location: 'location',
  timeZone: 'time_zone',
  notes: 'notes',
  metOn: 'met_on',
  metEventId: 'met_event_id',
  metWhere: 'met_where',
  howMet: 'how_met',
  discussed: 'discussed',
  interests: 'interests',
  nextStep: 'next_step',
  nextStepDueOn: 'next_step_due_on',
  preferredChannel: 'preferred_channel',
  pacing: 'pacing',
  urgent: 'urgent',
  cadenceDays: 'cadence_days',
} as const satisfies Partial<Record<keyof ContactDraftParsed, string>>;

type ScalarField = keyof typeof SCALAR_COLUMNS;
const SCALAR_FIELDS = Object.keys(SCALAR_COLUMNS) as ScalarField[];

interface ContactRow {
  id: number;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  time_zone: string | null;
  notes: string | null;
  met_on: string | null;
  met_event_id: number | null;
  met_event_name: string | null;
  met_where: string | null;
  how_met: string | null;
  discussed: string | null;
  interests: string | null;
  next_step: string | null;
  next_step_due_on: string | null;
  next_step_done_at: string | null;
  next_step_promise_id: number | null;
  /** The promise the next step became: its status and when it was kept (joined, see getContacts). */
  next_step_promise_status: string | null;
  next_step_promise_completed_at: string | null;
  preferred_channel: string | null;
  pacing: Pacing | null;
  urgent: number;
  cadence_days: number | null;
  no_response_since: string | null;
  archived_at: string | null;
  review_state: string | null;
  created_at: string;
  updated_at: string;
  last_interaction_at: string | null;
}

/** SQLite has no booleans; an absent urgent flag is 0 (the column is NOT NULL). */
function toSqlValue(field: ScalarField, value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined && field === 'urgent') return 0;
  return value ?? null;
}

/** Bulk writers (seed, import) pass index: false and call reindexAll once at the end. */
export interface WriteOptions {
  index?: boolean;
  /** An import's new contacts wait for review (set on insert: no second pass over 50,000 rows). */
  reviewState?: 'imported';
}

/** Built once: an import inserts 50,000 contacts and the text is the statement cache's key. */
const INSERT_CONTACT = `INSERT INTO contacts (${SCALAR_FIELDS.map((f) => SCALAR_COLUMNS[f]).join(', ')}, created_at, updated_at, review_state)
  VALUES (${SCALAR_FIELDS.map(() => '?').join(', ')}, ?, ?, ?)`;

export function insertContact(
  db: Db,
  draft: ContactDraftParsed,
  now: string,
  options: WriteOptions = {},
): number {
  const values = SCALAR_FIELDS.map((f) => toSqlValue(f, draft[f]));
  const info = cached(db, INSERT_CONTACT).run(...values, now, now, options.reviewState ?? null);
  const id = Number(info.lastInsertRowid);
  writeMultiValued(db, id, draft, true);
  if (options.index !== false) reindexContact(db, id);
  return id;
}

/** `index: false` leaves the search index to the caller (an import re-indexes its merges at once). */
export function updateContact(
  db: Db,
  id: number,
  patch: ContactPatchParsed,
  now: string,
  options: Pick<WriteOptions, 'index'> = {},
): boolean {
  const fields = SCALAR_FIELDS.filter((f) => patch[f] !== undefined);
  const sets = fields.map((f) => `${SCALAR_COLUMNS[f]} = ?`);
  const info = cached(db, `UPDATE contacts SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(
    ...fields.map((f) => toSqlValue(f, patch[f])),
    now,
    id,
  );
  if (info.changes === 0) return false;
  writeMultiValued(db, id, patch);
  if (options.index !== false) reindexContact(db, id);
  return true;
}

/** Replaces each multi-valued field present in the input; absent ones are left alone. */
function writeMultiValued(db: Db, id: number, input: Partial<ContactDraftParsed>, fresh = false): void {
  if (input.emails) {
    replaceEntries(
      db,
      id,
      'contact_emails',
      'value',
      dedupeBy(input.emails, (e) => e.value).map(entry('value')),
      fresh,
    );
  }
  if (input.phones)
    replaceEntries(db, id, 'contact_phones', 'value', input.phones.map(entry('value')), fresh);
  if (input.links) replaceEntries(db, id, 'contact_links', 'url', input.links.map(entry('url')), fresh);
  if (input.tags && !(fresh && input.tags.length === 0)) {
    const previous = fresh
      ? []
      : cached<[number], number>(db, 'SELECT tag_id FROM contact_tags WHERE contact_id = ?').pluck().all(id);
    if (!fresh) cached(db, 'DELETE FROM contact_tags WHERE contact_id = ?').run(id);
    const ensureTag = cached(db, 'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
    const link = cached(
      db,
      'INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) SELECT ?, id FROM tags WHERE name = ?',
    );
    for (const tag of input.tags) {
      ensureTag.run(tag);
      link.run(id, tag);
    }
    pruneTags(db, previous);
  }
}

type EntryTable = 'contact_emails' | 'contact_phones' | 'contact_links';

const entry =
  <K extends string>(key: K) =>
  (e: Record<K, string> & { label?: string | null | undefined }): [string, string | null] => [
    e[key],
    e.label ?? null,
  ];

/** Replaces a contact's ordered (value, label) rows in one of the multi-valued tables. */
function replaceEntries(
  db: Db,
  id: number,
  table: EntryTable,
  column: 'value' | 'url',
  rows: [string, string | null][],
  fresh: boolean,
): void {
  // A contact inserted a moment ago has no rows to replace (bulk imports insert 50,000).
  if (!fresh) cached(db, ENTRY_SQL[table].delete).run(id);
  if (rows.length === 0) return;
  const insert = cached(db, ENTRY_SQL[table][column]);
  for (let position = 0; position < rows.length; position++) {
    const [value, label] = rows[position] as [string, string | null];
    insert.run(id, position, value, label);
  }
}

/** Built once per table: an import runs these 50,000 times and the text is the cache's key. */
const ENTRY_SQL = Object.fromEntries(
  (['contact_emails', 'contact_phones', 'contact_links'] as const).map((table) => [
    table,
    {
      delete: `DELETE FROM ${table} WHERE contact_id = ?`,
      value: `INSERT INTO ${table} (contact_id, position, value, label) VALUES (?, ?, ?, ?)`,
      url: `INSERT INTO ${table} (contact_id, position, url, label) VALUES (?, ?, ?, ?)`,
    },
  ]),
) as Record<EntryTable, { delete: string; value: string; url: string }>;

/** Drops tags nobody uses any more (they would clutter the filter list); checks only `candidates`. */
function pruneTags(db: Db, candidates: readonly number[]): void {
  if (candidates.length === 0) return;
  cached(
    db,
    `DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?))
     AND NOT EXISTS (SELECT 1 FROM contact_tags WHERE tag_id = tags.id)`,
  ).run(JSON.stringify(candidates));
}

function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

export function getContact(db: Db, id: number): Contact | undefined {
  return getContacts(db, [id])[0];
}

/**
 * Whole contacts for these ids, in the given order, in seven queries however many there are
 * (an export of 50,000 contacts one by one took nine seconds in per-contact queries).
 */
export function getContacts(db: Db, ids: readonly number[]): Contact[] {
  if (ids.length === 0) return [];
  const list = JSON.stringify(ids);
  const inIds = 'IN (SELECT value FROM json_each(?))';
  const rows = cached<[string], ContactRow>(
    db,
    `SELECT c.*, e.name AS met_event_name, p.status AS next_step_promise_status,
       p.completed_at AS next_step_promise_completed_at
     FROM contacts c LEFT JOIN events e ON e.id = c.met_event_id
     LEFT JOIN promises p ON p.id = c.next_step_promise_id AND p.contact_id = c.id
     WHERE c.id ${inIds}`,
  ).all(list);
  const byContact = <T>(sql: string): Map<number, T[]> => {
    const grouped = new Map<number, T[]>();
    for (const { contactId, ...item } of cached<[string], { contactId: number }>(db, sql).all(list)) {
      const items = grouped.get(contactId);
      if (items) items.push(item as T);
      else grouped.set(contactId, [item as T]);
    }
    return grouped;
  };
  const entries = (table: string, column: string) =>
    `SELECT contact_id AS contactId, ${column}, label FROM ${table} WHERE contact_id ${inIds} ORDER BY contact_id, position`;
  const emails = byContact<Contact['emails'][number]>(entries('contact_emails', 'value'));
  const phones = byContact<Contact['phones'][number]>(entries('contact_phones', 'value'));
  const links = byContact<Contact['links'][number]>(entries('contact_links', 'url'));
  const sources = byContact<Contact['sources'][number]>(
    `SELECT DISTINCT s.contact_id AS contactId, i.file_name AS fileName, i.format, i.imported_at AS importedAt
     FROM contact_sources s JOIN imports i ON i.id = s.import_id
     WHERE s.contact_id ${inIds} ORDER BY s.contact_id, i.imported_at DESC, i.id DESC`,
  );
  const tags = tagsOf(db, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        displayName: row.display_name,
        firstName: row.first_name,
        lastName: row.last_name,
        emails: emails.get(id) ?? [],
        phones: phones.get(id) ?? [],
        links: links.get(id) ?? [],
        company: row.company,
        title: row.title,
        location: row.location,
        timeZone: row.time_zone,
        tags: tags.get(id) ?? [],
        notes: row.notes,
        metOn: row.met_on,
        metEventId: row.met_event_id,
        metEventName: row.met_event_name,
        metWhere: row.met_where,
        howMet: row.how_met,
        discussed: row.discussed,
        interests: row.interests,
        nextStep: row.next_step,
        ...nextStepState(row),
        preferredChannel: row.preferred_channel as Channel | null,
        pacing: row.pacing,
        urgent: row.urgent === 1,
        cadenceDays: row.cadence_days,
        noResponseSince: row.no_response_since,
        archivedAt: row.archived_at,
        reviewState: row.review_state === 'imported' ? 'imported' : null,
        sources: sources.get(id) ?? [],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        lastInteractionAt: row.last_interaction_at,
      },
    ];
  });
}

/** A next step is done when marked so, or when the promise it became was kept. */
function nextStepState(
  row: ContactRow,
): Pick<Contact, 'nextStepDueOn' | 'nextStepDoneAt' | 'nextStepPromiseId'> {
  const promised = row.next_step_promise_status !== null && row.next_step_promise_status !== 'cancelled';
  return {
    nextStepDueOn: row.next_step_due_on,
    nextStepDoneAt:
      row.next_step_done_at ??
      (row.next_step_promise_status === 'done' ? row.next_step_promise_completed_at : null),
    nextStepPromiseId: promised ? row.next_step_promise_id : null,
  };
}

/** Every contact id, in name order (exports list people as the contacts screen does). */
export function contactIdsByName(db: Db): number[] {
  return cached<[], number>(
    db,
    'SELECT id FROM contacts INDEXED BY contacts_by_name ORDER BY archived_at, display_name COLLATE NOCASE, id',
  )
    .pluck()
    .all();
}

export function setArchived(db: Db, id: number, archivedAt: string | null, now: string): boolean {
  return (
    cached(db, 'UPDATE contacts SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, now, id)
      .changes > 0
  );
}

export function deleteContact(db: Db, id: number): number {
  const tagIds = cached<[number], number>(db, 'SELECT tag_id FROM contact_tags WHERE contact_id = ?')
    .pluck()
    .all(id);
  removeFromIndex(db, id);
  const changes = cached(db, 'DELETE FROM contacts WHERE id = ?').run(id).changes;
  pruneTags(db, tagIds);
  return changes;
}

export function contactExists(db: Db, id: number): boolean {
  return cached(db, 'SELECT 1 FROM contacts WHERE id = ?').get(id) !== undefined;
}

export function listTags(db: Db): TagCount[] {
  return cached(
    db,
    `SELECT t.name, count(ct.contact_id) AS count, t.pacing, t.cadence_days AS cadenceDays FROM tags t
       JOIN contact_tags ct ON ct.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
  ).all() as TagCount[];
}

export interface ListOptions {
  query?: string | undefined;
  sort: ContactSort;
  tag?: string | undefined;
  eventId?: number | undefined;
  status: 'active' | 'archived' | 'all' | 'imported';
  offset: number;
  limit: number;
}

const ORDER_BY: Record<Exclude<ContactSort, 'relevance'>, string> = {
  name: 'c.display_name COLLATE NOCASE, c.id',
  lastInteraction: 'c.last_interaction_at DESC, c.id',
  metOn: 'c.met_on DESC, c.id',
  recentlyAdded: 'c.created_at DESC, c.id DESC',
};

const SUMMARY_COLUMNS = `c.id, c.display_name, c.company, c.title, c.met_on,
  coalesce(e.name, c.met_where) AS met_where, c.last_interaction_at, c.archived_at, c.review_state`;

/** Up to this many matches are ranked precisely (bm25); beyond it a query is "broad". */
const PRECISE_LIMIT = 1500;
/** A broad query keeps this many matches, name matches first. */
const BROAD_CAP = 500;

const FROM_MATCH = trusted('contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid');
const FROM_IDENTITY = trusted('contacts_identity_fts JOIN contacts c ON c.id = contacts_identity_fts.rowid');

export function listContacts(db: Db, options: ListOptions): ContactPage {
  const filters: Sql[] = [];
  if (options.status === 'active') filters.push(sql`c.archived_at IS NULL`);
  if (options.status === 'archived') filters.push(sql`c.archived_at IS NOT NULL`);
  if (options.status === 'imported') filters.push(sql`c.review_state = 'imported'`);
  if (options.eventId !== undefined) filters.push(sql`c.met_event_id = ${options.eventId}`);
  if (options.tag !== undefined) {
    filters.push(
      sql`c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ${options.tag})`,
    );
  }
  if (options.query === undefined || options.query.trim() === '') return browse(db, options, filters);
  const match = toMatchExpression(options.query);
  if (!match) return { total: 0, offset: options.offset, items: [] };
  const matches = cached<[string], number>(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ${PRECISE_LIMIT + 1})`,
  )
    .pluck()
    .get(match)!;
  return matches <= PRECISE_LIMIT
    ? searchPrecisely(db, options, filters, match)
    : searchBroadly(db, options, filters, match);
}

const whereAll = (parts: Sql[]) => (parts.length ? sql` WHERE ${joinSql(parts, ' AND ')}` : EMPTY);
const orderFor = (sort: ContactSort) => trusted(ORDER_BY[sort === 'relevance' ? 'name' : sort]);

/** No query: page through an index that already holds the order (ids first, rows after). */
function browse(db: Db, o: ListOptions, filters: Sql[]): ContactPage {
  const where = whereAll(filters);
  const count = sql`SELECT count(*) FROM contacts c${where}`;
  const page = sql`SELECT c.id FROM contacts c${where} ORDER BY ${orderFor(o.sort)} LIMIT ${o.limit} OFFSET ${o.offset}`;
  return countedPage(db, count, page, o.offset);
}

/** Runs a count and a page-of-ids query and loads the rows of that page. */
function countedPage(db: Db, count: Sql, page: Sql, offset: number): ContactPage {
  const total = cached(db, count.text)
    .pluck()
    .get(...count.params) as number;
  const ids = cached(db, page.text)
    .pluck()
    .all(...page.params) as number[];
  return { total, offset, items: summaries(db, ids) };
}

/** Few enough matches to score them all with bm25 (or sort them as asked). */
function searchPrecisely(db: Db, o: ListOptions, filters: Sql[], match: string): ContactPage {
  const where = whereAll([sql`contacts_fts MATCH ${match}`, ...filters]);
  const order =
    o.sort === 'relevance'
      ? trusted(`${RANK_EXPRESSION}, c.display_name COLLATE NOCASE, c.id`)
      : orderFor(o.sort);
  const count = sql`SELECT count(*) FROM ${FROM_MATCH}${where}`;
  const page = sql`SELECT c.id FROM ${FROM_MATCH}${where} ORDER BY ${order} LIMIT ${o.limit} OFFSET ${o.offset}`;
  return countedPage(db, count, page, o.offset);
}

/**
 * A letter or two can match most of the network, and scoring every match costs tens of
 * milliseconds per keystroke. Instead take matches tier by tier (in the name, then the company,
 * then anywhere), each streamed in index order and stopped at the cap.
 */
function searchBroadly(db: Db, o: ListOptions, filters: Sql[], match: string): ContactPage {
  // Name matches, then company/title matches, from the small identity index; then everything
  // else from the full index, minus what was found. Each query streams and stops at the cap.
  const tiers: Sql[] = [
    sql`SELECT c.id FROM ${FROM_IDENTITY}${whereAll([sql`contacts_identity_fts MATCH ${`{name} : (${match})`}`, ...filters])}`,
    sql`SELECT c.id FROM ${FROM_IDENTITY}${whereAll([sql`contacts_identity_fts MATCH ${`{company} : (${match}) NOT {name} : (${match})`}`, ...filters])}`,
  ];
  let ids: number[] = [];
  for (const tier of [...tiers, null]) {
    const q =
      tier === null
        ? sql`SELECT c.id FROM ${FROM_MATCH}${whereAll([sql`contacts_fts MATCH ${match}`, sql`c.id NOT IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`, ...filters])} LIMIT ${BROAD_CAP - ids.length}`
        : sql`${tier} LIMIT ${BROAD_CAP - ids.length}`;
    ids.push(
      ...(cached(db, q.text)
        .pluck()
        .all(...q.params) as number[]),
    );
    if (ids.length >= BROAD_CAP) break;
  }
  if (o.sort !== 'relevance') {
    const q = sql`SELECT c.id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY ${orderFor(o.sort)}`;
    ids = cached(db, q.text)
      .pluck()
      .all(...q.params) as number[];
  }
  return {
    total: ids.length,
    offset: o.offset,
    items: summaries(db, ids.slice(o.offset, o.offset + o.limit)),
    truncated: true,
  };
}

/** The list rows for these ids, in the given order, in two queries (rows, then their tags). */
export function summaries(db: Db, ids: readonly number[]): ContactSummary[] {
  if (ids.length === 0) return [];
  const rows = cached<[string], SummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM contacts c LEFT JOIN events e ON e.id = c.met_event_id
     WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tags = tagsOf(db, ids);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        displayName: r.display_name,
        company: r.company,
        title: r.title,
        tags: tags.get(r.id) ?? [],
        metOn: r.met_on,
        metWhere: r.met_where,
        lastInteractionAt: r.last_interaction_at,
        archived: r.archived_at !== null,
        imported: r.review_state === 'imported',
      },
    ];
  });
}

interface SummaryRow {
  id: number;
  display_name: string;
  company: string | null;
  title: string | null;
  met_on: string | null;
  met_where: string | null;
  last_interaction_at: string | null;
  archived_at: string | null;
  review_state: string | null;
}

/** Tags of many contacts in one query (json_each binds the id list as a single parameter). */
function tagsOf(db: Db, ids: readonly number[]): Map<number, string[]> {
  const result = new Map<number, string[]>();
  if (ids.length === 0) return result;
  const rows = cached(
    db,
    `SELECT ct.contact_id AS id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.contact_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
  ).all(JSON.stringify(ids)) as { id: number; name: string }[];
  for (const row of rows) {
    const list = result.get(row.id);
    if (list) list.push(row.name);
    else result.set(row.id, [row.name]);
  }
  return result;
}

/** Pacing and keep-in-touch cadence per tag (a contact's own setting wins over its tags'). */
export function updateTagSettings(
  db: Db,
  name: string,
  settings: { pacing?: Pacing | null | undefined; cadenceDays?: number | null | undefined },
): TagCount | undefined {
  const tag = cached<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(name);
  if (!tag) return undefined;
  if (settings.pacing !== undefined)
    cached(db, 'UPDATE tags SET pacing = ? WHERE id = ?').run(settings.pacing, tag.id);
  if (settings.cadenceDays !== undefined) {
    cached(db, 'UPDATE tags SET cadence_days = ? WHERE id = ?').run(settings.cadenceDays, tag.id);
  }
  return listTags(db).find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** What the follow-up engine needs to know about a contact, with tag settings resolved. */
export interface FollowUpProfile {
  id: number;
  displayName: string;
  company: string | null;
  timeZone: string | null;
  metOn: string | null;
  metWhere: string | null;
  discussed: string | null;
  nextStep: string | null;
  preferredChannel: Channel | null;
  /** The contact's pacing, else the first tag's (by name), else null (settings decide). */
  pacing: Pacing | null;
  urgent: boolean;
  /** The contact's cadence, else the shortest of its tags', else null. */
  cadenceDays: number | null;
  lastInteractionAt: string | null;
  createdAt: string;
  archived: boolean;
  /** Brought in by an import and not reviewed yet: no automatic follow-ups until then. */
  imported: boolean;
}

export function getFollowUpProfile(db: Db, id: number): FollowUpProfile | undefined {
  // The event's name comes from a scalar subquery: as a LEFT JOIN beside the correlated
  // subqueries, SQLite 3.54 ran this lookup ten times slower (150 µs, not 15), on every engine step.
  const row = cached<
    [number],
    Omit<FollowUpProfile, 'urgent' | 'archived' | 'imported'> & {
      urgent: number;
      archived: number;
      imported: number;
    }
  >(
    db,
    `SELECT c.id, c.display_name AS displayName, c.company, c.time_zone AS timeZone, c.met_on AS metOn,
       coalesce((SELECT e.name FROM events e WHERE e.id = c.met_event_id), c.met_where) AS metWhere, c.discussed,
       CASE WHEN c.next_step_done_at IS NULL AND NOT EXISTS (SELECT 1 FROM promises p
         WHERE p.id = c.next_step_promise_id AND p.status = 'done') THEN c.next_step END AS nextStep,
       c.preferred_channel AS preferredChannel,
       coalesce(c.pacing, (SELECT t.pacing FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                           WHERE ct.contact_id = c.id AND t.pacing IS NOT NULL ORDER BY t.name LIMIT 1)) AS pacing,
       c.urgent,
       coalesce(c.cadence_days, (SELECT min(t.cadence_days) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                                 WHERE ct.contact_id = c.id)) AS cadenceDays,
       c.last_interaction_at AS lastInteractionAt, c.created_at AS createdAt, c.archived_at IS NOT NULL AS archived,
       c.review_state IS NOT NULL AS imported
     FROM contacts c WHERE c.id = ?`,
  ).get(id);
  return row
    ? { ...row, urgent: row.urgent === 1, archived: row.archived === 1, imported: row.imported === 1 }
    : undefined;
}

export function clearUrgent(db: Db, id: number): void {
  cached(db, 'UPDATE contacts SET urgent = 0 WHERE id = ?').run(id);
}

export function setNoResponseSince(db: Db, id: number, since: string | null): void {
  cached(db, 'UPDATE contacts SET no_response_since = ? WHERE id = ?').run(since, id);
}

/** Contacts tagged with a tag (to re-plan keep-in-touch when the tag's cadence changes). */
export function contactIdsWithTag(db: Db, name: string): number[] {
  return cached<[string], number>(
    db,
    'SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?',
  )
    .pluck()
    .all(name);
}

/** Of these contacts, those with a keep-in-touch cadence of their own or from a tag. */
export function withCadence(db: Db, ids: readonly number[]): number[] {
  return cached<[string], number>(
    db,
    `SELECT c.id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))
       AND (c.cadence_days IS NOT NULL OR EXISTS (
         SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.contact_id = c.id AND t.cadence_days IS NOT NULL))`,
  )
    .pluck()
    .all(JSON.stringify(ids));
}
