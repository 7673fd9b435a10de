import type { PromiseItem } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { useToast } from '../ui/Toast.tsx';

type PromiseRef = Pick<PromiseItem, 'id' | 'direction' | 'contactName' | 'text'>;

/**
 * Keeping or dropping a promise, the same from Today, a contact's page and the calendar: a toast
 * says what happened, and screens that show promises reload. Resolves to false when refused.
 */
export function usePromiseActions() {
  const api = useApi();
  const toast = useToast();
  const close = async (promise: PromiseRef, how: 'done' | 'cancel'): Promise<boolean> => {
    try {
      await api[how === 'done' ? 'promises.done' : 'promises.cancel']({ id: promise.id });
      notifyChanged('followups');
      toast({
        tone: 'success',
        message:
          how === 'cancel'
            ? 'Promise dropped'
            : promise.direction === 'mine'
              ? 'Promise kept'
              : `${promise.contactName} kept their promise`,
        detail: promise.text,
      });
      return true;
    } catch (e) {
      toast({
        tone: 'error',
        message: how === 'done' ? 'Could not mark the promise done' : 'Could not drop the promise',
        detail: toApiError(e).describe(),
      });
      return false;
    }
  };
  return {
    done: (promise: PromiseRef) => close(promise, 'done'),
    drop: (promise: PromiseRef) => close(promise, 'cancel'),
  };
}
