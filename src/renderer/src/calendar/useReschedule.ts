import { useCallback } from 'react';
import type { CalendarItem } from '../../../shared/domain/calendar.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { formatDayHeading } from '../format/dates.ts';
import { sentence } from '../format/text.ts';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';
import { itemLabel } from './calendarItems.ts';

/**
 * Moves a follow-up to another day, by drag or from its card, and says what happened either
 * way: moved (with Undo, and any limit the new day breaks), or refused and why. A day that has
 * passed is refused here, in words, rather than by the drag snapping back without one.
 */
export function useReschedule(today: string): (item: CalendarItem, dueOn: string) => Promise<boolean> {
  const api = useApi();
  const toast = useToast();
  const { undoAction } = useUndo();
  return useCallback(
    async (item, dueOn) => {
      if (item.followUpId === null) return false;
      if (dueOn < today) {
        toast({
          tone: 'error',
          message: `${formatDayHeading(dueOn)} has passed`,
          detail: 'A follow-up can move to today or a later day.',
        });
        return false;
      }
      try {
        const result = await api['followups.reschedule']({ id: item.followUpId, dueOn });
        const message = `${itemLabel(item)} for ${item.contactName} moved to ${formatDayHeading(result.followUp.dueOn)}`;
        // A manual date may break a limit (a day off, too soon after the last message): allowed,
        // but said, and left up long enough to read.
        const undo = undoAction(result.undoId);
        toast(
          result.warnings.length
            ? {
                message,
                icon: 'alert',
                detail: result.warnings.map(sentence).join('\n'),
                durationMs: 10_000,
                action: undo,
              }
            : { tone: 'success', message, action: undo },
        );
        notifyChanged('followups');
        return true;
      } catch (e) {
        toast({ tone: 'error', message: 'Could not move the follow-up', detail: toApiError(e).describe() });
        return false;
      }
    },
    [api, toast, undoAction, today],
  );
}
