import type { DetailQuestion } from '../../shared/domain/compose.ts';
import type { ComposeContext } from './context.ts';
import { tidyFact } from './text.ts';

/**
 * The one detail to ask for when the context has nothing specific to say, so the composer asks
 * ("What did you talk about?") instead of sending a message that could be to anyone. The answer
 * is written back to the contact, so the next draft has it too. Keep-in-touch messages are about
 * the person's life more than one conversation, so they ask for interests.
 */
export function detailQuestion(ctx: ComposeContext): DetailQuestion | null {
  if (hasSomethingSpecific(ctx)) return null;
  return ctx.purpose === 'check_in' || ctx.purpose === 'long_term'
    ? { field: 'interests', question: 'What are they working on or interested in?' }
    : { field: 'discussed', question: 'What did you talk about?' };
}

function hasSomethingSpecific(ctx: ComposeContext): boolean {
  const c = ctx.contact;
  if ([c.discussed, c.interests, c.nextStep, c.metWhere].some((v) => tidyFact(v) !== '')) return true;
  if ([...ctx.promises.mine, ...ctx.promises.theirs].some((p) => tidyFact(p.text) !== '')) return true;
  // A confirmation names the meeting; a thank-you and a promise name what the step is about.
  if (ctx.purpose === 'confirmation' && ctx.step?.meetingAt) return true;
  const stepNoteCounts =
    ctx.purpose === 'thank_you' || ctx.purpose === 'promise_mine' || ctx.purpose === 'promise_theirs';
  return stepNoteCounts && tidyFact(ctx.step?.note) !== '';
}
