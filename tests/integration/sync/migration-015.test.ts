// Migration 015 adds contact sync's tables. It is applied here on a database at the version
// before it (with an account and a linked contact), and a pass's reads of every card are checked
// to come from its covering index.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migration015 } from '../../../src/main/store/migrations/015-contact-sync.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';

let db: Database.Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const plan = (sql: string) =>
  (db!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 015: contact sync', () => {
  it('adds the cards, conflicts and reviews; a contact deleted here leaves its card waiting', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 15),
    );
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', '${at}', '${at}')`,
    ).run();
    db.prepare(
      `INSERT INTO sync_accounts (id, url, user_name, credential, calendar_name, created_at, updated_at)
       VALUES (1, 'https://dav.example/', 'ada', '{"kind":"env","variable":"X"}', 'F', '${at}', '${at}')`,
    ).run();
    db.transaction(() => migration015.up(db!))();
    db.prepare(
      `INSERT INTO sync_cards (account_id, contact_id, href, uid, etag, card, base, local_updated_at, synced_at)
       VALUES (1, 1, '/b/ada.vcf', 'u', '"1"', 'BEGIN:VCARD', '{}', '${at}', '${at}')`,
    ).run();
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT state FROM sync_cards').get()).toEqual({ state: 'deleted-here' });

    expect(
      plan(`SELECT s.contact_id FROM sync_cards s JOIN contacts c ON c.id = s.contact_id
            WHERE s.account_id = 1 AND s.state = 'linked' AND c.updated_at IS NOT s.local_updated_at`),
    ).toContain('COVERING INDEX sync_cards_listing');
    expect(plan('SELECT href, etag, state, contact_id FROM sync_cards WHERE account_id = 1')).toContain(
      'COVERING INDEX sync_cards_listing',
    );
    // The account's removal takes its cards and conflicts with it.
    db.prepare('DELETE FROM sync_accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM sync_cards').get()).toEqual({ n: 0 });
  });
});
