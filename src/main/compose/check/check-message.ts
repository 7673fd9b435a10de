import {
  CHECK_IDS,
  type CheckItem,
  type ComposeChannel,
  type LengthInfo,
} from '../../../shared/domain/compose.ts';
import type { ComposeContext } from '../context.ts';
import { checkLength, type LinkedinKind } from './length.ts';
import { checkNamesPerson } from './names-person.ts';
import { checkNextStep } from './next-step.ts';
import { checkNotACopy } from './not-a-copy.ts';
import { checkSpecificDetail } from './specific-detail.ts';
import { checkStockPhrases } from './stock-phrases.ts';
import { checkTiming } from './timing.ts';

/**
 * The personalisation check: one item per CHECK_IDS, in that order, each with a reason in words.
 * Pure (the context carries the clock), so the composer runs it on every edit and the CLI on a
 * file. Advice only: nothing here stops a message from being sent.
 */

export interface CheckMessageInput {
  channel: ComposeChannel;
  subject: string | null;
  body: string;
  /**
   * LinkedIn: a connection request's note (300 characters) or a message to a connection.
   * Default: a message once you have written or heard from them there, else a note.
   */
  linkedinKind?: LinkedinKind;
}

export interface CheckMessageResult {
  checks: CheckItem[];
  length: LengthInfo;
}

export function linkedinKindOf(ctx: ComposeContext): LinkedinKind {
  const talked = [...ctx.sent, ...(ctx.heard ?? [])].some((m) => m.channel === 'linkedin');
  return talked ? 'message' : 'note';
}

export function checkMessage(ctx: ComposeContext, input: CheckMessageInput): CheckMessageResult {
  // The subject is read with the body for what the message says; only the body has a length.
  const subject = input.channel === 'email' ? (input.subject ?? '').trim() : '';
  const whole = subject ? `${subject}\n${input.body}` : input.body;
  const { item: lengthItem, length } = checkLength(
    input.channel,
    input.body,
    input.linkedinKind ?? linkedinKindOf(ctx),
  );
  const items = new Map<CheckItem['id'], CheckItem>([
    ['names_person', checkNamesPerson(ctx, whole)],
    ['specific_detail', checkSpecificDetail(ctx, whole)],
    ['next_step', checkNextStep(whole)],
    ['length', lengthItem],
    ['stock_phrases', checkStockPhrases(whole, ctx.me.stockPhrases)],
    ['not_a_copy', checkNotACopy(ctx, input.body)],
    ['timing', checkTiming(ctx, input.channel)],
  ]);
  return { checks: CHECK_IDS.map((id) => items.get(id)!), length };
}
