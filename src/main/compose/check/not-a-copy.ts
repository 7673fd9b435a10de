import type { CheckItem } from '../../../shared/domain/compose.ts';
import type { ComposeContext } from '../context.ts';
import { dayMonth } from './format.ts';
import { normalWord, wordsOf } from './words.ts';

/**
 * Near-copy detection by word 3-shingles (every run of three consecutive words, folded). The
 * measure is containment: the share of the NEW message's shingles that were already in the old
 * one. Jaccard would also count the old message's words against it, so "the old message plus a
 * new paragraph" would pass; containment flags it, and an old two-line summary found inside a
 * long new message does not make the new one a copy.
 *
 * Threshold 0.5, "more than half of what you wrote, you wrote before, in the same order". Measured
 * on a 58-word follow-up (tests/unit/compose/check-not-a-copy.test.ts):
 * - the same message to someone else, name and one detail swapped: 0.89, flagged;
 * - the same message with two new sentences (28 words) added: 0.67, flagged;
 * - a new message that reuses the old closing question (14 of its 45 words): 0.30, passes;
 * - a message from another template variant on the same facts: 0.05, passes.
 */
export const NEAR_COPY_THRESHOLD = 0.5;
const N = 3;

/** Below this many shingles a message is too short to judge by shingles; it must be equal word for word. */
const MIN_SHINGLES = 4;

function normalWords(text: string): string[] {
  return wordsOf(text).map(normalWord).filter(Boolean);
}

export function shingles(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + N <= words.length; i++) out.add(words.slice(i, i + N).join(' '));
  return out;
}

/** Share of `next`'s shingles found in `previous` (0…1). */
export function containment(next: string, previous: string): number {
  const a = normalWords(next);
  const b = normalWords(previous);
  if (a.length === 0) return 0;
  const sa = shingles(a);
  if (sa.size < MIN_SHINGLES) return a.join(' ') === b.join(' ') ? 1 : 0;
  const sb = shingles(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared / sa.size;
}

/** My signature is on every message; leaving it in would make short messages look alike. */
function withoutSignature(text: string, signature: string | null): string {
  const sig = signature?.trim();
  return sig ? text.split(sig).join(' ') : text;
}

export function checkNotACopy(ctx: ComposeContext, body: string): CheckItem {
  const mine = withoutSignature(body, ctx.me.signature);
  let worst: { at: string; score: number } | null = null;
  for (const sent of ctx.sent) {
    const score = containment(mine, withoutSignature(sent.summary, ctx.me.signature));
    if (!worst || score > worst.score) worst = { at: sent.at, score };
  }
  const day = (iso: string) => dayMonth(Date.parse(iso), ctx.userZone, ctx.locale);
  if (!worst) return { id: 'not_a_copy', ok: true, message: 'Nothing sent to them before' };
  if (worst.score >= NEAR_COPY_THRESHOLD) {
    return {
      id: 'not_a_copy',
      ok: false,
      message: `Almost the same as your message of ${day(worst.at)} (${Math.round(worst.score * 100)}% of the wording repeats it): say something new`,
    };
  }
  const last = ctx.sent[0]!;
  return { id: 'not_a_copy', ok: true, message: `Different from your message of ${day(last.at)}` };
}
