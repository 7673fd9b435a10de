import type { ProgressPayload } from '../../shared/api/pushes.ts';

type Side = NonNullable<ProgressPayload['side']>;
type Phase = Exclude<ProgressPayload['phase'], 'done'>;

/** How a calendar or contact pass says how far it is; counts only, never a reason to act. */
export type SyncProgress = (side: Side, phase: Phase, done: number, total: number) => void;

/** At most this often within one phase: a 10,000-card pass would otherwise push thousands of times. */
const EVERY_MS = 250;

/**
 * Progress of one account's pass as 'dav-sync' pushes. The first and last count of each phase
 * (and of each new total) always go, so the window sees a phase begin and end; those between, a
 * few times a second at most. The tick is wall time on purpose: the app's clock may be frozen or moved in test mode.
 */
export function syncProgress(
  emit: (payload: ProgressPayload) => void,
  accountId: number,
  tick: () => number = () => performance.now(),
): { report: SyncProgress; finish: (handled: number) => void } {
  let last: { side: Side; phase: Phase; total: number; at: number } | null = null;
  return {
    report(side, phase, count, total) {
      const at = tick();
      // A new total is an edge too: "0 of 0" (not counted yet) becomes a bar with a length.
      const edge = last?.side !== side || last.phase !== phase || last.total !== total || count >= total;
      if (!edge && last && at - last.at < EVERY_MS) return;
      last = { side, phase, total, at };
      emit({ task: 'dav-sync', phase, done: count, total: Math.max(total, count), accountId, side });
    },
    /** The pass is over, done or not: `handled` is what it pushed and read. */
    finish(handled) {
      emit({ task: 'dav-sync', phase: 'done', done: handled, total: handled, accountId });
    },
  };
}
