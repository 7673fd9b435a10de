import type { ComposeChannel, ComposeTemplate, Draft } from '../../shared/domain/compose.ts';
import { detailQuestion } from './ask.ts';
import { defaultChannel } from './channel.ts';
import type { ComposeContext } from './context.ts';
import { dateWords } from './dates.ts';
import { buildView, factsUsed } from './facts.ts';
import { placeholdersShown, renderText } from './render.ts';
import { asProposedTime, findSlots, isZone } from './slots.ts';
import { templatesFor } from './templates/builtin.ts';
import { tidyBody, tidySubject } from './text.ts';
import { chooseVariant } from './variant.ts';

/** What drafting fills; the check, the length and the hand-off are added by the caller. */
export type DraftText = Omit<Draft, 'checks' | 'length' | 'handoff' | 'saved'>;

export interface DraftOptions {
  channel?: ComposeChannel | undefined;
  variant?: number | undefined;
  /** The user's templates (any purpose or channel; the matching ones are used after the built-ins). */
  templates?: readonly ComposeTemplate[] | undefined;
  /** Or: the templates for a channel, asked once the channel is known. */
  templatesFor?: ((channel: ComposeChannel) => readonly ComposeTemplate[]) | undefined;
}

/**
 * A message written from what is known about the person, for one purpose and channel: pure
 * (the context carries the clock, zones and history), so the same context gives the same draft.
 */
export function draftFor(ctx: ComposeContext, options: DraftOptions = {}): DraftText {
  const channel = options.channel ?? defaultChannel(ctx);
  const templates = templatesFor(ctx.purpose, channel, options.templatesFor?.(channel) ?? options.templates);
  const key = variantKey(ctx.purpose, channel);
  const variant = chooseVariant({
    count: templates.length,
    requested: options.variant,
    lastUsed: ctx.lastVariants.get(key),
    usedTodayAtEvent: ctx.eventVariantsToday.get(key),
    seed: `${ctx.contact.id}|${key}`,
  });
  const template = templates[variant]!;
  const words = dateWords(ctx.locale);
  const slots = wantsTimes(ctx) ? findSlots(slotInput(ctx)) : [];
  const { view, sources } = buildView(ctx, channel, slots, words);

  const subjectTemplate =
    channel === 'email' ? (template.subject ?? templates.find((t) => t.subject)?.subject ?? null) : null;
  const used = placeholdersShown(template.body, view);
  if (subjectTemplate) for (const name of placeholdersShown(subjectTemplate, view)) used.add(name);

  return {
    stepId: ctx.step?.id ?? null,
    contactId: ctx.contact.id,
    contactName: ctx.contact.displayName,
    purpose: ctx.purpose,
    channel,
    variant,
    variants: templates.length,
    templateId: template.id,
    subject: subjectTemplate === null ? null : tidySubject(renderText(subjectTemplate, view)),
    body: tidyBody(renderText(template.body, view)),
    facts: factsUsed(used, sources),
    proposedTimes: slots.map((slot) => asProposedTime(slot, ctx.userZone, words)),
    ask: detailQuestion(ctx),
  };
}

/**
 * Any template (the editor's live preview of a user template) as a draft for this context would
 * read. Problems are the validator's business; an unknown placeholder here prints nothing.
 */
export function renderTemplate(
  ctx: ComposeContext,
  template: { subject: string | null; body: string },
  channel: ComposeChannel,
): { subject: string | null; body: string } {
  const { view } = prepare(ctx, channel);
  return {
    subject:
      channel === 'email' && template.subject !== null
        ? tidySubject(renderText(template.subject, view))
        : null,
    body: tidyBody(renderText(template.body, view)),
  };
}

function prepare(ctx: ComposeContext, channel: ComposeChannel) {
  const words = dateWords(ctx.locale);
  const slots = wantsTimes(ctx) ? findSlots(slotInput(ctx)) : [];
  return { words, slots, ...buildView(ctx, channel, slots, words) };
}

/** The key of ComposeContext.lastVariants and eventVariantsToday. */
export const variantKey = (purpose: string, channel: ComposeChannel) => `${purpose}.${channel}`;

// A next step that is a conversation gets times to choose from; so do the purposes whose advice
// is to propose one (the refresher, the second note, re-engagement), and a confirmation, whose
// times are the alternatives if the meeting has to move.
const MEETING_WORDS =
  /\b(call|calls|coffee|meet|meeting|meetup|chat|demo|lunch|breakfast|dinner|drinks|catch[- ]?up|zoom|video|visit|interview)\b/iu;
const TIMES_BY_PURPOSE = new Set(['refresher', 'second', 'reengage', 'confirmation']);

export function wantsTimes(ctx: ComposeContext): boolean {
  if (TIMES_BY_PURPOSE.has(ctx.purpose)) return true;
  return (
    MEETING_WORDS.test(ctx.contact.nextStep ?? '') ||
    (ctx.purpose === 'manual' && MEETING_WORDS.test(ctx.step?.note ?? ''))
  );
}

function slotInput(ctx: ComposeContext) {
  const meeting = ctx.purpose === 'confirmation' && ctx.step?.meetingAt ? new Date(ctx.step.meetingAt) : null;
  const zone = ctx.contact.timeZone;
  return {
    now: ctx.now,
    // Alternatives to a meeting come after it: offering its own hour again helps nobody.
    notBefore: meeting && !Number.isNaN(meeting.getTime()) ? new Date(meeting.getTime() + 3_600_000) : null,
    myZone: ctx.userZone,
    theirZone: zone && isZone(zone) ? zone : null,
    workingDays: ctx.me.workingDays,
    workingHours: ctx.me.workingHours,
  };
}
