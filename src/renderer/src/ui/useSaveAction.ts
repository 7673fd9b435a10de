import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import { toApiError } from '../api/errors.ts';

/**
 * The save cycle the app's forms and dialogs share: one save at a time, the last error cleared
 * when a new try starts, and on failure the error kept for the fields and the busy state dropped.
 * On success `saving` stays true: the form is about to close, and the button must not flash back.
 */
export function useSaveAction(action: () => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  };
  return { saving, error, save };
}
