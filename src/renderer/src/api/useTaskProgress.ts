import { useEffect, useRef, useState } from 'react';
import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import { usePush } from './ApiContext.tsx';

/**
 * The latest 'progress' push of one task, whoever started the work (a button here, a timer in
 * main): null when none is under way. A 'done' push stays up `doneShownMs` (so a quick pass is
 * seen at all), or goes at once with 0.
 */
export function useTaskProgress(task: ProgressPayload['task'], doneShownMs: number): ProgressPayload | null {
  const [progress, setProgress] = useState<ProgressPayload | null>(null);
  const timer = useRef(0);
  usePush('progress', (payload) => {
    if (payload.task !== task) return;
    window.clearTimeout(timer.current);
    if (payload.phase === 'done' && doneShownMs <= 0) {
      setProgress(null);
      return;
    }
    setProgress(payload);
    if (payload.phase === 'done') timer.current = window.setTimeout(() => setProgress(null), doneShownMs);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return progress;
}
