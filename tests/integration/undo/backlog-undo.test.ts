// Backlog triage is undone like a quick action (issue 10): one undo puts back every step and
// cycle a bulk skip, a bulk end or a catch-up changed, and removes what it planned, exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '../../helpers/refusal.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, openSteps } from '../followups/helpers.ts';
import { revisions, snapshot } from './snapshot.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

/**
 * Thursday 10 Sep 2026: two keep-in-touch check-ins going cold (tags a and b), three
 * re-engagements of people met in January, and a promise of theirs with its nudge.
 */
async function backlog() {
  app = berlinApp('2026-08-03T07:00:00Z');
  const skip = await app.api['contacts.create']({ displayName: 'Skip me', cadenceDays: 30, tags: ['a'] });
  const end = await app.api['contacts.create']({ displayName: 'End me', cadenceDays: 30, tags: ['b'] });
  for (let i = 0; i < 3; i++)
    await app.api['contacts.create']({ displayName: `Old ${i}`, metOn: '2026-01-05', metWhere: 'a fair' });
  await app.api['promises.add']({
    contactId: end.id,
    direction: 'theirs',
    text: 'Slides',
    dueOn: '2026-08-20',
  });
  app.setNow('2026-09-10T07:00:00Z');
  await app.api['followups.today']({}); // the sweep has run, as when the user sees Today
  return { skip, end };
}

describe('undo of a bulk skip or end puts every step and cycle back exactly', () => {
  it('bulk skip: the skipped steps, their ended cycles and the check-in it planned next', async () => {
    const { skip } = await backlog();
    const before = snapshot(app);
    const counts = (await app.api['followups.today']({})).counts;
    const seqBefore = revisions(app);

    const result = await app.api['followups.bulkClose']({ among: 'due', action: 'skip' });
    expect(result.closed).toBeGreaterThanOrEqual(5);
    expect(result.undoId).toEqual(expect.any(Number));
    const closed = (await app.api['followups.list']({ statuses: ['skipped'] })).map((s) => s.id);
    // Skipping the check-in planned the next one a rhythm on: undo must remove it.
    const [next] = await openSteps(app, skip.id);
    expect(next).toMatchObject({ purpose: 'check_in', dueOn: '2026-10-12' });
    expect(await app.api['undo.last']({})).toMatchObject({
      id: result.undoId,
      kind: 'skip',
      summary: `Skipped ${result.closed} follow-ups in bulk`,
      contactId: null,
      followUpId: null,
    });

    const undone = await app.api['undo.apply']({});
    expect(undone).toMatchObject({ undone: { id: result.undoId }, followUp: null });
    expect(snapshot(app)).toEqual(before);
    expect((await app.api['followups.today']({})).counts).toEqual(counts);
    const seqAfter = revisions(app);
    expect(seqAfter.has(next!.id)).toBe(false);
    // Each step it closed is back as a new revision for calendar clients.
    expect(closed.length).toBe(result.closed);
    for (const id of closed) expect(seqAfter.get(id)!.sequence).toBeGreaterThan(seqBefore.get(id)!.sequence);
    expect(await app.api['undo.last']({})).toBeNull();
  });

  it('bulk end: the whole cycles, their other open steps, and the rhythm it stopped', async () => {
    const { end } = await backlog();
    const openOfEnd = (await openSteps(app, end.id)).map((s) => s.id);
    expect(openOfEnd.length).toBeGreaterThanOrEqual(2); // the check-in and the promise nudge
    const before = snapshot(app);

    const result = await app.api['followups.bulkClose']({ tag: 'b', among: 'due', action: 'end' });
    expect(result.closed).toBe(openOfEnd.length);
    expect(await openSteps(app, end.id)).toEqual([]);
    expect((await app.api['undo.last']({}))?.summary).toBe(`Ended ${result.closed} follow-ups in bulk`);
    await app.api['undo.apply']({ id: result.undoId });
    expect(snapshot(app)).toEqual(before);
    expect((await openSteps(app, end.id)).map((s) => s.id).sort()).toEqual([...openOfEnd].sort());
  });

  it('a catch-up: every moved step back on its day and time, its reminder as it was', async () => {
    await backlog();
    const due = (await openSteps(app)).filter((s) => s.dueOn < '2026-09-10').map((s) => s.id);
    app.context.reminders.markNotified(due, new Date('2026-09-10T07:00:00Z'));
    const before = snapshot(app);
    const plan = await app.api['followups.catchUp']({});
    expect(plan.moved).toBeGreaterThan(0);
    expect(await app.api['undo.last']({})).toMatchObject({
      id: plan.undoId,
      kind: 'reschedule',
      summary: `Spread ${plan.moved} follow-ups over the coming days`,
      followUpId: null,
    });
    await app.api['undo.apply']({});
    expect(snapshot(app)).toEqual(before);
  });

  it('records nothing when nothing matched', async () => {
    await backlog();
    const result = await app.api['followups.bulkClose']({ tag: 'nobody', action: 'skip' });
    expect(result).toEqual({ closed: 0, cyclesEnded: 0 });
    expect(await app.api['undo.last']({})).toBeNull();
  });

  it('refuses, changing nothing, once the check-in it planned was done', async () => {
    const { skip } = await backlog();
    const result = await app.api['followups.bulkClose']({ tag: 'a', among: 'due', action: 'skip' });
    const [next] = await openSteps(app, skip.id);
    await app.api['followups.done']({ id: next!.id });
    const before = snapshot(app);
    const error = await refusal(app.api['undo.apply']({ id: result.undoId }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'Cannot undo “Skipped 1 follow-up in bulk”: Skip me’s follow-up plan has moved on since. Nothing was changed.',
    );
    expect(snapshot(app)).toEqual(before);
  });
});
