import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes beside the target and renames into place, so a failed or interrupted write never
 * leaves half a file under the name the user asked for.
 */
export function writeAtomically(target: string, content: string): void {
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    writeFileSync(partial, content);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}
