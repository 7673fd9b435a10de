import type { DoneResult, MaybeScheduled } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { BulkPreview, BulkResult, CatchUpPlan } from '../../shared/domain/backlog.ts';
import type {
  FollowUp,
  PromiseDirection,
  PromiseItem,
  ScheduleResult,
  TodayView,
} from '../../shared/domain/followup.ts';
import type { Channel, Interaction } from '../../shared/domain/interaction.ts';
import { plainText } from '../../shared/format/dated-text.ts';
import { contactIdsWithTag, getFollowUpProfile, withCadence } from '../store/contacts-store.ts';
import {
  activeCycles,
  closeStep,
  endCycle,
  getStep,
  listSteps,
  openStepsOfContact,
  type StepQuery,
} from '../store/followups-store.ts';
import { getPromise, insertPromise, setPromiseStatus } from '../store/promises-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { localDayOfIso } from '../time/local-day.ts';
import { type BulkSelection, closeInBulk, previewBulk } from './bulk.ts';
import { commitCatchUp, planCatchUp } from './catch-up.ts';
import { type EngineContext, type EngineDeps, engineContext } from './engine-context.ts';
import {
  completeStep,
  mustProfile,
  rescheduleStep,
  type SnoozeChoice,
  scheduleManual,
  skipStep,
  snoozeStep,
} from './engine-steps.ts';
import { planKeepInTouch } from './keep-in-touch.ts';
import * as playbooks from './playbooks.ts';
import { TWO_WAY_CHANNELS } from './purposes.ts';
import type { PlanOutcome } from './step-planner.ts';
import { retimeOpenSteps, sweep } from './sweep.ts';
import { buildToday } from './today.ts';

export type FollowUpEngine = ReturnType<typeof createFollowUpEngine>;

/**
 * The follow-up engine: decides when each person should hear from the user next. Every entry
 * point runs in one transaction with one consistent "now", and the sweep runs first so ended
 * waits and stale steps are settled before anything is read or planned.
 */
