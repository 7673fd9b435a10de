// Without a tag or event filter the report reads its measures from stored counts and indexes
// (insights-whole-network.ts, insights-sent-counts.ts, migrations 018-021); with one, from the units the lists count. A tag
// that every person has keeps everyone, so both must give the same report. Checked on seeded
// networks made awkward on purpose: people with no meeting day (added in another local day than
// the UTC one), archived and unreviewed people, messages after the period's end and before the
// meeting, pacing from people and from tags, messages from templates, in several zones and
// periods, including ones that cross a DST change.
import { afterEach, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../../src/main/seed/random.ts';
import { seedDatabase } from '../../../src/main/seed/seed-database.ts';
import { writeTransaction } from '../../../src/main/store/transaction.ts';
import type { InsightsQuery } from '../../../src/shared/domain/insights.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

let app: TempApp | null = null;
afterEach(() => {
  app?.cleanup();
  app = null;
});

const NOW = '2026-11-20T09:00:00.000Z';
const DAY_MS = 86_400_000;

/** Bends a seeded network into the cases the stored paths must get right, all tagged 'everyone'. */
function awkward(a: TempApp, seed: number): void {
  const db = a.context.db;
  const random = seededRandom(seed);
  const ids = db.prepare('SELECT id FROM contacts').pluck().all() as number[];
  const instant = (days: number) => new Date(Date.parse(NOW) + days * DAY_MS).toISOString();
  writeTransaction(db, () => {
    db.prepare("INSERT INTO tags (name) VALUES ('everyone')").run();
    db.prepare(
      "INSERT INTO contact_tags (contact_id, tag_id) SELECT id, (SELECT id FROM tags WHERE name = 'everyone') FROM contacts",
    ).run();
    for (const id of ids) {
      const roll = random();
      // No meeting day: met on the local day they were added, late in the UTC evening.
      if (roll < 0.25)
        db.prepare('UPDATE contacts SET met_on = NULL, created_at = ? WHERE id = ?').run(
          instant(-Math.floor(random() * 200) - 0.04),
          id,
        );
      else if (roll < 0.32) db.prepare('UPDATE contacts SET archived_at = ? WHERE id = ?').run(NOW, id);
      else if (roll < 0.36) db.prepare("UPDATE contacts SET review_state = 'imported' WHERE id = ?").run(id);
    }
    const insert = db.prepare(
      `INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, created_at)
       VALUES (?, ?, ?, ?, 'Hi', ?)`,
    );
    for (let i = 0; i < 120; i++) {
      // After the period's end (a clock set wrong, a mail dated ahead), around midnight UTC, or long before.
      const at = instant(pick(random, [2, 0.6, -0.4, -3.99, -40, -400]) + random() * 0.01);
      insert.run(
        pick(random, ids),
        at,
        pick(random, ['email', 'linkedin']),
        pick(random, ['outbound', 'inbound']),
        at,
      );
    }
    // Pacing from the person, else from their first tag by name that has one, else the default;
    // messages written from a template; the reply figures count them by both.
    db.prepare("INSERT INTO tags (name, pacing) VALUES ('alpha', 'fast'), ('beta', 'deliberate')").run();
    for (const id of ids) {
      const roll = random();
      if (roll < 0.15) db.prepare("UPDATE contacts SET pacing = 'deliberate' WHERE id = ?").run(id);
      else if (roll < 0.4)
        db.prepare(
          'INSERT INTO contact_tags (contact_id, tag_id) SELECT ?, id FROM tags WHERE name IN (?, ?)',
        ).run(id, 'beta', random() < 0.5 ? 'alpha' : 'beta');
    }
    db.prepare(
      `UPDATE interactions SET draft_purpose = 'refresher', draft_variant = 1 + id % 2
       WHERE direction = 'outbound' AND id % 3 = 0`,
    ).run();
  });
}

const QUERIES: InsightsQuery[] = [
  {},
  { from: '2026-03-01', to: '2026-04-30' }, // over the spring DST change
  { from: '2026-10-20', to: '2026-11-05' }, // over the autumn one
  { to: '2026-11-18' },
  { from: '2026-11-19' },
];

describe('the report without a filter equals the report for a tag everyone has', () => {
  it.each([
    ['Europe/Berlin', 1],
    ['America/New_York', 2],
    ['Asia/Tokyo', 3],
    ['UTC', 4],
    ['Asia/Kolkata', 5],
  ])('in %s (seed %i)', async (timeZone, seed) => {
    app = openTempApp(NOW, { timeZone, defaultPacing: 'standard' });
    seedDatabase(
      app.context.db,
      { contacts: 120, interactionsPerContact: 5, seed, now: new Date(NOW) },
      () => {},
      { settings: app.context.settings },
    );
    awkward(app, seed);
    for (const q of QUERIES) {
      const whole = await app.api['insights.report'](q);
      const tagged = await app.api['insights.report']({ ...q, tag: 'everyone' });
      expect({ q, report: whole }).toEqual({ q, report: { ...tagged, filters: whole.filters } });
    }
  });
});
