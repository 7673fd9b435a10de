import { afterEach, describe, expect, it } from 'vitest';
import { systemLocale } from '../../../src/main/time/locale.ts';
import { readDated } from '../../../src/shared/format/dated-text.ts';
import { dateWriter } from '../../../src/shared/format/dates.ts';
import { refusal } from '../../helpers/refusal.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, openSteps } from '../followups/helpers.ts';
import { revisions, snapshot } from './snapshot.ts';

// 2026-11-16 is a Monday; Berlin is UTC+1 in November.
let app: TempApp;
afterEach(() => app?.cleanup());

/** A day as main writes it in a message (the system's locale): "24 Nov" in en-GB. */
const mainDay = (iso: string) => dateWriter(systemLocale()).day(iso, { short: true, today: '2026-11-16' });

async function refresherFor(name: string, extra: Record<string, unknown> = {}) {
  const contact = await app.api['contacts.create']({
    displayName: name,
    metOn: '2026-11-16',
    metWhere: 'Web Summit',
    ...extra,
  });
  const [step] = await openSteps(app, contact.id);
  if (!step) throw new Error('no refresher planned');
  return { contact, step };
}

describe('undo of a quick action puts every row back exactly', () => {
  it('Done: the step, the interaction it logged, the next step it planned and the contact', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { contact, step } = await refresherFor('Ada Lovelace', { urgent: true });
    app.setNow('2026-11-17T09:00:00Z');
    await app.api['followups.today']({}); // the sweep has run, as when the user sees Today
    const before = snapshot(app);
    const seqBefore = revisions(app).get(step.id)!.sequence;

    const done = await app.api['followups.done']({ id: step.id, summary: 'Sent the Menabrea notes' });
    expect(done.next).toMatchObject({ purpose: 'second' });
    expect(done.undoId).toEqual(expect.any(Number));
    expect(await app.api['undo.last']({})).toMatchObject({
      id: done.undoId,
      kind: 'done',
      summary: 'Done: refresher for Ada Lovelace',
      contactId: contact.id,
      followUpId: step.id,
    });
    const found = await app.api['contacts.list']({ query: 'Menabrea' });
    expect(found.total).toBe(1);

    app.setNow('2026-11-17T09:00:05Z');
    const result = await app.api['undo.apply']({ id: done.undoId });
    expect(result.undone.summary).toBe('Done: refresher for Ada Lovelace');
    expect(result.followUp).toMatchObject({ id: step.id, status: 'pending', dueOn: step.dueOn });
    expect(snapshot(app)).toEqual(before);
    // The next step is gone, not cancelled; the step itself is a new revision.
    expect(revisions(app).has(done.next!.id)).toBe(false);
    expect(revisions(app).get(step.id)).toEqual({
      id: step.id,
      sequence: seqBefore + 2,
      updatedAt: '2026-11-17T09:00:05.000Z',
    });
    expect((await app.api['contacts.list']({ query: 'Menabrea' })).total).toBe(0);
    expect(await app.api['undo.last']({})).toBeNull();
  });

  it('Done on a promise reminder reopens the promise', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({ displayName: 'Ada' });
    const promise = await app.api['promises.add']({
      contactId: ada.id,
      direction: 'mine',
      text: 'Intro to Priya',
      dueOn: '2026-11-16',
    });
    const [reminder] = (await openSteps(app, ada.id)).filter((s) => s.promiseId === promise.id);
    const before = snapshot(app);
    const done = await app.api['followups.done']({ id: reminder!.id });
    expect((await app.api['promises.list']({ status: 'all' }))[0]?.status).toBe('done');
    await app.api['undo.apply']({ id: done.undoId });
    expect(snapshot(app)).toEqual(before);
    expect((await app.api['promises.list']({ status: 'all' }))[0]?.status).toBe('open');
  });

  it('Skip: the step and its ended cycle', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Grace Hopper');
    const before = snapshot(app);
    const skipped = await app.api['followups.skip']({ id: step.id });
    expect(skipped.status).toBe('skipped');
    const result = await app.api['undo.apply']({});
    expect(result.undone).toMatchObject({ kind: 'skip', summary: 'Skipped: refresher for Grace Hopper' });
    expect(snapshot(app)).toEqual(before);
  });

  it('Snooze: the day, the time, and the reminder it had already given', async () => {
    app = berlinApp('2026-11-17T10:00:00Z');
    const { step } = await refresherFor('Edsger Dijkstra');
    // The step was due and notified before the snooze; after the undo it is not notified again.
    app.context.db
      .prepare('UPDATE followups SET notified_at = ? WHERE id = ?')
      .run('2026-11-17T08:00:00.000Z', step.id);
    const before = snapshot(app);
    const snoozed = await app.api['followups.snooze']({ id: step.id, preset: 'nextWeek' });
    expect(snoozed).toMatchObject({ status: 'snoozed', dueOn: '2026-11-24' });
    await app.api['undo.apply']({ id: snoozed.undoId });
    expect(snapshot(app)).toEqual(before);
  });

  it('a calendar move: back to its day, its time and its cap warning', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Barbara Liskov');
    const before = snapshot(app);
    const moved = await app.api['followups.reschedule']({ id: step.id, dueOn: '2026-11-21' }); // a Saturday
    expect(moved.warnings).toContain('falls on one of your days off');
    const last = await app.api['undo.last']({});
    expect(last).toMatchObject({ kind: 'reschedule' });
    expect(readDated(last!.summary, { locale: 'en-GB', today: '2026-11-16' })).toBe(
      'Moved: refresher for Barbara Liskov to 21 Nov',
    );
    await app.api['undo.apply']({});
    expect(snapshot(app)).toEqual(before);
  });

  it('Mark reviewed: the review state and the keep-in-touch plans it started', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const kim = await app.api['contacts.create']({ displayName: 'Kim Park', cadenceDays: 30 });
    const lee = await app.api['contacts.create']({ displayName: 'Lee Chan' });
    app.context.db
      .prepare("UPDATE contacts SET review_state = 'imported' WHERE id IN (?, ?)")
      .run(kim.id, lee.id);
    app.context.db.prepare('DELETE FROM followups').run();
    app.context.db.prepare('DELETE FROM cycles').run();
    const before = snapshot(app);

    const marked = await app.api['contacts.markReviewed']({ all: true });
    expect(marked.reviewed).toBe(2);
    expect(await openSteps(app, kim.id)).toHaveLength(1); // the 30-day check-in
    expect(await app.api['undo.last']({})).toMatchObject({
      summary: 'Marked 2 contacts reviewed',
      contactId: null,
    });
    await app.api['undo.apply']({ id: marked.undoId });
    expect(snapshot(app)).toEqual(before);
    expect((await app.api['contacts.get']({ id: kim.id })).reviewState).toBe('imported');

    const one = await app.api['contacts.markReviewed']({ ids: [lee.id] });
    expect(await app.api['undo.last']({})).toMatchObject({
      id: one.undoId,
      summary: 'Marked Lee Chan reviewed',
      contactId: lee.id,
    });
  });

  it('undoes the newest first, and older ones after it, each exactly', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Alan Kay');
    const start = snapshot(app);
    const snoozed = await app.api['followups.snooze']({ id: step.id, preset: 'tomorrow' });
    const afterSnooze = snapshot(app);
    await app.api['followups.done']({ id: step.id });
    expect((await app.api['undo.apply']({})).undone.kind).toBe('done');
    expect(snapshot(app)).toEqual(afterSnooze);
    expect((await app.api['undo.apply']({})).undone.id).toBe(snoozed.undoId);
    expect(snapshot(app)).toEqual(start);
  });

  it('records nothing for an action that changed nothing, and says when there is nothing to undo', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const marked = await app.api['contacts.markReviewed']({ all: true });
    expect(marked).toEqual({ reviewed: 0 });
    expect(await app.api['undo.last']({})).toBeNull();
    const error = await refusal(app.api['undo.apply']({}));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/nothing to undo/);
  });

  it('forgets actions after a day, and keeps the last 20', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Old Action');
    const snoozed = await app.api['followups.snooze']({ id: step.id, preset: '1h' });
    app.setNow('2026-11-17T10:00:01Z');
    expect(await app.api['undo.last']({})).toBeNull();
    expect((await refusal(app.api['undo.apply']({ id: snoozed.undoId }))).message).toMatch(
      /can no longer be undone/,
    );

    const ids: number[] = [];
    for (let i = 0; i < 22; i++) {
      const moved = await app.api['followups.reschedule']({
        id: step.id,
        dueOn: i % 2 ? '2026-11-20' : '2026-11-19',
      });
      ids.push(moved.undoId!);
    }
    const kept = app.context.db.prepare('SELECT id FROM undo_actions ORDER BY id').pluck().all();
    expect(kept).toEqual(ids.slice(-20));
  });
});

