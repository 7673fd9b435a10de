import type { Migration } from './runner.ts';

/**
 * Indexes for the insights measures over people (issue 13), when no tag or event filter applies:
 *
 * - By meeting day (met_on), and by when added for people with no meeting day (whose meeting day
 *   is the local day they were added): the follow-through reads each day's people as one range,
 *   in order, instead of joining 50,000 rows to their day and sorting them by week.
 * - By first message: "never followed up" and "going cold" are ranges of it, each entry read
 *   once, instead of a pass over every contact's row.
 *
 * All leave out unreviewed imports (partial indexes), as every measure does; the network one
 * also the archived, whom it does not count.
 */
export const migration020: Migration = {
  version: 20,
  name: 'insights: people by meeting day and by first message',
  up(db) {
    db.exec(`
      CREATE INDEX contacts_met_for_insights ON contacts(met_on, first_outbound_at)
        WHERE review_state IS NULL;
      CREATE INDEX contacts_added_for_insights ON contacts(created_at, first_outbound_at)
        WHERE review_state IS NULL AND met_on IS NULL;
      CREATE INDEX contacts_network_for_insights ON contacts(first_outbound_at, created_at, last_interaction_at)
        WHERE review_state IS NULL AND archived_at IS NULL;
    `);
  },
};
