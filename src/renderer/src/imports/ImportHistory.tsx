import type { ImportRun } from '../../../shared/domain/imports.ts';
import type { ApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { formatInstant } from '../format/dates.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { sourceName } from './labels.ts';

/** Earlier imports, newest first: a compact record of what came from where. */
export function ImportHistory({ runs }: { runs: ApiData<ImportRun[]> }) {
  if (runs.error) {
    return <ErrorBanner error={runs.error} title="Could not load earlier imports" onRetry={runs.reload} />;
  }
  if (!runs.data?.length) return null;
  return (
    <section className="import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title" className="eyebrow">
        Earlier imports
      </h2>
      <div className="import-table-wrap">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Created
              </th>
              <th scope="col" className="num">
                Updated
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col" className="num">
                To review
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.id}>
                <td className="nowrap">{formatInstant(run.importedAt)}</td>
                <td className="history-file" title={run.fileName}>
                  {run.fileName}
                  <span className="faint"> · {sourceName(run.format)}</span>
                </td>
                <td className="num">{run.created.toLocaleString()}</td>
                <td className="num">{run.updated.toLocaleString()}</td>
                <td className="num">{run.skipped.toLocaleString()}</td>
                <td className="num">
                  {run.toReview > 0 ? (
                    <a href={href('/contacts?status=imported')}>{run.toReview.toLocaleString()}</a>
                  ) : (
                    <span className="faint">0</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
