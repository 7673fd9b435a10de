import type { Pacing, Purpose } from '../../../shared/domain/followup.ts';

/** How each kind of step is named in the app (what "done" logs by default is main's business). */
const PURPOSE_LABELS: Record<Purpose, string> = {
  refresher: 'Refresher',
  second: 'Nudge',
  confirmation: 'Meeting confirmation',
  thank_you: 'Thank-you',
  check_in: 'Check-in',
  reengage: 'Reconnect',
  long_term: 'Gentle check-in',
  promise_mine: 'Your promise',
  promise_theirs: 'Their promise',
  manual: 'Follow-up',
};

export function purposeLabel(purpose: Purpose): string {
  return PURPOSE_LABELS[purpose] ?? 'Follow-up';
}

export const PACING_OPTIONS: { value: Pacing; label: string; hint: string }[] = [
  { value: 'fast', label: 'Fast', hint: 'Shorter gaps, for fast-moving fields' },
  { value: 'standard', label: 'Standard', hint: 'The proven default timing' },
  { value: 'deliberate', label: 'Deliberate', hint: 'More room between steps' },
];

export const PACING_LABELS: Record<Pacing, string> = {
  fast: 'Fast',
  standard: 'Standard',
  deliberate: 'Deliberate',
};

/** Keep-in-touch rhythms offered as one click; anything else is a custom number of days. */
export const CADENCE_PRESETS = [30, 90, 180] as const;
export const CADENCE_MIN_DAYS = 7;
export const CADENCE_MAX_DAYS = 730;
