import type { Migration } from './runner.ts';

/**
 * A small search index of who people are (names, company, title) beside the full one. Broad
 * as-you-type queries rank name and company matches first; asking the full index for those
 * made it walk a term's whole doclist when the term lives elsewhere ("lisbon", "deck").
 */
export const migration004: Migration = {
  version: 4,
  name: 'identity search index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE contacts_identity_fts USING fts5(
        name, company,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      INSERT INTO contacts_identity_fts(rowid, name, company)
        SELECT id, concat_ws(' ', display_name, first_name, last_name), concat_ws(' ', company, title) FROM contacts;
    `);
  },
};
