import { type ReactNode, useEffect, useRef, useState } from 'react';
import { IMPORT_FORMAT_LABELS, type ImportFormat } from '../../../shared/domain/import-formats.ts';
import type { ImportPreview } from '../../../shared/domain/imports.ts';
import { plural, roleLine } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { FormatOptions } from './FormatOptions.tsx';
import { MatchedList, ReviewList } from './MatchLists.tsx';
import { PreviewSummary } from './PreviewSummary.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';

/** What the file holds and what importing it would do; nothing is written until "Import". */
export function ImportPreviewView({
  preview,
  onReadAs,
  onCommit,
  onCancel,
}: {
  preview: ImportPreview;
  /** Read the same file again as another format. */
  onReadAs: (format: ImportFormat) => void;
  onCommit: (mergeLines: number[]) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(() => new Set());
  const commitRef = useRef<HTMLButtonElement>(null);
  const { counts } = preview;
  const writes = counts.new + counts.matched + counts.review;
  const created = counts.new + counts.review - chosen.size;
  const updated = counts.matched + chosen.size;

  useEffect(() => {
    // The action bar stays in view, so Enter imports and Tab reaches the lists.
    commitRef.current?.focus({ preventScroll: true });
  }, []);

  const toggle = (line: number, merge: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (merge) next.add(line);
      else next.delete(line);
      return next;
    });

  const moreNew = counts.new - preview.sampleNew.length;
  return (
    <section className="import-preview" aria-labelledby="preview-title">
      <header className="import-preview-head">
        <div>
          <h2 id="preview-title">Preview of {preview.fileName}</h2>
          <p className="muted">
            {plural(preview.rows, preview.format === 'vcard' ? 'card' : 'row')} in{' '}
            {plural(preview.lines, 'line')} read as <strong>{IMPORT_FORMAT_LABELS[preview.format]}</strong>
            {preview.detected ? ' (detected)' : ' (as you chose)'}. Nothing has been saved yet.
          </p>
        </div>
        <label className="import-format">
          <span className="muted">Read as</span>
          <select
            className="select select-sm"
            value={preview.format}
            onChange={(e) => onReadAs(e.target.value as ImportFormat)}
          >
            <FormatOptions />
          </select>
        </label>
      </header>

      <PreviewSummary counts={counts} />

      {counts.review > 0 ? (
        <PreviewSection
          title="Possible matches"
          count={counts.review}
          note="Same name and company as someone you know, or their phone number under another name, but nothing certain like an e-mail. Tick the ones that are the same person; the others are added as new contacts."
        >
          <ReviewList review={preview.review} chosen={chosen} onToggle={toggle} />
        </PreviewSection>
      ) : null}

      {counts.problems > 0 ? (
        <PreviewSection
          title="Problems"
          count={counts.problems}
          note="The rest of the file imports as shown. Each message says whether its row is skipped or only a value is left out; fix the file and import it again to bring those in."
        >
          <ProblemsTable problems={preview.problems} />
        </PreviewSection>
      ) : null}

      {preview.sampleNew.length > 0 ? (
        <PreviewSection title="New contacts" count={counts.new}>
          <ul className="import-rows import-rows-compact">
            {preview.sampleNew.map((p) => (
              <li key={p.line} className="import-row">
                <span className="import-row-line">line {p.line.toLocaleString()}</span>
                <span className="import-row-main">
                  <span className="import-row-name">{p.name}</span>
                  <span className="import-row-sub">{roleLine(p.title, p.company) || '\u00a0'}</span>
                </span>
              </li>
            ))}
          </ul>
          {moreNew > 0 ? <p className="import-more">and {plural(moreNew, 'more')}</p> : null}
        </PreviewSection>
      ) : null}

      {counts.matched > 0 ? (
        <PreviewSection
          title="Already in your contacts"
          count={counts.matched}
          note="Recognised for certain: their new details (e-mails, phones, links, tags) are added to the contact you have. Nothing you wrote is overwritten."
        >
          <MatchedList matches={preview.matches} />
        </PreviewSection>
      ) : null}

      {preview.truncated ? (
        <p className="import-more">The lists above show the first rows; the numbers count the whole file.</p>
      ) : null}

      <div className="import-actionbar">
        <p className="import-actionbar-text">
          {writes === 0
            ? 'Nothing to import: everyone in this file is already here.'
            : `${plural(created, 'new contact')}, ${plural(updated, 'contact')} updated${
                counts.unchanged ? `, ${counts.unchanged.toLocaleString()} unchanged` : ''
              }.`}
        </p>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          ref={commitRef}
          variant="primary"
          icon="check"
          disabled={writes === 0}
          onClick={() => onCommit([...chosen].sort((a, b) => a - b))}
        >
          Import {plural(writes, 'contact')}
        </Button>
      </div>
    </section>
  );
}

function PreviewSection({
  title,
  count,
  note,
  children,
}: {
  title: string;
  count: number;
  note?: string;
  children: ReactNode;
}) {
  return (
    <section className="import-section" aria-label={title}>
      <h3 className="import-section-title">
        {title} <span className="import-section-count">{count.toLocaleString()}</span>
      </h3>
      {note ? <p className="import-section-note">{note}</p> : null}
      {children}
    </section>
  );
}
