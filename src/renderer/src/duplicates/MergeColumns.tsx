import type { Contact } from '../../../shared/domain/contact.ts';
import type { MergeField } from '../../../shared/domain/import-formats.ts';
import { roleLine } from '../format/text.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Icon } from '../ui/Icon.tsx';
import { fieldText, MERGE_FIELD_LABELS, planMerge, unite } from './mergeFields.ts';

/** The field-by-field choice: one radio pair per differing field, then what is united. */
export function MergeColumns({
  keep,
  other,
  take,
  onTake,
}: {
  keep: Contact;
  other: Contact;
  take: ReadonlySet<MergeField>;
  onTake: (field: MergeField, fromOther: boolean) => void;
}) {
  const plan = planMerge(keep, other);
  const lists: { label: string; values: string[] }[] = [
    {
      label: 'E-mails',
      values: unite(
        keep.emails.map((e) => e.value),
        other.emails.map((e) => e.value),
      ),
    },
    {
      label: 'Phones',
      values: unite(
        keep.phones.map((p) => p.value),
        other.phones.map((p) => p.value),
      ),
    },
    {
      label: 'Links',
      values: unite(
        keep.links.map((l) => l.url),
        other.links.map((l) => l.url),
      ),
    },
    { label: 'Tags', values: unite(keep.tags, other.tags) },
  ];

  return (
    <div className="merge-view">
      <div className="merge-grid">
        <div className="merge-row merge-heads">
          <span className="merge-field" />
          <PersonHead contact={keep} side="keep" />
          <PersonHead contact={other} side="merge" />
        </div>
        {plan.rows.map(({ field, outcome }) => {
          const name = `merge-${field}`;
          const label = (
            <span id={`${name}-label`} className="merge-field">
              {MERGE_FIELD_LABELS[field]}
            </span>
          );
          if (outcome !== 'choice') {
            return (
              <div key={field} className="merge-row is-settled">
                {label}
                {outcome === 'same' ? (
                  <span className="merge-cell merge-cell-both">
                    <span className="merge-value">{fieldText(keep, field)}</span>
                    <span className="merge-hint">same on both</span>
                  </span>
                ) : (
                  <>
                    <SettledCell text={fieldText(keep, field)} chosen={outcome === 'keep'} />
                    <SettledCell
                      text={fieldText(other, field)}
                      chosen={outcome === 'fill'}
                      hint={outcome === 'fill' ? 'added' : undefined}
                    />
                  </>
                )}
              </div>
            );
          }
          const fromOther = take.has(field);
          return (
            <div key={field} className="merge-row" role="radiogroup" aria-labelledby={`${name}-label`}>
              {label}
              <label className={fromOther ? 'merge-option' : 'merge-option is-chosen'}>
                <input type="radio" name={name} checked={!fromOther} onChange={() => onTake(field, false)} />
                <span className="merge-value">{fieldText(keep, field)}</span>
              </label>
              <label className={fromOther ? 'merge-option is-chosen' : 'merge-option'}>
                <input type="radio" name={name} checked={fromOther} onChange={() => onTake(field, true)} />
                <span className="merge-value">{fieldText(other, field)}</span>
              </label>
            </div>
          );
        })}
      </div>
      <p className="merge-note">
        {plan.choices.length
          ? 'Pick the value to keep where they differ; a value only one of them has is kept either way.'
          : 'No field differs: nothing to choose. A value only one of them has is kept.'}
      </p>
      <section className="merge-united" aria-label="Kept from both">
        <h3 className="eyebrow">Kept from both</h3>
        <dl>
          {lists.map((list) => (
            <div key={list.label}>
              <dt>{list.label}</dt>
              <dd>{list.values.length ? list.values.join(', ') : <span className="faint">none</span>}</dd>
            </div>
          ))}
          <div>
            <dt>History</dt>
            <dd>Interactions, promises and follow-ups of both are kept.</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}

function SettledCell({
  text,
  chosen,
  hint,
}: {
  text: string | null;
  chosen: boolean;
  hint?: string | undefined;
}) {
  if (text === null) return <span className="merge-cell merge-empty">—</span>;
  return (
    <span className={chosen ? 'merge-cell is-chosen' : 'merge-cell'}>
      <span className="merge-value">{text}</span>
      {hint ? <span className="merge-hint">{hint}</span> : null}
    </span>
  );
}

function PersonHead({ contact, side }: { contact: Contact; side: 'keep' | 'merge' }) {
  const line = roleLine(contact.title, contact.company);
  return (
    <div className={`merge-person is-${side}`}>
      <span className="merge-person-tag">
        {side === 'keep' ? (
          <>
            <Icon name="check" size={12} /> Keep
          </>
        ) : (
          <>
            <Icon name="arrowLeft" size={12} /> Merge in
          </>
        )}
      </span>
      <span className="merge-person-row">
        <Avatar name={contact.displayName} size={28} />
        <span className="merge-person-text">
          <strong className="truncate">{contact.displayName}</strong>
          <span className="truncate muted">{line || '\u00a0'}</span>
        </span>
      </span>
    </div>
  );
}
