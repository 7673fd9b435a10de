import { useId } from 'react';
import { TEMPLATE_PLACEHOLDERS } from '../../../shared/domain/compose-placeholders.ts';

/**
 * The placeholders a template may use, from the same list main's validator accepts, each a
 * button that puts it where the caret was in the body. Closed at first: the body comes first.
 */
export function PlaceholderHelp({ onInsert }: { onInsert: (text: string) => void }) {
  const id = useId();
  return (
    <details className="placeholder-help">
      <summary>Placeholders you can use ({TEMPLATE_PLACEHOLDERS.length})</summary>
      <p className="placeholder-help-note">
        An unknown fact is left out: wrap its sentence in a section, such as <code>{'{{#discussed}}'}</code>We
        talked about <code>{'{{discussed}}'}</code>.<code>{'{{/discussed}}'}</code>, and the whole sentence
        drops when nothing was noted.
      </p>
      <ul className="placeholder-list">
        {TEMPLATE_PLACEHOLDERS.map((p) => (
          <li key={p.name}>
            <button
              type="button"
              className="placeholder-insert"
              aria-label={`Insert {{${p.name}}}`}
              aria-describedby={`${id}-${p.name}`}
              onClick={() => onInsert(`{{${p.name}}}`)}
            >
              <code>{`{{${p.name}}}`}</code>
            </button>
            <span className="placeholder-description" id={`${id}-${p.name}`}>
              {p.description} <span className="faint">· {p.example}</span>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
