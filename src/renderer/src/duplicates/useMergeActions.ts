import type { MergeField } from '../../../shared/domain/import-formats.ts';
import type { MergeResult } from '../../../shared/domain/imports.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { plural } from '../format/text.ts';
import { useToast } from '../ui/Toast.tsx';

/** Merge with an Undo in the toast, and the same undo for the "Undo last merge" button. */
export function useMergeActions() {
  const api = useApi();
  const toast = useToast();

  const undo = async () => {
    try {
      await api['contacts.undoMerge']({});
      notifyChanged('contacts', 'interactions', 'followups');
      toast({ tone: 'success', message: 'Merge undone: both contacts are back as they were' });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not undo the merge', detail: toApiError(e).describe() });
    }
  };

  const merge = async (input: {
    keepId: number;
    mergeId: number;
    take: MergeField[];
    names: { keep: string; merge: string };
  }): Promise<MergeResult> => {
    const result = await api['contacts.merge']({
      keepId: input.keepId,
      mergeId: input.mergeId,
      take: input.take,
    });
    notifyChanged('contacts', 'interactions', 'followups');
    const history = result.moved.interactions + result.moved.followUps + result.moved.promises;
    toast({
      tone: 'success',
      message: `${input.names.merge} merged into ${input.names.keep}`,
      detail: history
        ? `${plural(history, 'timeline item')} moved over; nothing was lost.`
        : 'Nothing was lost.',
      action: { label: 'Undo', onClick: () => void undo() },
      durationMs: 12_000,
    });
    return result;
  };

  return { merge, undo };
}
