import type { Migration } from './runner.ts';

/**
 * The follow-up engine: cycles (one playbook run on one contact, always ending), their dated
 * steps, promises, and the per-contact and per-tag pacing and keep-in-touch cadence.
 */
export const migration002: Migration = {
  version: 2,
  name: 'follow-up cycles, steps and promises',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN pacing TEXT CHECK (pacing IN ('fast', 'standard', 'deliberate'));
      ALTER TABLE contacts ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contacts ADD COLUMN cadence_days INTEGER;
      ALTER TABLE contacts ADD COLUMN no_response_since TEXT;

      ALTER TABLE tags ADD COLUMN pacing TEXT CHECK (pacing IN ('fast', 'standard', 'deliberate'));
      ALTER TABLE tags ADD COLUMN cadence_days INTEGER;

      CREATE TABLE cycles (
        id           INTEGER PRIMARY KEY,
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        playbook     TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
        ending       TEXT CHECK (ending IN ('replied', 'no_response', 'completed', 'skipped', 'cancelled')),
        started_at   TEXT NOT NULL,
        ended_at     TEXT,
        -- Set after the last nudge: if nothing comes back by then, the cycle ends "no response".
        ends_at      TEXT,
        meeting_at   TEXT,
        note         TEXT
      ) STRICT;
      CREATE INDEX cycles_by_contact ON cycles(contact_id, status);
      CREATE INDEX cycles_waiting ON cycles(ends_at) WHERE status = 'active' AND ends_at IS NOT NULL;

      CREATE TABLE promises (
        id            INTEGER PRIMARY KEY,
        contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        direction     TEXT NOT NULL CHECK (direction IN ('mine', 'theirs')),
        text          TEXT NOT NULL,
        due_on        TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        created_at    TEXT NOT NULL,
        completed_at  TEXT
      ) STRICT;
      CREATE INDEX promises_open ON promises(status, due_on);
      CREATE INDEX promises_by_contact ON promises(contact_id);

      CREATE TABLE followups (
        id              INTEGER PRIMARY KEY,
        cycle_id        INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        purpose         TEXT NOT NULL,
        channel         TEXT,
        due_on          TEXT NOT NULL,        -- the user's local day
        due_at          TEXT NOT NULL,        -- UTC instant (due_on at the follow-up hour)
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'snoozed', 'done', 'skipped', 'cancelled')),
        -- 1 when the user chose the date (schedule, reschedule, snooze): re-planning leaves it.
        manual          INTEGER NOT NULL DEFAULT 0,
        priority        INTEGER NOT NULL,
        reason          TEXT NOT NULL,
        context         TEXT,
        cap_warning     TEXT,
        promise_id      INTEGER REFERENCES promises(id) ON DELETE CASCADE,
        interaction_id  INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
        cancel_reason   TEXT,
        notified_at     TEXT,
        completed_at    TEXT,
        sequence        INTEGER NOT NULL DEFAULT 0,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      -- Open steps by due time: the scheduler, Today and the calendar all read this.
      CREATE INDEX followups_open_by_due ON followups(due_at) WHERE status IN ('pending', 'snoozed');
      -- Today takes the most important due steps first and stops at the daily budget.
      CREATE INDEX followups_open_by_priority ON followups(priority, due_at) WHERE status IN ('pending', 'snoozed');
      CREATE INDEX followups_open_by_purpose ON followups(purpose, due_at) WHERE status IN ('pending', 'snoozed');
      CREATE INDEX followups_by_day ON followups(due_on, id);
      CREATE INDEX followups_by_contact ON followups(contact_id, status);
      CREATE INDEX followups_by_cycle ON followups(cycle_id);
      CREATE INDEX followups_done_at ON followups(completed_at) WHERE status = 'done';
      CREATE INDEX followups_notified ON followups(notified_at) WHERE notified_at IS NOT NULL;
    `);
  },
};
