import { useEffect, useRef } from 'react';
import type { ImportResult } from '../../../shared/domain/imports.ts';
import { href } from '../app/router.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { sourceName } from './labels.ts';

/** What the import did, and where to go next: review the newcomers, tidy duplicates. */
export function ImportResultView({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const stats: { label: string; value: number }[] = [
    { label: 'created', value: result.created },
    { label: 'updated', value: result.updated },
    { label: 'unchanged', value: result.unchanged },
    { label: 'skipped', value: result.skipped },
  ];
  const reviewRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => reviewRef.current?.focus({ preventScroll: true }), []);
  return (
    <section className="import-result card" aria-labelledby="import-result-title">
      <span className="import-result-icon" aria-hidden="true">
        <Icon name="check" size={20} />
      </span>
      <div className="import-result-body">
        <h2 id="import-result-title">
          Imported {result.fileName} <span className="muted">({sourceName(result.format)})</span>
        </h2>
        <ul className="import-result-stats">
          {stats.map((s) => (
            <li key={s.label} className={s.value === 0 ? 'is-zero' : undefined}>
              <strong>{s.value.toLocaleString()}</strong> {s.label}
            </li>
          ))}
        </ul>
        <p className="muted">
          {result.created > 0
            ? `The ${plural(result.created, 'new contact')} wait in “Imported — to review” and join your follow-up plans once you have looked at them.`
            : 'No new contacts: the people in this file were already here.'}
        </p>
        <div className="import-result-actions">
          <a ref={reviewRef} className="btn btn-primary btn-md" href={href('/contacts?status=imported')}>
            <Icon name="users" /> Review imported contacts
          </a>
          <a className="btn btn-secondary btn-md" href={href('/duplicates')}>
            <Icon name="layers" /> Find duplicates
          </a>
          <Button variant="ghost" onClick={onAnother}>
            Import another file
          </Button>
        </div>
      </div>
    </section>
  );
}
