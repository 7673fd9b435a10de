import type { ImportPreview } from '../../../shared/domain/imports.ts';

const TILES: {
  key: keyof ImportPreview['counts'];
  label: string;
  hint: string;
  tone?: 'accent' | 'warning' | 'danger';
}[] = [
  { key: 'new', label: 'New', hint: 'people not in your contacts yet', tone: 'accent' },
  { key: 'matched', label: 'Matched', hint: 'already known: details are added to them' },
  { key: 'review', label: 'Possible matches', hint: 'same name and company: your call', tone: 'warning' },
  { key: 'unchanged', label: 'Unchanged', hint: 'already imported, nothing new' },
  { key: 'problems', label: 'Problems', hint: 'rows with something wrong', tone: 'danger' },
];

/** The preview in five numbers: what the import would do before it does anything. */
export function PreviewSummary({ counts }: { counts: ImportPreview['counts'] }) {
  return (
    <ul className="import-summary" aria-label="What this import would do">
      {TILES.map((t) => {
        const n = counts[t.key];
        const tone = n > 0 && t.tone ? ` is-${t.tone}` : '';
        return (
          <li key={t.key} className={`import-stat${tone}`}>
            <span className="import-stat-number">{n.toLocaleString()}</span>
            <span className="import-stat-label">{t.label}</span>
            <span className="import-stat-hint">{t.hint}</span>
          </li>
        );
      })}
    </ul>
  );
}
