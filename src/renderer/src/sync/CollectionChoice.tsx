import { useEffect, useId, useState } from 'react';
import { collectionPath, matchCollection } from '../../../shared/domain/sync-collections.ts';
import { Field } from '../ui/Field.tsx';

const NEW = 'new';
const NONE = 'none';
// Found ones are chosen by address, prefixed, so no collection is taken for "new" or "none".
const at = (url: string) => `url:${url}`;

/**
 * A calendar or address book chosen among those Test found, or a new one named in a text field
 * beside it. A found one is chosen by its address: two may share a name (each is then shown with
 * its path), and the account is kept linked to the one chosen. A native select: arrow keys,
 * type-ahead and screen readers work as everywhere. Mounted afresh for each Test (by key), it
 * starts on what the form already holds.
 */
export function CollectionChoice<C extends { url: string; name: string }>({
  label,
  newLabel,
  nameLabel,
  noneLabel,
  found,
  value,
  onChange,
  error,
  describe,
  optionLabel = (c) => c.name,
}: {
  label: string;
  /** The choice that keeps the text field: "New calendar named…". */
  newLabel: string;
  /** The text field's label. */
  nameLabel: string;
  /** When given, choosing none at all is offered (the value is then ''). */
  noneLabel?: string;
  found: readonly C[];
  /** A found one's URL, or the name of one to make ('' for none). */
  value: string;
  onChange: (urlOrName: string) => void;
  error?: string | undefined;
  /** Whether the chosen one is there, will be made, or its name is shared, in words. */
  describe: (name: string, found: C | undefined, sameName: readonly C[]) => string;
  optionLabel?: (c: C) => string;
}) {
  const match = matchCollection(found, value);
  const initial = value && match.kind === 'found' ? match.collection : undefined;
  const [choice, setChoice] = useState(() =>
    initial ? at(initial.url) : noneLabel !== undefined && !value ? NONE : NEW,
  );
  const [newName, setNewName] = useState(() => (initial ? '' : value));
  // A name the form held that Test found is kept as that one's address from now on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the state this Test mounted with
  useEffect(() => {
    if (initial && initial.url !== value) onChange(initial.url);
  }, []);
  const statusId = useId();
  const describedBy = (own: string | undefined) => [own, statusId].filter(Boolean).join(' ');
  const repeated = (c: C) => found.some((o) => o !== c && o.name === c.name);

  const choose = (next: string) => {
    setChoice(next);
    onChange(next === NEW ? newName : next === NONE ? '' : next.slice('url:'.length));
  };
  const now = matchCollection(found, value);
  const chosen = now.kind === 'found' ? now.collection : undefined;
  const sameName = now.kind === 'ambiguous' ? now.collections : [];

  return (
    <div className="sync-collection">
      <div className="sync-collection-row">
        <Field label={label} error={choice === NEW ? undefined : error}>
          {(props) => (
            <select
              {...props}
              aria-describedby={describedBy(props['aria-describedby'])}
              className="select"
              value={choice}
              onChange={(e) => choose(e.target.value)}
            >
              {noneLabel !== undefined ? <option value={NONE}>{noneLabel}</option> : null}
              {found.map((c) => (
                <option key={c.url} value={at(c.url)}>
                  {repeated(c) ? `${optionLabel(c)} — ${collectionPath(c.url)}` : optionLabel(c)}
                </option>
              ))}
              <option value={NEW}>{newLabel}</option>
            </select>
          )}
        </Field>
        {choice === NEW ? (
          <Field label={nameLabel} error={error}>
            {(props) => (
              <input
                {...props}
                aria-describedby={describedBy(props['aria-describedby'])}
                className="input"
                value={newName}
                onChange={(e) => {
                  setNewName(e.target.value);
                  onChange(e.target.value);
                }}
              />
            )}
          </Field>
        ) : null}
      </div>
      {/* Polite: said after the select's own new value, as the arrow keys move through it. */}
      <p className="field-hint sync-collection-status" id={statusId} aria-live="polite">
        {describe(chosen?.name ?? value, chosen, sameName)}
      </p>
    </div>
  );
}
