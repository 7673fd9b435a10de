import { MATCH_REASON_LABELS } from '../../../shared/domain/import-formats.ts';
import type { ImportMatch } from '../../../shared/domain/imports.ts';
import { roleLine } from '../format/text.ts';

/** A match with an earlier row of the same file (someone listed twice), not a known contact. */
function inFile(m: ImportMatch): string {
  return m.inFileLine === null ? '' : ` on line ${m.inFileLine.toLocaleString()} of this file`;
}

/** Rows recognised by e-mail, phone or LinkedIn profile: they add to the existing contact. */
export function MatchedList({ matches }: { matches: ImportMatch[] }) {
  return (
    <ul className="import-rows">
      {matches.map((m) => (
        <li key={m.line} className="import-row">
          <span className="import-row-line">line {m.line.toLocaleString()}</span>
          <span className="import-row-main">
            <span className="import-row-name">{m.name}</span>
            <span className="import-row-sub">
              {MATCH_REASON_LABELS[m.reason]} as <strong>{m.contact.displayName}</strong>
              {inFile(m)}
            </span>
          </span>
          <span className="import-row-adds">
            {m.adds.length ? `Adds ${m.adds.join(', ')}` : <span className="faint">Nothing new</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Same name and company only: merged only when ticked, otherwise added as someone new. */
export function ReviewList({
  review,
  chosen,
  onToggle,
}: {
  review: ImportMatch[];
  chosen: ReadonlySet<number>;
  onToggle: (line: number, merge: boolean) => void;
}) {
  return (
    <ul className="import-rows">
      {review.map((m) => {
        const role = roleLine(m.contact.title, m.contact.company);
        return (
          <li key={m.line} className={chosen.has(m.line) ? 'import-row is-chosen' : 'import-row'}>
            <span className="import-row-line">line {m.line.toLocaleString()}</span>
            <span className="import-row-main">
              <span className="import-row-name">{m.name}</span>
              <span className="import-row-sub">
                {MATCH_REASON_LABELS[m.reason]} as {m.contact.displayName}
                {role && m.inFileLine === null ? ` (${role})` : ''}
                {inFile(m)}
              </span>
            </span>
            <label className="import-row-choice">
              <input
                type="checkbox"
                checked={chosen.has(m.line)}
                onChange={(e) => onToggle(m.line, e.target.checked)}
              />
              Merge into {m.contact.displayName}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
