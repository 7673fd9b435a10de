import { useEffect, useId, useRef, useState } from 'react';
import { ContactFilter } from '../calendar/ContactFilter.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import type { PreviewState } from './useTemplatePreview.ts';

/**
 * The template written for one real person. Main picks the contact with the most to draw on
 * until the user picks another ("Change contact" opens a search, Esc or leaving it closes it).
 */
export function TemplatePreviewPane({
  state,
  isEmail,
  hasProblems,
  onContact,
}: {
  state: PreviewState;
  isEmail: boolean;
  hasProblems: boolean;
  onContact: (contactId: number) => void;
}) {
  const titleId = useId();
  const [picking, setPicking] = useState(false);
  const pickerRef = useRef<HTMLDivElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const preview = state.preview;
  const name = preview?.contactName;

  useEffect(() => {
    if (picking) pickerRef.current?.querySelector('input')?.focus();
  }, [picking]);

  const stopPicking = (refocus: boolean) => {
    setPicking(false);
    if (refocus) requestAnimationFrame(() => changeRef.current?.focus());
  };

  return (
    <section className="template-preview" aria-labelledby={titleId}>
      <div className="template-preview-head">
        <h3 id={titleId}>Preview</h3>
        {picking ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: blur and keys bubble up from the search inside
          <div
            ref={pickerRef}
            className="template-preview-picker"
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) stopPicking(false);
            }}
            onKeyDown={(e) => {
              // The search handles its own Esc first (closing its list); the next one closes it.
              if (e.key === 'Escape' && !e.defaultPrevented) {
                e.preventDefault();
                e.stopPropagation();
                stopPicking(true);
              }
            }}
          >
            <ContactFilter
              label="Preview for"
              value={undefined}
              onChange={(id) => {
                if (id === undefined) return;
                onContact(id);
                stopPicking(true);
              }}
            />
          </div>
        ) : name ? (
          <span className="template-preview-for">
            for <strong>{name}</strong>
            <Button ref={changeRef} size="sm" variant="ghost" onClick={() => setPicking(true)}>
              Change contact
            </Button>
          </span>
        ) : null}
      </div>
      {state.error ? <ErrorBanner error={state.error} title="Could not write the preview" /> : null}
      {preview === undefined ? (
        <p className="template-preview-note">Writing the preview…</p>
      ) : name === null ? (
        <p className="template-preview-note">Add a contact to see the template written for them.</p>
      ) : hasProblems ? (
        <p className="template-preview-note">Fix the problems to see it written for {name}.</p>
      ) : !preview.body.trim() ? (
        <p className="template-preview-note">Write the body to see it for {name}.</p>
      ) : (
        <div
          className={state.stale ? 'template-preview-card is-stale' : 'template-preview-card'}
          aria-busy={state.stale || undefined}
        >
          {isEmail ? (
            <p className="template-preview-subject">
              <span className="faint">Subject</span> {preview.subject || <em className="faint">none</em>}
            </p>
          ) : null}
          <div className="template-preview-body">{preview.body}</div>
        </div>
      )}
    </section>
  );
}
