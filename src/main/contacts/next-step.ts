import { ApiError } from '../../shared/api/errors.ts';
import type { PromiseItem } from '../../shared/domain/followup.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import {
  getNextStep,
  type NextStepRow,
  setNextStepDone,
  setNextStepPromise,
} from '../store/next-step-store.ts';

type Deps = Pick<HandlerDeps, 'db' | 'clock' | 'engine'>;

/** Done when marked so, or when the promise it became was kept. */
const isDone = (step: NextStepRow) => step.doneAt !== null || step.promiseStatus === 'done';

function mustHaveStep(deps: Deps, contactId: number): NextStepRow & { text: string } {
  const step = getNextStep(deps.db, contactId);
  if (!step) throw new ApiError('not_found', `There is no contact with id ${contactId}.`);
  if (step.text === null)
    throw new ApiError('conflict', 'There is no agreed next step on this contact. Add one first.');
  return step as NextStepRow & { text: string };
}

/**
 * Marks the agreed next step done (at `at`, else now), or open again. Done closes the promise it
 * became, if still open, as kept: the step and its promise are one thing to do.
 */
export function markNextStep(deps: Deps, contactId: number, done: boolean, at?: string): void {
  const step = mustHaveStep(deps, contactId);
  const now = deps.clock().toISOString();
  if (done) {
    if (isDone(step)) throw new ApiError('conflict', `The next step “${step.text}” is already done.`);
    setNextStepDone(deps.db, contactId, at ?? now, now);
    if (step.promiseId !== null && step.promiseStatus === 'open')
      deps.engine.closePromise(step.promiseId, 'done');
  } else {
    if (!isDone(step)) throw new ApiError('conflict', `The next step “${step.text}” is not done.`);
    setNextStepDone(deps.db, contactId, null, now);
    // A kept promise stays kept; the reopened step is something to do again, on its own.
    if (step.promiseStatus === 'done') setNextStepPromise(deps.db, contactId, null, step.dueOn, now);
  }
}

/** Logging an interaction may settle the next step; one already done (or gone) is left alone. */
export function markNextStepIfOpen(deps: Deps, contactId: number, at: string): void {
  const step = getNextStep(deps.db, contactId);
  if (step && step.text !== null && !isDone(step)) markNextStep(deps, contactId, true, at);
}

/**
 * Turns the agreed next step into a promise of yours, due on `dueOn` or the step's own due date:
 * Today and the reminders then carry it, and keeping the promise marks the step done.
 */
export function nextStepToPromise(deps: Deps, contactId: number, dueOn?: string): PromiseItem {
  const step = mustHaveStep(deps, contactId);
  if (isDone(step)) throw new ApiError('conflict', `The next step “${step.text}” is already done.`);
  if (step.promiseId !== null && step.promiseStatus === 'open')
    throw new ApiError('conflict', `The next step “${step.text}” is already a promise.`);
  const due = dueOn ?? step.dueOn;
  if (due === null) {
    throw new ApiError(
      'invalid_input',
      'A promise needs a day: give the next step a due date, or pass one.',
      [{ path: 'dueOn', message: 'is needed (the next step has no due date)' }],
    );
  }
  const promise = deps.engine.addPromise({ contactId, direction: 'mine', text: step.text, dueOn: due });
  setNextStepPromise(deps.db, contactId, promise.id, due, deps.clock().toISOString());
  return promise;
}
