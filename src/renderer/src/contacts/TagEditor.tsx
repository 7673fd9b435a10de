import { useId, useState } from 'react';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { Icon } from '../ui/Icon.tsx';

/** Tags as pills; type and press Enter to add (existing tags are suggested), × to remove. */
export function TagEditor({ tags, onSave }: { tags: string[]; onSave: (tags: string[]) => Promise<void> }) {
  const known = useApiData('tags', (api) => api['contacts.tags']({}), ['contacts']);
  const listId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  const commit = async (next: string[]) => {
    setError(undefined);
    try {
      await onSave(next);
      return true;
    } catch (e) {
      const err = toApiError(e);
      setError(err.issues?.[0] ? `Tag ${err.issues[0].message}` : err.describe());
      return false;
    }
  };

  const add = async () => {
    const tag = text.trim();
    if (!tag) return;
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) {
      setText('');
      return;
    }
    if (await commit([...tags, tag])) setText('');
  };

  return (
    <div className="tag-editor">
      {tags.length ? (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="pill pill-neutral tag-pill">
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => void commit(tags.filter((t) => t !== tag))}
              >
                <Icon name="x" size={11} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        className="tag-input"
        aria-label="Add a tag"
        placeholder={tags.length ? 'Add tag…' : 'Add a tag, e.g. investor'}
        list={listId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            void add();
          } else if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
          }
        }}
      />
      <datalist id={listId}>
        {(known.data ?? [])
          .filter((t) => !tags.includes(t.name))
          .map((t) => (
            <option key={t.name} value={t.name} />
          ))}
      </datalist>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
