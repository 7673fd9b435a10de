import type { Pacing } from '../../shared/domain/followup.ts';

/**
 * Pacing scales every delay: fast-moving fields (tech, retail) expect quicker follow-ups,
 * deliberate ones (real estate, finance) more space. Urgent halves the next step.
 */
const FACTOR: Record<Pacing, number> = { fast: 0.5, standard: 1, deliberate: 1.5 };

export interface PaceInput {
  pacing: Pacing;
  urgent: boolean;
}

/** Days after pacing, never below `floor` (0 keeps "same day" possible when asked for). */
export function pacedDays(baseDays: number, pace: PaceInput, floor = 1): number {
  if (baseDays <= 0) return 0;
  const scaled = baseDays * FACTOR[pace.pacing] * (pace.urgent ? 0.5 : 1);
  return Math.max(floor, Math.round(scaled));
}
