import { useState } from 'react';
import type { Draft } from '../../../shared/domain/compose.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { navigate } from '../app/router.ts';
import { useFollowUpActions } from '../followups/useFollowUpActions.ts';
import { dayIn, formatWhen } from '../format/dates.ts';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';
import { interactionChannel, sentText } from './channels.ts';
import { copyText } from './copyText.ts';
import type { DraftText } from './useComposerDraft.ts';

const COPIED_HINT: Record<Draft['channel'], string> = {
  email: 'Paste it into your e-mail.',
  linkedin: 'Paste it into a LinkedIn message on their profile.',
  text: 'Paste it into a text message.',
  call: 'Your talking points, to keep beside the phone.',
  handwritten_note: 'Copy it onto the card by hand, or print it.',
};

/**
 * What the composer does with the message: copy it, record it as sent (the step done, as Done
 * does, or an outbound interaction for a contact without a step), or move the step to the
 * better moment the timing check names. Each says what happened in a toast with Undo where the
 * action can be undone. Each resolves to true when it worked (the composer then closes).
 */
export function useComposerActions() {
  const api = useApi();
  const toast = useToast();
  const followUps = useFollowUpActions();
  const { undoAction } = useUndo();
  const [busy, setBusy] = useState<'sending' | 'scheduling' | null>(null);

  const copy = async (draft: Draft, text: DraftText) => {
    try {
      await copyText(text.body);
      toast({ tone: 'success', icon: 'copy', message: 'Copied', detail: COPIED_HINT[draft.channel] });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not copy', detail: toApiError(e).describe() });
    }
  };

  const markSent = async (draft: Draft, text: DraftText): Promise<boolean> => {
    if (busy) return false;
    setBusy('sending');
    try {
      const summary = sentText(draft.channel, text.subject, text.body);
      const channel = interactionChannel(draft.channel);
      if (draft.stepId !== null) {
        return await followUps.done(
          {
            id: draft.stepId,
            contactId: draft.contactId,
            contactName: draft.contactName,
            purpose: draft.purpose,
          },
          { summary, channel, variant: draft.variant },
        );
      }
      return await logWithoutStep(draft, summary, channel);
    } finally {
      setBusy(null);
    }
  };

  const logWithoutStep = async (
    draft: Draft,
    summary: string,
    channel: ReturnType<typeof interactionChannel>,
  ): Promise<boolean> => {
    try {
      const logged = await api['interactions.add']({
        contactId: draft.contactId,
        channel,
        direction: 'outbound',
        summary: summary || 'Sent a message',
      });
      // A contact's draft has no step to end with it: drop it now it is sent.
      await api['compose.discard']({ contactId: draft.contactId }).catch(() => undefined);
      notifyChanged('interactions', 'contacts', 'followups', 'compose');
      toast({
        tone: 'success',
        message: `Message to ${draft.contactName} logged`,
        detail: 'It is on their timeline.',
        action: {
          label: 'Undo',
          onClick: () =>
            void api['interactions.delete']({ id: logged.id }).then(
              () => notifyChanged('interactions', 'contacts', 'followups'),
              (e: unknown) =>
                toast({ tone: 'error', message: 'Could not undo', detail: toApiError(e).describe() }),
            ),
        },
        secondaryAction: { label: 'Open', onClick: () => navigate(`/contacts/${draft.contactId}`) },
      });
      return true;
    } catch (e) {
      toast({ tone: 'error', message: 'Could not log it as sent', detail: toApiError(e).describe() });
      return false;
    }
  };

  /**
   * The timing check's better moment: a step waits until then (a snooze to that instant, which
   * Undo reverses); without a step, a follow-up is planned for that day.
   */
  const scheduleAt = async (draft: Draft, at: string): Promise<boolean> => {
    if (busy) return false;
    setBusy('scheduling');
    try {
      if (draft.stepId !== null) {
        const snoozed = await api['followups.snooze']({ id: draft.stepId, until: at });
        toast({
          tone: 'success',
          message: `Waiting until ${formatWhen(snoozed.snoozedUntil ?? at)}`,
          detail: `Your draft to ${draft.contactName} is kept for then.`,
          action: undoAction(snoozed.undoId),
        });
      } else {
        const planned = await api['followups.schedule']({
          contactId: draft.contactId,
          dueOn: dayIn(at, undefined),
        });
        toast({
          tone: 'success',
          message: `Follow-up with ${draft.contactName} planned`,
          detail: [`For ${formatWhen(at)}.`, ...planned.warnings].join(' '),
        });
      }
      notifyChanged('followups');
      return true;
    } catch (e) {
      toast({ tone: 'error', message: 'Could not schedule it', detail: toApiError(e).describe() });
      return false;
    } finally {
      setBusy(null);
    }
  };

  return { busy, copy, markSent, scheduleAt };
}
