import type { BulkPreview, BulkResult } from '../../shared/domain/backlog.ts';
import type { Purpose } from '../../shared/domain/followup.ts';
import { plainText } from '../../shared/format/dated-text.ts';
import { closeStep, endCycle, getCycle, openStepsOfCycle } from '../store/followups-store.ts';
import { type DueStepRow, dueSteps } from '../store/today-store.ts';
import { addDays } from '../time/local-day.ts';
import { dueBounds, dueList } from './budget.ts';
import type { EngineContext } from './engine-context.ts';
import { keepInTouchAfterClose } from './engine-steps.ts';

export interface BulkSelection {
  purposes?: readonly Purpose[] | undefined;
  tag?: string | undefined;
  olderThanDays?: number | undefined;
  among: 'waiting' | 'due';
}

const SAMPLE = 8;

/**
 * The due steps a bulk action takes (going-cold check-ins included), most important first.
 * "waiting" leaves out the steps in today's budget: the ones Today asks you to do.
 */
export function selectDue(ctx: EngineContext, s: BulkSelection): DueStepRow[] {
  const steps = dueSteps(ctx.db, dueBounds(ctx), {
    purposes: s.purposes ? JSON.stringify(s.purposes) : null,
    tag: s.tag ?? null,
    dueOnOrBefore: s.olderThanDays === undefined ? null : addDays(ctx.today, -s.olderThanDays),
  });
  if (s.among === 'due') return steps;
  const inBudget = new Set(dueList(ctx.db, ctx, ctx.settings.caps.dailyBudget, 0).inBudget.map((r) => r.id));
  return steps.filter((step) => !inBudget.has(step.id));
}

export function previewBulk(ctx: EngineContext, s: BulkSelection): BulkPreview {
  const steps = selectDue(ctx, s);
  const byPurpose = new Map<Purpose, number>();
  for (const step of steps) byPurpose.set(step.purpose, (byPurpose.get(step.purpose) ?? 0) + 1);
  return {
    count: steps.length,
    byPurpose: [...byPurpose]
      .map(([purpose, count]) => ({ purpose, count }))
      .sort((a, b) => b.count - a.count),
    // The least important are the ones this is for: show those the user is about to let go.
    sample: steps
      .slice(-SAMPLE)
      .reverse()
      .map(({ id, contactName, purpose, dueOn }) => ({ id, contactName, purpose, dueOn })),
  };
}

/**
 * Skip: each step is closed as skipped and its playbook carries on as after a single skip (a
 * cycle with nothing left ends, a keep-in-touch rhythm plans its next check-in a cadence on).
 * End: the whole cycle stops, its other open steps with it, and a keep-in-touch rhythm plans
 * nothing until the person comes up again (an interaction, a change to their rhythm).
 */
export function closeInBulk(ctx: EngineContext, s: BulkSelection, action: 'skip' | 'end'): BulkResult {
  const steps = selectDue(ctx, s);
  const reason = plainText(
    action === 'skip' ? 'Skipped in bulk while catching up.' : 'Ended in bulk while catching up.',
  );
  const cycles = new Set<number>();
  let closed = 0;
  let cyclesEnded = 0;
  for (const step of steps) {
    closeStep(ctx.db, step.id, 'skipped', ctx.nowIso, { cancelReason: reason });
    closed++;
    cycles.add(step.cycleId);
  }
  for (const cycleId of cycles) {
    if (action === 'end') {
      for (const other of openStepsOfCycle(ctx.db, cycleId)) {
        closeStep(ctx.db, other.id, 'skipped', ctx.nowIso, { cancelReason: reason });
        closed++;
      }
    }
    if (openStepsOfCycle(ctx.db, cycleId).length === 0 && getCycle(ctx.db, cycleId)?.status === 'active') {
      endCycle(ctx.db, cycleId, 'skipped', ctx.nowIso);
      cyclesEnded++;
    }
    if (action === 'skip') keepInTouchAfterClose(ctx, cycleId);
  }
  return { closed, cyclesEnded };
}
