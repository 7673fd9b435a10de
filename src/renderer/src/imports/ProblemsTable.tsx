import type { ImportProblemItem } from '../../../shared/domain/imports.ts';

/** Where each problem is (file, line, column) and what it is. */
export function ProblemsTable({ problems }: { problems: ImportProblemItem[] }) {
  return (
    <div className="import-table-wrap">
      <table className="import-table problems-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
            <th scope="col">Severity</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // A line can carry several problems, and the list is never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              <td className="truncate problem-file" title={p.file}>
                {p.file}
              </td>
              <td className="num">{p.line.toLocaleString()}</td>
              <td className="problem-column">{p.column ?? <span className="faint">—</span>}</td>
              <td className="problem-message">{p.message}</td>
              <td>
                <span className={`severity severity-${p.severity}`}>
                  {p.severity === 'error' ? 'Error' : 'Warning'}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
