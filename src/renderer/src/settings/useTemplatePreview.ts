import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { ComposeChannel, TemplatePreview } from '../../../shared/domain/compose.ts';
import type { Purpose } from '../../../shared/domain/followup.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { LOCALE } from '../format/dates.ts';

/** Short enough to feel live, long enough that a burst of keys sends one request. */
const PREVIEW_DELAY_MS = 120;

export interface PreviewRequest {
  subject: string | null;
  body: string;
  purpose: Purpose;
  channel: ComposeChannel;
  contactId: number | undefined;
}

export interface PreviewState {
  preview: TemplatePreview | undefined;
  error: ApiError | undefined;
  /** The preview shown is for older text than the field holds. */
  stale: boolean;
}

/**
 * The template as it reads for a real person, asked again as the user types. Latest wins: a
 * newer request aborts the one in flight (the HTTP transport cancels its fetch; over IPC the
 * answer is dropped), so a slow answer for old text never replaces a newer one.
 */
export function useTemplatePreview(request: PreviewRequest): PreviewState {
  const api = useApi();
  const [state, setState] = useState<PreviewState>({ preview: undefined, error: undefined, stale: true });
  const { subject, body, purpose, channel, contactId } = request;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.stale ? s : { ...s, stale: true }));
    const timer = window.setTimeout(() => {
      api['templates.preview'](
        {
          subject: channel === 'email' ? subject : null,
          body,
          purpose,
          channel,
          ...(contactId === undefined ? {} : { contactId }),
          ...(LOCALE ? { locale: LOCALE } : {}),
        },
        { signal: controller.signal },
      ).then(
        (preview) => {
          if (!controller.signal.aborted) setState({ preview, error: undefined, stale: false });
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, error: toApiError(e), stale: false }));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, subject, body, purpose, channel, contactId]);

  return state;
}