describe('undo refuses, in words and changing nothing, when something changed since', () => {
  it('the next step was already done', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Ada Lovelace');
    app.setNow('2026-11-17T09:00:00Z');
    const done = await app.api['followups.done']({ id: step.id });
    app.setNow('2026-11-17T09:10:00Z'); // the user answers the nudge early, from the calendar
    await app.api['followups.done']({ id: done.next!.id });
    const before = snapshot(app);
    const error = await refusal(app.api['undo.apply']({ id: done.undoId }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      `Cannot undo “Done: refresher for Ada Lovelace”: the next step, the nudge for Ada Lovelace due ${mainDay('2026-11-24')}, is already done. Nothing was changed.`,
    );
    expect(snapshot(app)).toEqual(before);
    // The newer Done can still be undone, and then the first one too.
    await app.api['undo.apply']({});
    await app.api['undo.apply']({ id: done.undoId });
    expect((await openSteps(app)).map((s) => s.id)).toEqual([step.id]);
  });

  it('the step was moved since the snooze', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Grace Hopper');
    const snoozed = await app.api['followups.snooze']({ id: step.id, preset: 'nextWeek' });
    app.context.db.prepare("UPDATE followups SET due_on = '2026-11-30' WHERE id = ?").run(step.id);
    const error = await refusal(app.api['undo.apply']({ id: snoozed.undoId }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(
      `the refresher for Grace Hopper due ${mainDay('2026-11-30')} was moved since`,
    );
  });

  it('the interaction Done logged was deleted', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Kim Park');
    const done = await app.api['followups.done']({ id: step.id });
    await app.api['interactions.delete']({ id: done.interaction.id });
    const error = await refusal(app.api['undo.apply']({ id: done.undoId }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/the interaction it logged for Kim Park was deleted since/);
  });

  it('a reminder being given meanwhile is no conflict', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { step } = await refresherFor('Lee Chan');
    const before = snapshot(app);
    const moved = await app.api['followups.reschedule']({ id: step.id, dueOn: '2026-11-16' });
    app.context.db
      .prepare('UPDATE followups SET notified_at = ? WHERE id = ?')
      .run('2026-11-16T10:00:00.000Z', step.id);
    await app.api['undo.apply']({ id: moved.undoId });
    // Nothing else was touched; the reminder it gave stays given.
    const after = snapshot(app);
    expect(after.followups[0]).toMatchObject({ notified_at: '2026-11-16T10:00:00.000Z' });
    expect({ ...after, followups: after.followups.map((f) => ({ ...f, notified_at: null })) }).toEqual(
      before,
    );
  });

  it('an edit of the contact’s other fields does not block undoing Mark reviewed', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const kim = await app.api['contacts.create']({ displayName: 'Kim Park' });
    app.context.db.prepare("UPDATE contacts SET review_state = 'imported' WHERE id = ?").run(kim.id);
    const marked = await app.api['contacts.markReviewed']({ ids: [kim.id] });
    await app.api['contacts.update']({ id: kim.id, patch: { company: 'Acme' } });
    await app.api['undo.apply']({ id: marked.undoId });
    const now = await app.api['contacts.get']({ id: kim.id });
    expect(now).toMatchObject({ reviewState: 'imported', company: 'Acme' });
  });

  it('deleting the contact drops its undo entries', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const { contact, step } = await refresherFor('Gone Soon');
    await app.api['followups.skip']({ id: step.id });
    await app.api['contacts.delete']({ id: contact.id, confirm: true });
    expect(await app.api['undo.last']({})).toBeNull();
  });
});
