import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { ComposeChannel, Draft, SaveDraftInput } from '../../../shared/domain/compose.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { LOCALE } from '../format/dates.ts';
import type { ComposeTarget } from './ComposerContext.tsx';

export interface DraftText {
  subject: string;
  body: string;
}

/** A draft as shown: what main wrote (or the saved edit), and the text as the user has it now. */
interface Shown {
  draft: Draft;
  text: DraftText;
  /** Typed in since it loaded. */
  edited: boolean;
}

/** Edits are kept this long after the last keystroke before they are saved (and on close). */
export const SAVE_DELAY_MS = 500;

const textOf = (draft: Draft): DraftText => ({ subject: draft.subject ?? '', body: draft.body });

/**
 * The composer's draft: loading it (a channel, a variant, afresh), the user's edits, and keeping
 * them. An edit is saved SAVE_DELAY_MS after the last keystroke and whenever the composer loads
 * something else or closes, so it survives closing, other screens and a restart (the next
 * compose.draft returns it, `saved`). Each channel's text is kept while the composer is open, so
 * trying another channel and coming back loses nothing.
 */
export function useComposerDraft(target: ComposeTarget) {
  const api = useApi();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  /** The text a new wording or "start over" replaced, to go back to once. */
  const [replaced, setReplaced] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  shownRef.current = shown;
  const byChannel = useRef(new Map<ComposeChannel, Shown>());
  const pending = useRef<SaveDraftInput | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const requested = useRef(0);
  const targetRef = useRef(target);
  targetRef.current = target;

  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    const input = pending.current;
    pending.current = null;
    if (!input) return Promise.resolve();
    // A lost save is not worth interrupting the user for: the text is still on screen.
    return api['compose.save'](input).then(
      () => undefined,
      () => undefined,
    );
  }, [api]);

  const show = useCallback((next: Shown) => {
    byChannel.current.set(next.draft.channel, next);
    setShown(next);
  }, []);

  const load = useCallback(
    async (options: { channel?: ComposeChannel; variant?: number; fresh?: boolean } = {}) => {
      await flush();
      const mine = ++requested.current;
      setLoading(true);
      try {
        const draft = await api['compose.draft']({
          ...targetRef.current,
          ...options,
          ...(LOCALE ? { locale: LOCALE } : {}),
        });
        if (mine !== requested.current) return null;
        const next = { draft, text: textOf(draft), edited: false };
        show(next);
        setError(undefined);
        return next;
      } catch (e) {
        if (mine === requested.current) setError(toApiError(e));
        return null;
      } finally {
        if (mine === requested.current) setLoading(false);
      }
    },
    [api, flush, show],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per composer; a new target remounts it
  useEffect(() => {
    void load();
  }, []);

  const scheduleSave = useCallback(
    (draft: Draft, text: DraftText) => {
      pending.current = {
        ...targetRef.current,
        channel: draft.channel,
        variant: draft.variant,
        subject: draft.channel === 'email' ? text.subject : null,
        body: text.body,
      };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const edit = useCallback(
    (patch: Partial<DraftText>) => {
      const current = shownRef.current;
      if (!current) return;
      const next = { ...current, text: { ...current.text, ...patch }, edited: true };
      show(next);
      setReplaced(null);
      scheduleSave(next.draft, next.text);
    },
    [scheduleSave, show],
  );

  /** Another channel: its text from earlier in this session if there is one, else a draft for it. */
  const switchChannel = async (channel: ComposeChannel) => {
    const current = shownRef.current;
    if (!current || current.draft.channel === channel) return;
    setReplaced(null);
    const kept = byChannel.current.get(channel);
    if (kept) {
      await flush();
      setShown(kept);
      // The saved draft is one per step: it follows the channel being written in.
      if (kept.edited) scheduleSave(kept.draft, kept.text);
      return;
    }
    await load({ channel });
  };

  /** Replaces the text with a new one, keeping the old to go back to when the user had written in it. */
  const replaceWith = async (options: { variant?: number; fresh?: boolean }) => {
    const current = shownRef.current;
    if (!current) return;
    const wasEdited = current.edited || current.draft.saved;
    if (wasEdited) {
      pending.current = null;
      window.clearTimeout(timer.current);
      await api['compose.discard'](targetRef.current).catch(() => undefined);
    }
    const next = await load({ channel: current.draft.channel, ...options });
    if (next && wasEdited) setReplaced(current);
  };

  return {
    draft: shown?.draft ?? null,
    text: shown?.text ?? null,
    edited: shown?.edited ?? false,
    error,
    loading,
    replaced,
    load,
    edit,
    flush,
    switchChannel,
    /** The next of the purpose × channel's variants. */
    anotherWording: () => {
      const draft = shownRef.current?.draft;
      if (draft) void replaceWith({ variant: (draft.variant + 1) % Math.max(1, draft.variants) });
    },
    /** Drops the saved edit and drafts afresh. */
    startOver: () => void replaceWith({ fresh: true }),
    /** Back to the text the last new wording replaced. */
    restoreReplaced: () => {
      if (!replaced) return;
      const next = { ...replaced, edited: true };
      show(next);
      setReplaced(null);
      scheduleSave(next.draft, next.text);
    },
    /** After the contact changed (a detail answered): the draft afresh, unless the user has written in it. */
    redraftUnlessEdited: async (): Promise<boolean> => {
      const current = shownRef.current;
      if (!current || current.edited || current.draft.saved) return false;
      byChannel.current.clear();
      return (await load({ channel: current.draft.channel, fresh: true })) !== null;
    },
    /** Nothing to keep once sent: the step's draft goes with it (main), a contact's is dropped here. */
    forget: () => {
      pending.current = null;
      window.clearTimeout(timer.current);
      byChannel.current.clear();
    },
  };
}

export type ComposerDraft = ReturnType<typeof useComposerDraft>;
