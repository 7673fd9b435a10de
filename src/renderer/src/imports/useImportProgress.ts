import { useEffect, useState } from 'react';
import type { ProgressPayload } from '../../../shared/api/bridge.ts';
import { usePush } from '../api/ApiContext.tsx';

/**
 * The latest 'progress' push from main while `active` (a preview or a commit is in flight);
 * null until the first one arrives, when the bar stays indeterminate.
 */
export function useImportProgress(active: boolean): ProgressPayload | null {
  const [progress, setProgress] = useState<ProgressPayload | null>(null);
  useEffect(() => {
    if (active) setProgress(null);
  }, [active]);
  usePush('progress', (payload) => {
    if (active && payload.task === 'import') setProgress(payload);
  });
  return active ? progress : null;
}
