import { useState } from 'react';
import { ApiError } from '../../../shared/api/errors.ts';
import {
  type ImportFormat,
  importTooLargeMessage,
  MAX_IMPORT_BYTES,
} from '../../../shared/domain/import-formats.ts';
import type { ImportPreview, ImportResult } from '../../../shared/domain/imports.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { FilePicker } from './FilePicker.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportPreviewView } from './ImportPreviewView.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResultView } from './ImportResultView.tsx';
import { readFileAsBase64 } from './readFile.ts';
import { useFileDrop } from './useFileDrop.ts';
import './imports.css';

type Stage =
  | { kind: 'pick' }
  | { kind: 'previewing'; fileName: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'committing'; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult };

/** Pick a file, see what it would do, import it in one go; earlier imports below. */
export function ImportScreen() {
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [error, setError] = useState<{ title: string; error: ApiError }>();
  const runs = useApiData('imports.list', (a) => a['imports.list']({}), ['contacts']);
  const busy = stage.kind === 'previewing' || stage.kind === 'committing';

  const preview = async (chosen: File, as: ImportFormat | null) => {
    setFile(chosen);
    setError(undefined);
    setStage({ kind: 'previewing', fileName: chosen.name });
    try {
      // Refused before reading, with the same words main would use.
      if (chosen.size > MAX_IMPORT_BYTES) {
        throw new ApiError('invalid_input', importTooLargeMessage(chosen.name, chosen.size));
      }
      const content = await readFileAsBase64(chosen);
      const result = await api['imports.preview']({
        fileName: chosen.name,
        content,
        ...(as ? { format: as } : {}),
      });
      setStage({ kind: 'preview', preview: result });
    } catch (e) {
      setError({ title: `Could not read ${chosen.name}`, error: toApiError(e) });
      setStage({ kind: 'pick' });
    }
  };

  const commit = async (current: ImportPreview, mergeLines: number[]) => {
    setError(undefined);
    setStage({ kind: 'committing', preview: current });
    try {
      const result = await api['imports.commit']({ previewId: current.previewId, mergeLines });
      notifyChanged('contacts', 'followups');
      runs.reload();
      setStage({ kind: 'done', result });
    } catch (e) {
      // All or nothing: a failed import wrote nothing, so the preview is still accurate.
      setError({ title: 'The import failed; nothing was saved', error: toApiError(e) });
      setStage({ kind: 'preview', preview: current });
    }
  };

  const reset = () => {
    setError(undefined);
    setStage({ kind: 'pick' });
  };

  const dragging = useFileDrop(!busy, (dropped) => void preview(dropped, format));

  return (
    <div className={dragging ? 'screen import-screen is-dragging' : 'screen import-screen'}>
      <header className="screen-header">
        <div className="screen-title">
          <h1>Import contacts</h1>
          <span className="screen-count">LinkedIn, Google, Outlook, vCard</span>
        </div>
      </header>
      <div className="import-body">
        {error ? <ErrorBanner error={error.error} title={error.title} /> : null}
        {stage.kind === 'pick' ? (
          <FilePicker format={format} onFormatChange={setFormat} onFile={(f) => void preview(f, format)} />
        ) : stage.kind === 'previewing' ? (
          <ImportProgress task="preview" fileName={stage.fileName} />
        ) : stage.kind === 'preview' ? (
          <ImportPreviewView
            key={stage.preview.previewId}
            preview={stage.preview}
            onReadAs={(as) => {
              if (file) void preview(file, as);
            }}
            onCommit={(lines) => void commit(stage.preview, lines)}
            onCancel={reset}
          />
        ) : stage.kind === 'committing' ? (
          <ImportProgress task="commit" fileName={stage.preview.fileName} />
        ) : (
          <ImportResultView result={stage.result} onAnother={reset} />
        )}
        <ImportHistory runs={runs} />
      </div>
      {dragging ? (
        <div className="import-drop-overlay" aria-hidden="true">
          <Icon name="download" size={28} />
          <span>Drop to preview the import</span>
        </div>
      ) : null}
    </div>
  );
}
