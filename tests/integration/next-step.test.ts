import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '../helpers/refusal.ts';
import type { TempApp } from '../helpers/temp-app.ts';
import { berlinApp, openSteps } from './followups/helpers.ts';

// 2026-11-16 is a Monday; Berlin is UTC+1 in November.
let app: TempApp;
afterEach(() => app?.cleanup());

const DECK = 'Send her our partner deck by Friday';

async function withStep(extra: Record<string, unknown> = {}) {
  return app.api['contacts.create']({ displayName: 'Priya Raman', nextStep: DECK, ...extra });
}

describe('the agreed next step', () => {
  it('has a due date, set on capture or later, and a new step starts without the old one', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep({ nextStepDueOn: '2026-11-20' });
    expect(priya).toMatchObject({ nextStep: DECK, nextStepDueOn: '2026-11-20', nextStepDoneAt: null });
    const moved = await app.api['contacts.update']({ id: priya.id, patch: { nextStepDueOn: '2026-11-23' } });
    expect(moved.nextStepDueOn).toBe('2026-11-23');
    const renamed = await app.api['contacts.update']({
      id: priya.id,
      patch: { nextStep: 'Intro to the CTO' },
    });
    expect(renamed).toMatchObject({ nextStep: 'Intro to the CTO', nextStepDueOn: null });
    const both = await app.api['contacts.update']({
      id: priya.id,
      patch: { nextStep: 'Call about the pilot', nextStepDueOn: '2026-11-25' },
    });
    expect(both.nextStepDueOn).toBe('2026-11-25');
    const bad = await refusal(
      app.api['contacts.update']({ id: priya.id, patch: { nextStepDueOn: 'Friday' } }),
    );
    expect(bad.issues).toEqual([
      { path: 'patch.nextStepDueOn', message: expect.stringMatching(/YYYY-MM-DD/) },
    ]);
  });

  it('is marked done, leaves what to mention in the next message, and can be reopened', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep();
    const done = await app.api['contacts.nextStepDone']({ id: priya.id });
    expect(done).toMatchObject({ nextStep: DECK, nextStepDoneAt: '2026-11-16T10:00:00.000Z' });
    expect((await refusal(app.api['contacts.nextStepDone']({ id: priya.id }))).message).toBe(
      `The next step “${DECK}” is already done.`,
    );
    // A step planned from now on no longer says "Next step: …".
    const { followUp } = await app.api['followups.schedule']({ contactId: priya.id, dueOn: '2026-11-18' });
    expect(followUp.context ?? '').not.toContain('Next step');
    const reopened = await app.api['contacts.nextStepDone']({ id: priya.id, done: false });
    expect(reopened.nextStepDoneAt).toBeNull();
  });

  it('refuses Done when there is no next step', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const kim = await app.api['contacts.create']({ displayName: 'Kim' });
    const error = await refusal(app.api['contacts.nextStepDone']({ id: kim.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/no agreed next step/);
    expect((await refusal(app.api['contacts.nextStepDone']({ id: 999 }))).code).toBe('not_found');
  });

  it('becomes a promise in one action, and keeping the promise marks it done', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep({ nextStepDueOn: '2026-11-20' });
    const { contact, promise } = await app.api['contacts.nextStepToPromise']({ id: priya.id });
    expect(promise).toMatchObject({ direction: 'mine', text: DECK, dueOn: '2026-11-20', status: 'open' });
    expect(contact).toMatchObject({ nextStepPromiseId: promise.id, nextStepDoneAt: null });
    // Today reminds on the day, like any promise of yours.
    expect((await openSteps(app, priya.id)).filter((s) => s.promiseId === promise.id)).toHaveLength(1);
    expect((await refusal(app.api['contacts.nextStepToPromise']({ id: priya.id }))).message).toMatch(
      /already a promise/,
    );

    app.setNow('2026-11-19T15:00:00Z');
    await app.api['promises.done']({ id: promise.id });
    const kept = await app.api['contacts.get']({ id: priya.id });
    expect(kept).toMatchObject({ nextStepDoneAt: '2026-11-19T15:00:00.000Z', nextStepPromiseId: promise.id });
  });

  it('marking it done keeps the promise it became', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep();
    const { promise } = await app.api['contacts.nextStepToPromise']({ id: priya.id, dueOn: '2026-11-18' });
    expect((await app.api['contacts.get']({ id: priya.id })).nextStepDueOn).toBe('2026-11-18');
    await app.api['contacts.nextStepDone']({ id: priya.id });
    const [after] = await app.api['promises.list']({ contactId: priya.id, status: 'all' });
    expect(after).toMatchObject({ id: promise.id, status: 'done' });
    expect(await openSteps(app, priya.id)).toEqual([]);
  });

  it('needs a day to become a promise; a cancelled promise leaves it to do', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep();
    const error = await refusal(app.api['contacts.nextStepToPromise']({ id: priya.id }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'dueOn', message: expect.stringMatching(/no due date/) }]);
    const { promise } = await app.api['contacts.nextStepToPromise']({ id: priya.id, dueOn: '2026-11-18' });
    await app.api['promises.cancel']({ id: promise.id });
    const after = await app.api['contacts.get']({ id: priya.id });
    expect(after).toMatchObject({ nextStepPromiseId: null, nextStepDoneAt: null });
    // It can be promised again.
    await app.api['contacts.nextStepToPromise']({ id: priya.id });
  });

  it('is marked done with the interaction that did it, when logging offers it', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep({ nextStepDueOn: '2026-11-20' });
    await app.api['interactions.add']({
      contactId: priya.id,
      channel: 'email',
      direction: 'outbound',
      summary: 'Sent the partner deck',
      occurredAt: '2026-11-16T09:30:00+01:00',
      nextStepDone: true,
    });
    expect((await app.api['contacts.get']({ id: priya.id })).nextStepDoneAt).toBe('2026-11-16T08:30:00.000Z');
    // Asked again (the form was open in two windows): the interaction is still logged.
    const again = await app.api['interactions.add']({
      contactId: priya.id,
      channel: 'call',
      direction: 'inbound',
      summary: 'She called to say thanks',
      nextStepDone: true,
    });
    expect(again.summary).toBe('She called to say thanks');
    expect((await app.api['contacts.get']({ id: priya.id })).nextStepDoneAt).toBe('2026-11-16T08:30:00.000Z');
  });

  it('logging without the offer leaves the step open', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const priya = await withStep();
    await app.api['interactions.add']({
      contactId: priya.id,
      channel: 'email',
      direction: 'outbound',
      summary: 'Hi',
    });
    expect((await app.api['contacts.get']({ id: priya.id })).nextStepDoneAt).toBeNull();
  });
});
