/**
 * Which template variant a draft uses. Never the one last sent to this person for the same
 * purpose and channel (consecutive messages read differently), and not one already used today
 * for someone met at the same event when another is free (a batch after a conference does not
 * go out as one text). Deterministic: the same context gives the same choice, so a re-opened
 * composer shows the same draft and tests are stable.
 */
export interface VariantInput {
  count: number;
  /** Asked for explicitly (the composer's "another wording"); wraps around. */
  requested?: number | undefined;
  lastUsed?: number | undefined;
  usedTodayAtEvent?: readonly number[] | undefined;
  /** Spreads first drafts over the variants: e.g. the contact's id. */
  seed: string;
}

export function chooseVariant(input: VariantInput): number {
  const { count } = input;
  if (count <= 1) return 0;
  if (input.requested !== undefined) return ((input.requested % count) + count) % count;
  const last =
    input.lastUsed !== undefined && input.lastUsed >= 0 && input.lastUsed < count
      ? input.lastUsed
      : undefined;
  const start = last !== undefined ? (last + 1) % count : hash(input.seed) % count;
  const order = Array.from({ length: count }, (_, i) => (start + i) % count).filter((v) => v !== last);
  const used = new Map<number, number>();
  for (const v of input.usedTodayAtEvent ?? []) used.set(v, (used.get(v) ?? 0) + 1);
  // The least used today wins; ties go to the rotation order.
  let best = order[0]!;
  for (const v of order) if ((used.get(v) ?? 0) < (used.get(best) ?? 0)) best = v;
  return best;
}

// FNV-1a: small, stable across runs and platforms (no Math.random, no process state).
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
