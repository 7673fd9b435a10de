import type { Migration } from './runner.ts';

/**
 * Indexes for the insights report (issue 13), which reads every message, step and cycle of the
 * network. EXPLAIN QUERY PLAN showed its time in per-row lookups that had to read table rows
 * (interactions and followups carry long texts, so a row read is dear): a person's first message,
 * the next message each way after one of mine (is it answered, before my next?), the step a
 * message was sent for, the steps done in a cycle, the steps overdue in a week. Each becomes a
 * search inside an index that holds every column it reads.
 *
 * - `interactions_by_contact_direction`: (contact, direction, when) and what a message is counted
 *   by. interactions_by_contact stays: the timeline reads it newest first, all directions at once.
 * - `followups_done_by_interaction`: the purpose of the step a message was sent for.
 * - `followups_by_cycle_status`: touches per cycle, counted without reading steps.
 * - `followups_by_due_closing`: when each step was due, added and closed, for the backlog.
 */
export const migration014: Migration = {
  version: 14,
  name: 'insights: covering indexes for messages, replies, touches and the backlog',
  up(db) {
    db.exec(`
      CREATE INDEX interactions_by_contact_direction
        ON interactions(contact_id, direction, occurred_at, channel, draft_purpose, draft_variant);
      CREATE INDEX followups_done_by_interaction ON followups(interaction_id, status, id, purpose)
        WHERE interaction_id IS NOT NULL;
      CREATE INDEX followups_by_cycle_status ON followups(cycle_id, status);
      CREATE INDEX followups_by_due_closing
        ON followups(due_at, created_at, status, completed_at, updated_at, contact_id);
    `);
  },
};
