import { ContactDraft } from '../../../shared/domain/contact.ts';
import { parsingAt } from '../../../shared/domain/date-bounds.ts';
import type { ForecastDay } from '../../../shared/domain/forecast.ts';
import type { Channel } from '../../../shared/domain/interaction.ts';
import type { Settings } from '../../../shared/settings.ts';
import { createFollowUpEngine, type FollowUpEngine } from '../../followups/engine.ts';
import { PURPOSE_RULES } from '../../followups/purposes.ts';
import { insertContact } from '../../store/contacts-store.ts';
import type { Db } from '../../store/database.ts';
import { getStep } from '../../store/followups-store.ts';
import { getInteraction, insertInteraction } from '../../store/interactions-store.ts';
import { writeTransaction } from '../../store/transaction.ts';
import { addDays, atLocalHour, dayNumber, isWorkingDay, type LocalDay } from '../../time/local-day.ts';
import { replyFate } from './reply-fate.ts';

export interface SimulationInput {
  /** The in-memory copy: the simulation writes to it freely. */
  copy: Db;
  settings: Settings;
  timeZone: string;
  /** The real present: day 0 runs at this moment, later days at the follow-up hour. */
  now: Date;
  today: LocalDay;
  days: number;
  replyRate: number;
  seed: number;
  capturesOn: (day: LocalDay) => number;
}

/** What the run saw, for the summary. */
export interface SimulationTrace {
  days: ForecastDay[];
  /** Per person, the day numbers of the nudges sent to them (the caps count these). */
  nudges: Map<number, number[]>;
  /** The people captured during the run: their meeting day and the day of their first message. */
  captured: Map<number, { metOn: LocalDay; firstMessage: LocalDay | null }>;
}

interface PendingReply {
  contactId: number;
  channel: Channel;
}

/**
 * The follow-up engine, the one real use runs, driven day by day by a simulated user: every
 * morning the replies due that day arrive and the day's new people are captured; on working days
 * the user opens Today and marks Done every prompt it shows within the budget, as the Done
 * button does; each message is answered or not by replyFate. Days off run the engine's sweep only.
 */
export async function simulate(input: SimulationInput): Promise<SimulationTrace> {
  const { copy, settings, timeZone } = input;
  let now = input.now;
  const engine = createFollowUpEngine({
    db: copy,
    clock: () => new Date(now.getTime()),
    settings: {
      get: () => settings,
      update: () => {
        throw new Error('The forecast never changes settings.');
      },
    },
  });
  // As the scheduler does when it wakes: due times follow the zone and the follow-up hour.
  engine.replan();

  const trace: SimulationTrace = { days: [], nudges: new Map(), captured: new Map() };
  const replies = new Map<LocalDay, PendingReply[]>();
  const messagesTo = new Map<number, number>();
  const budget = settings.caps.dailyBudget;

  for (let i = 0; i < input.days; i++) {
    // A 90-day run on a large network takes seconds: other calls (the HTTP shell's, Electron's
    // IPC) are answered between days. Only the in-memory copy is touched after the start.
    if (i > 0) await nextTurn();
    const day = addDays(input.today, i);
    if (i > 0) now = atLocalHour(day, settings.followUpHour, timeZone);
    const arrived = replies.get(day) ?? [];
    replies.delete(day);
    for (const reply of arrived) logReply(copy, engine, reply, now);
    const captured = input.capturesOn(day);
    for (let n = 0; n < captured; n++)
      trace.captured.set(capture(copy, engine, day, now), { metOn: day, firstMessage: null });

    const working = isWorkingDay(day, settings.workingDays);
    const record: ForecastDay = {
      date: day,
      workingDay: working,
      budget: working ? budget : 0,
      prompts: 0,
      done: 0,
      waiting: 0,
      captured,
      replies: arrived.length,
    };
    trace.days.push(record);
    if (!working) {
      engine.settle();
      continue;
    }
    const today = engine.today();
    record.prompts = today.counts.due + today.counts.doneToday;
    record.done = today.counts.doneToday;
    const endOfDay = atLocalHour(addDays(day, 1), 0, timeZone).toISOString();
    for (const item of [...today.overdue, ...today.dueToday]) {
      // Done on one step may re-plan another of the same person (a check-in moves on): act only
      // on what is still open and still due today, as the screen would after refreshing.
      const step = getStep(copy, item.id);
      if (!step || (step.status !== 'pending' && step.status !== 'snoozed') || step.dueAt >= endOfDay)
        continue;
      const result = engine.done({ id: item.id });
      record.done++;
      const contactId = result.followUp.contactId;
      if (PURPOSE_RULES[result.followUp.purpose].nudge) push(trace.nudges, contactId, dayNumber(day));
      const first = trace.captured.get(contactId);
      if (first && first.firstMessage === null) first.firstMessage = day;
      if (result.followUp.purpose === 'promise_mine') continue;
      const n = messagesTo.get(contactId) ?? 0;
      messagesTo.set(contactId, n + 1);
      const fate = replyFate(input.seed, contactId, n, input.replyRate);
      if (fate.replies) {
        const on = addDays(day, fate.afterDays);
        const list = replies.get(on) ?? [];
        list.push({ contactId, channel: result.interaction.channel });
        replies.set(on, list);
      }
    }
    record.waiting = Math.max(0, record.prompts - record.done);
  }
  return trace;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A new person, as contacts.create captures one: stored, then handed to the engine. */
function capture(copy: Db, engine: FollowUpEngine, day: LocalDay, now: Date): number {
  // The contract's "not in the future" bounds are read at the simulated moment.
  const draft = parsingAt(now, () => ContactDraft.parse({ displayName: 'Forecast person', metOn: day }));
  return writeTransaction(copy, () => {
    // Nothing searches the copy: the search index is left as it was (a third of a capture's cost).
    const id = insertContact(copy, draft, now.toISOString(), { index: false });
    engine.afterContactCreated(id);
    return id;
  });
}

/** Their answer, as interactions.add logs one: a reply cancels the nudges waiting for it. */
function logReply(copy: Db, engine: FollowUpEngine, reply: PendingReply, now: Date): void {
  writeTransaction(copy, () => {
    const at = now.toISOString();
    const id = insertInteraction(
      copy,
      {
        contactId: reply.contactId,
        occurredAt: at,
        channel: reply.channel,
        direction: 'inbound',
        summary: 'Replied (forecast)',
        outcome: null,
      },
      at,
      { index: false },
    );
    engine.afterInteractionLogged(getInteraction(copy, id)!);
  });
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
