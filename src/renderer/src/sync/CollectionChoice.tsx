import { useId, useState } from 'react';
import { collectionNamed } from '../../../shared/domain/sync-collections.ts';
import { Field } from '../ui/Field.tsx';

const NEW = 'new';
const NONE = 'none';
// Found names are prefixed, so a collection called "new" or "none" is not taken for a choice.
const named = (name: string) => `name:${name}`;

/**
 * A calendar or address book chosen among those Test found, or a new one named in a text field
 * beside it. A native select: arrow keys, type-ahead and screen readers work as everywhere.
 * Mounted afresh for each Test (by key), it starts on the name the form already holds.
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
  value: string;
  onChange: (name: string) => void;
  error?: string | undefined;
  /** Whether the chosen name is there or will be made, in words. */
  describe: (name: string, found: C | undefined) => string;
  optionLabel?: (c: C) => string;
}) {
  // Two collections may share a name; an account links to the first (collectionNamed), so it is
  // the one offered.
  const offered = found.filter((c) => collectionNamed(found, c.name) === c);
  const [choice, setChoice] = useState(() =>
    collectionNamed(found, value) ? named(value) : noneLabel !== undefined && !value ? NONE : NEW,
  );
  const [newName, setNewName] = useState(() => (collectionNamed(found, value) ? '' : value));
  const statusId = useId();
  const describedBy = (own: string | undefined) => [own, statusId].filter(Boolean).join(' ');

  const choose = (next: string) => {
    setChoice(next);
    onChange(next === NEW ? newName : next === NONE ? '' : next.slice('name:'.length));
  };
  const chosen = collectionNamed(found, value);

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
              {offered.map((c) => (
                <option key={c.url} value={named(c.name)}>
                  {optionLabel(c)}
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
        {describe(value, chosen)}
      </p>
    </div>
  );
}
