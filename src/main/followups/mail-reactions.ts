import type { Interaction } from '../../shared/domain/interaction.ts';
import { dated, day as onDay } from '../../shared/format/dated-text.ts';
import { type FollowUpProfile, getFollowUpProfile, setNoResponseSince } from '../store/contacts-store.ts';
import {
  activeCycles,
  type CycleRow,
  closeStep,
  endCycle,
  getCycle,
  openStepsOfContact,
  openStepsOfCycle,
} from '../store/followups-store.ts';
import {
  heardFromSince,
  lastDoneInCycle,
  lastOutboundAtOrBefore,
  noResponseSince,
} from '../store/mail-reaction-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { atLocalHour, localDayOfIso } from '../time/local-day.ts';
import { type EngineContext, type EngineDeps, engineContext } from './engine-context.ts';
import { planKeepInTouch } from './keep-in-touch.ts';
import { advanceAfterDone, startNoReply } from './playbooks.ts';
import { PURPOSE_RULES, REPLY_ENDS } from './purposes.ts';
import { sweep } from './sweep.ts';

/**
 * The engine's entry for interactions that came from the user's mailbox (issue 12). They act as
 * a logged interaction does (engine.afterInteractionLogged): a reply ends the nudges waiting for
 * it, a message out completes the open step it answers and the cycle moves on. But a mailbox
 * brings months of history at once, so each rule asks about the message's own moment:
 *
 * - a message from them ends only the waits that had begun before it (a cycle waits from the
 *   day we met, from the last step sent in it, or from the message out that started it);
 * - a message to them completes a step only inside that step's window: a refresher from the day
 *   we met, any other step from half-way between the cycle's last message and its due time (so
 *   a message sent a little before a step was due still completes it, and a correction sent an
 *   hour after the refresher is not mistaken for the second note);
 * - a message to them that answers no step starts the no-reply chain only if it is recent
 *   enough for its second note to be still ahead, and they have not written since.
 */
export interface MailReactionCounts {
  /** Messages from a contact that ended at least one wait. */
  replies: number;
  stepsCompleted: number;
  nudgesCancelled: number;
}

export interface MailReactor {
  react(interaction: Interaction): void;
  readonly counts: MailReactionCounts;
}

/** Steps a message out can be the answer to (as engine.afterInteractionLogged takes them). */
const ANSWERABLE: ReadonlySet<string> = new Set([
  'refresher',
  'second',
  'reengage',
  'long_term',
  'manual',
  'check_in',
]);

const DAY_MS = 86_400_000;

/**
 * One transaction, one sweep and one moment for a batch, as every engine entry; keep-in-touch is
 * re-planned once per person at the end rather than once per message.
 */
export function withMailReactor<T>(deps: EngineDeps, fn: (reactor: MailReactor) => T): T {
  return writeTransaction(deps.db, () => {
    const ctx = engineContext(deps);
    sweep(ctx);
    const counts: MailReactionCounts = { replies: 0, stepsCompleted: 0, nudgesCancelled: 0 };
    const touched = new Set<number>();
    const value = fn({
      counts,
      react(interaction) {
        const profile = getFollowUpProfile(ctx.db, interaction.contactId);
        if (!profile) return;
        touched.add(profile.id);
        if (interaction.direction === 'inbound') {
          const cancelled = cancelWaitsBefore(ctx, profile, interaction.occurredAt);
          if (cancelled > 0) counts.replies++;
          counts.nudgesCancelled += cancelled;
        } else if (completeAnsweredStep(ctx, profile, interaction)) {
          counts.stepsCompleted++;
        } else {
          startWaitingIfRecent(ctx, profile, interaction.occurredAt);
        }
      },
    });
    for (const id of touched) {
      const profile = getFollowUpProfile(ctx.db, id);
      if (profile) planKeepInTouch(ctx, profile);
    }
    return value;
  });
}

