import type { Migration } from './runner.ts';

/**
 * Contact sync: the PUTs whose answer never came (issue 14).
 *
 * A card PUT can reach the server and its answer be lost (a dropped connection, the app killed
 * mid-request). The next pass then reads a server card it cannot place: its own edit read back
 * as someone else's, so a field changed here again meanwhile became a conflict with this side's
 * own older value (found by the convergence property test in CI), and a new contact's card was
 * read as a stranger's and taken in a second time, the duplicate Monica's users complain of.
 *
 * `sync_card_puts` records each PUT before it is sent, in its own transaction, and the transaction
 * that records the answer deletes it. What is left after a pass was sent without an answer:
 * - `created` 0: an update of a linked card. The next merge agrees every field on which the
 *   server holds what was sent, as if the answer had come.
 * - `created` 1: a new card, at the href and UID chosen before the PUT. The next pass links the
 *   card it finds there to this contact (with what was sent as the merge base), or sends it again
 *   to the same href when it is not there, so a card is never created twice.
 * No foreign key to contacts: a contact deleted while its card was being created still has a card
 * on the server, which is then kept as waiting for the user's word to delete it.
 */
export const migration017: Migration = {
  version: 17,
  name: 'contact sync: card PUTs sent without an answer',
  up(db) {
    db.exec(`
      CREATE TABLE sync_card_puts (
        account_id  INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
        contact_id  INTEGER NOT NULL,
        href        TEXT NOT NULL,
        uid         TEXT NOT NULL,
        created     INTEGER NOT NULL CHECK (created IN (0, 1)),
        fields      TEXT NOT NULL,
        sent_at     TEXT NOT NULL,
        PRIMARY KEY (account_id, contact_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX sync_card_puts_by_href ON sync_card_puts(account_id, href);
    `);
  },
};
