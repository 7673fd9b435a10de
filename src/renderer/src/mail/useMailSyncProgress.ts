import { useEffect, useRef, useState } from 'react';
import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import { usePush } from '../api/ApiContext.tsx';

/** How long "Sync finished" stays up after a pass, so a quick one is seen at all. */
const DONE_SHOWN_MS = 4000;

/**
 * The latest 'mail-sync' progress push, whoever started the pass (Sync now, the first pass
 * after adding an account, IDLE's news, the poll): null when no pass is under way or just done.
 */
export function useMailSyncProgress(): ProgressPayload | null {
  const [progress, setProgress] = useState<ProgressPayload | null>(null);
  const timer = useRef(0);
  usePush('progress', (payload) => {
    if (payload.task !== 'mail-sync') return;
    window.clearTimeout(timer.current);
    setProgress(payload);
    if (payload.phase === 'done') timer.current = window.setTimeout(() => setProgress(null), DONE_SHOWN_MS);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return progress;
}