/** When a cycle began waiting for them (see the header). */
function waitingSince(ctx: EngineContext, cycle: CycleRow, profile: FollowUpProfile): string {
  const done = lastDoneInCycle(ctx.db, cycle.id);
  if (done) return done;
  if (cycle.playbook === 'met' && profile.metOn)
    return atLocalHour(profile.metOn, 0, ctx.timeZone).toISOString();
  if (cycle.playbook === 'no_reply')
    return lastOutboundAtOrBefore(ctx.db, profile.id, cycle.startedAt) ?? cycle.startedAt;
  return cycle.startedAt;
}

/** They wrote at `at`: the nudges of the cycles that were waiting by then are cancelled. */
function cancelWaitsBefore(ctx: EngineContext, profile: FollowUpProfile, at: string): number {
  const day = localDayOfIso(at, ctx.timeZone);
  let cancelled = 0;
  for (const cycle of activeCycles(ctx.db, profile.id)) {
    if (!REPLY_ENDS.has(cycle.playbook) && cycle.playbook !== 'promise') continue;
    if (at < waitingSince(ctx, cycle, profile)) continue;
    for (const step of openStepsOfCycle(ctx.db, cycle.id)) {
      if (!PURPOSE_RULES[step.purpose].cancelledByReply) continue;
      closeStep(ctx.db, step.id, 'cancelled', ctx.nowIso, {
        cancelReason: dated`They replied by e-mail on ${onDay(day)}.`,
      });
      cancelled++;
    }
    if (REPLY_ENDS.has(cycle.playbook)) endCycle(ctx.db, cycle.id, 'replied', ctx.nowIso);
    else if (openStepsOfCycle(ctx.db, cycle.id).length === 0)
      endCycle(ctx.db, cycle.id, 'completed', ctx.nowIso);
  }
  const silentSince = noResponseSince(ctx.db, profile.id);
  if (silentSince && day >= silentSince) setNoResponseSince(ctx.db, profile.id, null);
  return cancelled;
}

/** I wrote at the interaction's moment: the first open step whose window holds it is done. */
function completeAnsweredStep(
  ctx: EngineContext,
  profile: FollowUpProfile,
  interaction: Interaction,
): boolean {
  const at = interaction.occurredAt;
  for (const step of openStepsOfContact(ctx.db, profile.id)) {
    if (!ANSWERABLE.has(step.purpose)) continue;
    const cycle = getCycle(ctx.db, step.cycleId);
    if (!cycle) continue;
    const since = waitingSince(ctx, cycle, profile);
    if (at < windowOpens(step.purpose, since, step.dueAt)) continue;
    closeStep(ctx.db, step.id, 'done', ctx.nowIso, { interactionId: interaction.id });
    advanceAfterDone(ctx, step, profile, localDayOfIso(at, ctx.timeZone));
    return true;
  }
  return false;
}

function windowOpens(purpose: string, since: string, dueAt: string): string {
  if (purpose === 'refresher') return since;
  const from = Date.parse(since);
  const due = Date.parse(dueAt);
  const opens = due - Math.max(DAY_MS, (due - from) / 2);
  return new Date(Math.max(from, opens)).toISOString();
}

/** A message out that answers no step: wait for a reply, as a logged one would, if still useful. */
function startWaitingIfRecent(ctx: EngineContext, profile: FollowUpProfile, at: string): void {
  if (profile.archived || profile.imported) return;
  const { noReply } = ctx.settings.playbooks;
  if (Date.parse(at) < ctx.now.getTime() - noReply.secondAfterDays * DAY_MS) return;
  const watched = activeCycles(ctx.db, profile.id).some(
    (c) => c.playbook !== 'keep_in_touch' && c.playbook !== 'promise',
  );
  if (watched || heardFromSince(ctx.db, profile.id, at)) return;
  startNoReply(ctx, profile, localDayOfIso(at, ctx.timeZone));
}
