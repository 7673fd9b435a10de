import { ProgressBar } from '../ui/ProgressBar.tsx';
import { PHASE_LABELS } from './labels.ts';
import { useImportProgress } from './useImportProgress.ts';

/** The bar while a file is previewed or written, fed by main's progress pushes. */
export function ImportProgress({ task, fileName }: { task: 'preview' | 'commit'; fileName: string }) {
  const progress = useImportProgress(true);
  const label = progress
    ? PHASE_LABELS[progress.phase]
    : task === 'preview'
      ? 'Reading the file'
      : 'Saving contacts';
  const detail =
    progress && progress.total > 0
      ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} ${progress.phase === 'writing' ? 'contacts' : 'rows'}`
      : undefined;
  return (
    <section className="import-progress card" aria-live="polite" aria-busy="true">
      <h2 className="import-progress-title">
        {task === 'preview' ? 'Preparing the preview of ' : 'Importing '}
        <span className="mono">{fileName}</span>
      </h2>
      <ProgressBar
        label={label}
        detail={detail}
        value={progress && progress.total > 0 ? progress.done : undefined}
        max={progress && progress.total > 0 ? progress.total : undefined}
      />
      <p className="muted import-progress-note">
        {task === 'preview'
          ? 'Nothing is saved yet. You will see what the import would do first.'
          : 'Everything is written in one go: if something fails, nothing changes.'}
      </p>
    </section>
  );
}
