import { type KeyboardEvent, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import { isAllowedExternalUrl } from '../../../shared/urls.ts';
import { issuesFor, toApiError } from '../api/errors.ts';
import { isSubmitChord } from '../app/keys.ts';
import { Button } from '../ui/Button.tsx';
import { Icon, type IconName } from '../ui/Icon.tsx';

export interface Entry {
  value: string;
  label: string | null;
}

export interface EntryKind {
  /** Field name in the patch ("emails"), also the prefix of its issues. */
  field: 'emails' | 'phones' | 'links';
  noun: string;
  icon: IconName;
  placeholder: string;
  inputType: 'email' | 'tel' | 'url';
  /** The URL a value opens; only rendered as a link when the shared allowlist accepts it. */
  toHref: (value: string) => string;
  /** How a value reads in the list (links drop "https://www."). */
  show?: (value: string) => string;
}

/**
 * E-mails, phones and links: shown as links (mailto:, tel:, https: only, per the allowlist main
 * also enforces), edited as a small list of value + label rows saved together.
 */
export function EntryListEditor({
  kind,
  entries,
  onSave,
}: {
  kind: EntryKind;
  entries: Entry[];
  onSave: (entries: Entry[]) => Promise<void>;
}) {
  const [draft, setDraft] = useState<Entry[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const start = () => {
    setError(undefined);
    setDraft(entries.length ? entries.map((e) => ({ ...e })) : [{ value: '', label: null }]);
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSave(draft.filter((e) => e.value.trim() !== ''));
      setDraft(null);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  if (!draft) {
    return (
      <div className="entry-list">
        {entries.length ? (
          <ul>
            {entries.map((entry) => {
              const target = kind.toHref(entry.value);
              return (
                <li key={`${entry.value}|${entry.label}`} className="entry">
                  <Icon name={kind.icon} size={14} />
                  {isAllowedExternalUrl(target) ? (
                    <a
                      href={target}
                      className="truncate"
                      title={entry.value}
                      {...(target.startsWith('https:') ? { target: '_blank', rel: 'noreferrer' } : {})}
                    >
                      {kind.show ? kind.show(entry.value) : entry.value}
                    </a>
                  ) : (
                    <span className="truncate" title={entry.value}>
                      {kind.show ? kind.show(entry.value) : entry.value}
                    </span>
                  )}
                  {entry.label ? <span className="entry-label">{entry.label}</span> : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {entries.length ? (
          <button
            type="button"
            className="entry-edit-icon"
            onClick={start}
            aria-label={`Edit ${kind.noun}s`}
            title={`Edit ${kind.noun}s`}
          >
            <Icon name="pen" size={13} />
          </button>
        ) : (
          <button type="button" className="entry-add" onClick={start} aria-label={`Add ${kind.noun}`}>
            Add {kind.noun}
          </button>
        )}
      </div>
    );
  }

  const update = (i: number, patch: Partial<Entry>) =>
    setDraft((d) => d?.map((e, j) => (j === i ? { ...e, ...patch } : e)) ?? null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(null);
    } else if (e.key === 'Enter' || isSubmitChord(e)) {
      e.preventDefault();
      void save();
    }
  };
  const banner = error && !error.issues?.length ? error.describe() : undefined;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up from the inputs inside
    <div className="entry-list is-editing" onKeyDown={onKeyDown}>
      {draft.map((entry, i) => {
        const issue = issuesFor(error, `patch.${kind.field}.${i}`)[0];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <div key={i} className="entry-row">
            <div className="entry-row-inputs">
              <input
                className="input input-sm"
                type={kind.inputType}
                aria-label={`${kind.noun} ${i + 1}`}
                aria-invalid={issue ? true : undefined}
                placeholder={kind.placeholder}
                value={entry.value}
                // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this list
                autoFocus={i === draft.length - 1}
                onChange={(e) => update(i, { value: e.target.value })}
              />
              <input
                className="input input-sm entry-label-input"
                aria-label={`Label for ${kind.noun} ${i + 1}`}
                placeholder="Label"
                value={entry.label ?? ''}
                onChange={(e) => update(i, { label: e.target.value || null })}
              />
              <Button
                size="sm"
                variant="ghost"
                icon="x"
                aria-label={`Remove ${kind.noun} ${i + 1}`}
                onClick={() => setDraft((d) => d?.filter((_, j) => j !== i) ?? null)}
              />
            </div>
            {issue ? <p className="field-error">{`${capitalise(kind.noun)} ${issue.message}`}</p> : null}
          </div>
        );
      })}
      {banner ? <p className="field-error">{banner}</p> : null}
      <div className="entry-actions">
        <Button
          size="sm"
          variant="ghost"
          icon="plus"
          onClick={() => setDraft((d) => [...(d ?? []), { value: '', label: null }])}
        >
          Add another
        </Button>
        <span className="entry-actions-end">
          <Button size="sm" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          <Button size="sm" variant="primary" busy={saving} onClick={() => void save()}>
            Save
          </Button>
        </span>
      </div>
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const EMAIL_KIND: EntryKind = {
  field: 'emails',
  noun: 'email',
  icon: 'mail',
  placeholder: 'name@example.com',
  inputType: 'email',
  toHref: (v) => `mailto:${v}`,
};

export const PHONE_KIND: EntryKind = {
  field: 'phones',
  noun: 'phone',
  icon: 'phone',
  placeholder: '+44 20 7946 0958',
  inputType: 'tel',
  toHref: (v) => `tel:${v.replace(/[^+0-9]/g, '')}`,
};

export const LINK_KIND: EntryKind = {
  field: 'links',
  noun: 'link',
  icon: 'link',
  placeholder: 'https://…',
  inputType: 'url',
  toHref: (v) => v,
  show: (v) => v.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, ''),
};