export function createFollowUpEngine(deps: EngineDeps) {
  let retimedFor: string | undefined;
  const run = <T>(fn: (ctx: EngineContext) => T): T =>
    writeTransaction(deps.db, () => {
      const ctx = engineContext(deps);
      sweep(ctx);
      return fn(ctx);
    });

  return {
    /** A contact was captured: start the "met" or re-engagement playbook and keep-in-touch. */
    afterContactCreated(contactId: number): void {
      run((ctx) => {
        const profile = mustProfile(ctx, contactId);
        playbooks.startAfterCapture(ctx, profile);
        planKeepInTouch(ctx, mustProfile(ctx, contactId));
      });
    },

    /** Pacing, cadence, tags or archiving changed: re-plan keep-in-touch; archiving ends cycles. */
    afterContactChanged(contactId: number): void {
      run((ctx) => {
        const profile = getFollowUpProfile(ctx.db, contactId);
        if (!profile) return;
        if (profile.archived) {
          for (const step of openStepsOfContact(ctx.db, contactId)) {
            closeStep(ctx.db, step.id, 'cancelled', ctx.nowIso, {
              cancelReason: plainText('Contact archived.'),
            });
          }
          for (const cycle of activeCycles(ctx.db, contactId))
            endCycle(ctx.db, cycle.id, 'cancelled', ctx.nowIso);
          return;
        }
        planKeepInTouch(ctx, profile);
      });
    },

    /**
     * Many people join planning at once (imported contacts marked reviewed): one transaction and
     * one sweep for all of them, not one per person.
     */
    afterContactsReviewed(contactIds: readonly number[]): void {
      run((ctx) => {
        // They had no plans while waiting for review: only those with a cadence get one now.
        for (const id of withCadence(ctx.db, contactIds)) {
          const profile = getFollowUpProfile(ctx.db, id);
          if (profile && !profile.archived) planKeepInTouch(ctx, profile);
        }
      });
    },

    afterTagChanged(tag: string): void {
      run((ctx) => {
        for (const id of contactIdsWithTag(ctx.db, tag)) {
          const profile = getFollowUpProfile(ctx.db, id);
          if (profile) planKeepInTouch(ctx, profile);
        }
      });
    },

    /**
     * An interaction the user logged. A reply (or a call or meeting) cancels the nudges waiting
     * for one; a message out answers the open nudge or starts waiting for a reply.
     */
    afterInteractionLogged(interaction: Interaction): void {
      run((ctx) => {
        const profile = mustProfile(ctx, interaction.contactId);
        const twoWay = TWO_WAY_CHANNELS.has(interaction.channel);
        if (interaction.direction === 'inbound' || twoWay) {
          playbooks.cancelNudgesOnReply(ctx, profile, interaction.occurredAt, interaction.channel);
        } else {
          const open = playbooks.openOutboundStep(ctx, profile.id);
          const day = localDayOfIso(interaction.occurredAt, ctx.timeZone);
          if (open) {
            closeStep(ctx.db, open.id, 'done', ctx.nowIso, { interactionId: interaction.id });
            playbooks.advanceAfterDone(ctx, open, profile, day);
          } else if (
            !activeCycles(ctx.db, profile.id).some(
              (c) => c.playbook !== 'keep_in_touch' && c.playbook !== 'promise',
            )
          ) {
            playbooks.startNoReply(ctx, profile, day);
          }
        }
        planKeepInTouch(ctx, mustProfile(ctx, interaction.contactId));
      });
    },

    done: (input: { id: number; channel?: Channel; summary?: string | null; at?: string }): DoneResult =>
      run((ctx) => completeStep(ctx, input)),
    snooze: (id: number, choice: SnoozeChoice): FollowUp => run((ctx) => snoozeStep(ctx, id, choice)),
    skip: (id: number): FollowUp => run((ctx) => skipStep(ctx, id)),
    schedule: (input: Parameters<typeof scheduleManual>[1]): ScheduleResult =>
      run((ctx) => scheduleManual(ctx, input)),
    reschedule: (input: { id: number; dueOn: string }): ScheduleResult =>
      run((ctx) => rescheduleStep(ctx, input)),

    arrangeMeeting(input: { contactId: number; meetingAt: string; note?: string | null }): MaybeScheduled {
      return run((ctx) => {
        const meetingAt = new Date(input.meetingAt);
        if (meetingAt.getTime() <= ctx.now.getTime()) {
          throw new ApiError('invalid_input', 'The meeting must be in the future.', [
            { path: 'meetingAt', message: 'is in the past' },
          ]);
        }
        return maybe(
          ctx,
          playbooks.arrangeMeeting(ctx, mustProfile(ctx, input.contactId), meetingAt, input.note ?? null),
        );
      });
    },

    thank(input: { contactId: number; note?: string | null }): MaybeScheduled {
      return run((ctx) =>
        maybe(ctx, playbooks.thank(ctx, mustProfile(ctx, input.contactId), input.note ?? null)),
      );
    },

    addPromise(input: {
      contactId: number;
      direction: PromiseDirection;
      text: string;
      dueOn: string;
    }): PromiseItem {
      return run((ctx) => {
        const profile = mustProfile(ctx, input.contactId);
        const id = insertPromise(ctx.db, input, ctx.nowIso);
        playbooks.planPromise(ctx, profile, { id, ...input });
        return getPromise(ctx.db, id)!;
      });
    },

    /** Closing a promise closes its open reminder or nudge too. */
    closePromise(id: number, status: 'done' | 'cancelled'): PromiseItem {
      return run((ctx) => {
        const promise = getPromise(ctx.db, id);
        if (!promise) throw new ApiError('not_found', `There is no promise with id ${id}.`);
        if (promise.status !== 'open')
          throw new ApiError('conflict', `This promise is already ${promise.status}.`);
        setPromiseStatus(ctx.db, id, status, ctx.nowIso);
        for (const step of openStepsOfContact(ctx.db, promise.contactId).filter((s) => s.promiseId === id)) {
          closeStep(ctx.db, step.id, 'cancelled', ctx.nowIso, {
            cancelReason: plainText(status === 'done' ? 'Promise kept.' : 'Promise cancelled.'),
          });
          endCycle(ctx.db, step.cycleId, status === 'done' ? 'completed' : 'cancelled', ctx.nowIso);
        }
        return getPromise(ctx.db, id)!;
      });
    },

    /**
     * Only the sweep: settles ended waits and stale steps now, so a caller that records what an
     * action changes (undo) sees the action's own writes and not the sweep's.
     */
    settle: (): void => run(() => undefined),

    // Previews read only (no sweep): what they count already leaves out what a sweep would expire.
    previewCatchUp: (): CatchUpPlan => planCatchUp(engineContext(deps)).plan,
    catchUp: (): CatchUpPlan => run((ctx) => commitCatchUp(ctx)),
    previewBulkClose: (selection: BulkSelection): BulkPreview => previewBulk(engineContext(deps), selection),
    bulkClose: (selection: BulkSelection, action: 'skip' | 'end'): BulkResult =>
      run((ctx) => closeInBulk(ctx, selection, action)),

    list: (query: StepQuery): FollowUp[] => listSteps(deps.db, query),
    today: (): TodayView => run((ctx) => buildToday(ctx)),

    /**
     * Settles waits and stale steps, and re-times open steps when the zone or the follow-up hour
     * differs from the last re-timing in this process (the scheduler calls this on every wake).
     */
    replan(): number {
      return run((ctx) => {
        const key = `${ctx.timeZone}@${ctx.settings.followUpHour}`;
        if (key === retimedFor) return 0;
        retimedFor = key;
        return retimeOpenSteps(ctx);
      });
    },
  };
}

function maybe(ctx: EngineContext, outcome: PlanOutcome): MaybeScheduled {
  if (outcome.stepId === null) return { followUp: null, warnings: [], reason: outcome.reason };
  return { followUp: getStep(ctx.db, outcome.stepId) ?? null, warnings: outcome.warnings };
}
