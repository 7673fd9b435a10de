import { seededRandom } from '../../seed/random.ts';

/** The same inputs give the same forecast: every draw comes from this seed. */
export const FORECAST_SEED = 13;
/** A reply comes one to four days after the message. */
const REPLY_DELAY_DAYS = { min: 1, max: 4 } as const;

/**
 * Whether the n-th simulated message to a person is answered, and after how many days. Drawn
 * from (seed, person, n) rather than from one stream, so trying another budget or pacing moves
 * when messages go out without reshuffling who answers.
 */
export function replyFate(
  seed: number,
  contactId: number,
  n: number,
  rate: number,
): { replies: boolean; afterDays: number } {
  const mixed = Math.imul(seed ^ Math.imul(contactId, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35);
  const random = seededRandom(mixed);
  const replies = random() < rate;
  const span = REPLY_DELAY_DAYS.max - REPLY_DELAY_DAYS.min + 1;
  return { replies, afterDays: REPLY_DELAY_DAYS.min + Math.floor(random() * span) };
}
