import type { ProgressPayload } from '../../../shared/api/pushes.ts';
import { useTaskProgress } from '../api/useTaskProgress.ts';

/** How long "Sync finished" stays up after a pass, so a quick one is seen at all. */
const DONE_SHOWN_MS = 4000;

/**
 * The latest 'mail-sync' progress push, whoever started the pass (Sync now, the first pass
 * after adding an account, IDLE's news, the poll): null when no pass is under way or just done.
 */
export function useMailSyncProgress(): ProgressPayload | null {
  return useTaskProgress('mail-sync', DONE_SHOWN_MS);
}
