import { ApiError } from '../../shared/api/errors.ts';
import { COMPOSE_CHANNELS, type ComposeChannel } from '../../shared/domain/compose.ts';
import type { Purpose } from '../../shared/domain/followup.ts';
import type { Settings } from '../../shared/settings.ts';
import {
  composeContact,
  composeStep,
  contactAddresses,
  eventVariantsSince,
  lastHeardAt,
  lastVariantsOf,
  messagesOf,
  openPromisesOf,
} from '../store/compose-store.ts';
import type { Db } from '../store/database.ts';
import { userTimeZone } from '../time/zone.ts';
import type { ComposeContext } from './context.ts';

const COMPOSE_CHANNEL_SET: ReadonlySet<string> = new Set(COMPOSE_CHANNELS);
const asComposeChannel = (channel: string | null): ComposeChannel | null =>
  channel !== null && COMPOSE_CHANNEL_SET.has(channel) ? (channel as ComposeChannel) : null;

/** Batch variation looks back this far for messages to others met at the same event. */
const BATCH_WINDOW_MS = 7 * 86_400_000;

export interface ContextTarget {
  stepId?: number | undefined;
  contactId?: number | undefined;
  purpose?: Purpose | undefined;
}

/**
 * Everything a draft and its check draw on, read in one go (inside the caller's transaction, so
 * it is one consistent moment). A step's contact wins over a `contactId` that disagrees with it:
 * naming a step and someone else is refused rather than guessed at.
 */
export function loadComposeContext(
  db: Db,
  settings: Settings,
  now: Date,
  target: ContextTarget,
  locale: string | undefined,
): ComposeContext {
  const stepRow = target.stepId === undefined ? undefined : composeStep(db, target.stepId);
  if (target.stepId !== undefined && !stepRow)
    throw new ApiError('not_found', `There is no follow-up ${target.stepId}.`);
  if (stepRow && target.contactId !== undefined && target.contactId !== stepRow.contactId) {
    throw new ApiError('invalid_input', `Follow-up ${stepRow.id} is for another contact.`, [
      { path: 'contactId', message: `follow-up ${stepRow.id} belongs to contact ${stepRow.contactId}` },
    ]);
  }
  if (stepRow && stepRow.status !== 'pending' && stepRow.status !== 'snoozed') {
    throw new ApiError(
      'conflict',
      `Follow-up ${stepRow.id} is already ${stepRow.status}; there is nothing to write.`,
    );
  }
  const contactId = stepRow?.contactId ?? target.contactId;
  if (contactId === undefined) throw new ApiError('invalid_input', 'Name a step or a contact to write to.');
  const row = composeContact(db, contactId);
  if (!row) throw new ApiError('not_found', `There is no contact ${contactId}.`);
  const promises = openPromisesOf(db, contactId);
  const sent = messagesOf(db, contactId, 'outbound');
  const purpose = stepRow?.purpose ?? target.purpose ?? (sent.length > 0 ? 'check_in' : 'reengage');
  const since = new Date(now.getTime() - BATCH_WINDOW_MS).toISOString();
  return {
    now,
    userZone: userTimeZone(settings),
    locale,
    me: {
      name: settings.composer.myName,
      signature: settings.composer.signature,
      workingDays: settings.workingDays,
      workingHours: settings.workingHours,
      stockPhrases: settings.composer.stockPhrases,
      caps: { minGapDays: settings.caps.minGapDays, maxPer30Days: settings.caps.maxPer30Days },
    },
    contact: { ...row, ...contactAddresses(db, contactId) },
    step: stepRow
      ? {
          id: stepRow.id,
          purpose: stepRow.purpose,
          channel: asComposeChannel(stepRow.channel),
          dueAt: stepRow.dueAt,
          meetingAt: stepRow.meetingAt,
          // A meeting's note is where it is ("Café Oberholz, 2nd floor"); for other cycles it is
          // the reason the user gave, which the draft may quote as what the message is about.
          meetingPlace: stepRow.meetingAt ? stepRow.cycleNote : null,
          note: stepRow.promiseText ?? (stepRow.meetingAt ? null : stepRow.cycleNote),
        }
      : null,
    purpose,
    promises: {
      mine: promises.filter((p) => p.direction === 'mine'),
      theirs: promises.filter((p) => p.direction === 'theirs'),
    },
    sent,
    heard: messagesOf(db, contactId, 'inbound', 10),
    lastHeardAt: lastHeardAt(db, contactId),
    lastVariants: lastVariantsOf(db, contactId),
    eventVariantsToday:
      row.metEventId === null ? new Map() : eventVariantsSince(db, row.metEventId, contactId, since),
  };
}
