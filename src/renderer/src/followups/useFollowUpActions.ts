import type { Channel } from '../../../shared/domain/channels.ts';
import type { FollowUp, SNOOZE_PRESETS } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { navigate } from '../app/router.ts';
import { formatDayHeading, formatWhen } from '../format/dates.ts';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';
import { purposeLabel } from './purposes.ts';

export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** The step fields an action needs; Today items and contact-page steps both have them. */
type Step = Pick<FollowUp, 'id' | 'contactId' | 'contactName' | 'purpose'>;

/**
 * Done, snooze and skip, the same from Today and from a contact's page: each says what happened
 * in a toast, and tells every screen that shows follow-ups to reload. Resolves to false when the
 * server refused (the toast says why), so the caller can put the item back.
 */
export function useFollowUpActions(options: { now?: () => Date } = {}) {
  const api = useApi();
  const toast = useToast();
  const { undoAction } = useUndo();
  const now = options.now ?? (() => new Date());

  const attempt = async (failure: string, run: () => Promise<void>): Promise<boolean> => {
    try {
      await run();
      notifyChanged('followups', 'interactions', 'contacts');
      return true;
    } catch (e) {
      toast({ tone: 'error', message: failure, detail: toApiError(e).describe() });
      return false;
    }
  };

  return {
    /** `variant`: the composer's template variant the message came from, so the next one differs. */
    done: (step: Step, input: { summary?: string; channel?: Channel; variant?: number } = {}) =>
      attempt('Could not mark it done', async () => {
        const summary = input.summary?.trim();
        const result = await api['followups.done']({
          id: step.id,
          ...(summary ? { summary } : {}),
          ...(input.channel ? { channel: input.channel } : {}),
          ...(input.variant !== undefined ? { variant: input.variant } : {}),
        });
        toast({
          tone: 'success',
          message: `${purposeLabel(step.purpose)} for ${step.contactName} done`,
          detail: result.next
            ? `Next: ${purposeLabel(result.next.purpose).toLowerCase()} on ${formatDayHeading(result.next.dueOn)}, if they have not replied by then.`
            : 'Logged on their timeline.',
          // Undo first: the toast stays up for a few seconds, and `z` does the same on Today.
          action: undoAction(result.undoId),
          secondaryAction: { label: 'Open', onClick: () => navigate(`/contacts/${step.contactId}`) },
        });
      }),

    snooze: (step: Step, preset: SnoozePreset) =>
      attempt('Could not snooze it', async () => {
        const updated = await api['followups.snooze']({ id: step.id, preset });
        const until = updated.snoozedUntil ?? updated.dueAt;
        toast({
          message: `Snoozed until ${formatWhen(until, now())}`,
          detail: `${purposeLabel(step.purpose)} for ${step.contactName}`,
          action: undoAction(updated.undoId),
        });
      }),

    skip: (step: Step) =>
      attempt('Could not skip it', async () => {
        const skipped = await api['followups.skip']({ id: step.id });
        toast({
          message: `Skipped the ${purposeLabel(step.purpose).toLowerCase()} for ${step.contactName}`,
          detail: 'Nothing was sent or logged.',
          action: undoAction(skipped.undoId),
        });
      }),
  };
}

export type FollowUpActions = ReturnType<typeof useFollowUpActions>;
