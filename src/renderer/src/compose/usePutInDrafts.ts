import { useState } from 'react';
import type { Draft } from '../../../shared/domain/compose.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { useToast } from '../ui/Toast.tsx';
import type { DraftText } from './useComposerDraft.ts';

/**
 * "Put in Drafts": the e-mail placed in the Drafts folder of the user's own mailbox, to send from
 * their mail app. Offered only once a mail account is connected. The step stays open: the sync
 * completes it when it finds the message in Sent, so the toast says that rather than "done".
 */
export function usePutInDrafts() {
  const api = useApi();
  const toast = useToast();
  const accounts = useApiData('mail-accounts', (a) => a['mail.accounts.list']({}), ['mail']);
  const [busy, setBusy] = useState(false);

  const put = async (draft: Draft, text: DraftText): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      const done = await api['mail.putInDrafts']({
        ...(draft.stepId === null ? { contactId: draft.contactId } : { stepId: draft.stepId }),
        subject: text.subject,
        body: text.body,
      });
      notifyChanged('compose');
      toast({
        tone: 'success',
        icon: 'mail',
        message: `In your Drafts (${done.account})`,
        detail: `Send it to ${done.to} from your mail app; once it is in Sent, the next mail sync marks the follow-up done.`,
      });
      return true;
    } catch (e) {
      toast({ tone: 'error', message: 'Could not put it in Drafts', detail: toApiError(e).describe() });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { available: (accounts.data?.length ?? 0) > 0, busy, put };
}
