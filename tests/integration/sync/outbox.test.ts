import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../src/main/store/transaction.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

// The outbox is filled by triggers (migration 013) in the very transaction of each change: no
// handler can forget it, and a change rolled back leaves nothing to push.
process.env.FT_TEST_DAV_PASSWORD = 'unused';

let app: TempApp;
afterEach(() => app?.cleanup());

const outbox = () =>
  app.context.db.prepare('SELECT seq, kind, entity_id AS entityId FROM sync_outbox ORDER BY seq').all() as {
    seq: number;
    kind: string;
    entityId: number;
  }[];

describe('the sync outbox', () => {
  it('queues nothing while no account is linked', async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    expect(outbox()).toEqual([]);
  });

  it('queues each change once, newest last, in the transaction that makes it', async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    await app.api['sync.accounts.add']({
      url: 'http://127.0.0.1:9/',
      user: 'ada',
      credential: { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' },
      verify: false,
    });
    const ada = await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    const steps = await app.api['followups.list']({ contactId: ada.id, statuses: ['pending'] });
    expect(outbox().map((r) => `${r.kind}:${r.entityId}`)).toEqual(steps.map((s) => `step:${s.id}`));

    const [first] = outbox();
    await app.api['followups.reschedule']({ id: steps[0]!.id, dueOn: '2026-03-16' });
    await app.api['followups.reschedule']({ id: steps[0]!.id, dueOn: '2026-03-17' });
    // One row for the step, moved to the end of the order: the push sends its newest state once.
    const rows = outbox().filter((r) => r.entityId === steps[0]!.id && r.kind === 'step');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.seq).toBeGreaterThan(first!.seq);

    // A change rolled back takes its outbox row with it.
    const before = outbox();
    expect(() =>
      writeTransaction(app.context.db, () => {
        app.context.db.prepare("UPDATE followups SET status = 'skipped' WHERE id = ?").run(steps[0]!.id);
        throw new Error('the handler failed after the change');
      }),
    ).toThrow('the handler failed');
    expect(outbox()).toEqual(before);

    // A notification's bookkeeping does not touch the event: nothing queued.
    app.context.db.prepare('DELETE FROM sync_outbox').run();
    app.context.db
      .prepare('UPDATE followups SET notified_at = ? WHERE id = ?')
      .run('2026-03-10T09:00:00.000Z', steps[0]!.id);
    expect(outbox()).toEqual([]);
    // A renamed contact re-titles every open step.
    await app.api['contacts.update']({ id: ada.id, patch: { displayName: 'Ada King' } });
    expect(
      outbox()
        .map((r) => r.entityId)
        .sort(),
    ).toEqual(steps.map((s) => s.id).sort());

    // Removing the account drops its outbox with it.
    const [account] = await app.api['sync.accounts.list']({});
    await app.api['sync.accounts.remove']({ id: account!.id });
    expect(outbox()).toEqual([]);
    expect((await app.api['sync.status']({})).pending).toBe(0);
  });
});
