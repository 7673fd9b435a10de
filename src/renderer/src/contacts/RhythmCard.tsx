import { startTransition, useId, useOptimistic, useState } from 'react';
import type { Contact } from '../../../shared/domain/contact.ts';
import { toApiError } from '../api/errors.ts';
import { PACING_LABELS } from '../followups/purposes.ts';
import { CadenceSelect, PacingSelect } from '../followups/RhythmSelects.tsx';
import { formatDayOfInstant } from '../format/dates.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import './followups-panel.css';
import type { SaveContact } from './useContactEditor.ts';

/** How closely to follow up with this person: pacing, urgency and a keep-in-touch rhythm. */
export function RhythmCard({ contact, save }: { contact: Contact; save: SaveContact }) {
  const { settings } = useSettings();
  const pacingId = useId();
  const cadenceId = useId();
  const [urgentError, setUrgentError] = useState<string>();
  // The switch flips with the click; the saved contact confirms it (or a refusal flips it back).
  const [urgent, setUrgent] = useOptimistic(contact.urgent);
  const fallback = settings ? PACING_LABELS[settings.defaultPacing].toLowerCase() : 'standard';
  return (
    <section className="rhythm-card" aria-labelledby="rhythm-title">
      <h2 id="rhythm-title" className="eyebrow details-title">
        Follow-up rhythm
      </h2>
      <div className="detail-row rhythm-row">
        <label className="detail-label" htmlFor={pacingId}>
          Pacing
        </label>
        <div className="detail-value">
          <PacingSelect
            id={pacingId}
            label="Pacing"
            value={contact.pacing}
            inheritLabel={`Default (${fallback})`}
            onSave={(pacing) => save({ pacing })}
          />
        </div>
      </div>
      <div className="detail-row rhythm-row">
        <span className="detail-label">Urgent</span>
        <div className="detail-value">
          <label className="switch">
            <input
              type="checkbox"
              checked={urgent}
              onChange={(e) => {
                const next = e.target.checked;
                setUrgentError(undefined);
                startTransition(async () => {
                  setUrgent(next);
                  try {
                    await save({ urgent: next });
                  } catch (err) {
                    setUrgentError(toApiError(err).describe());
                  }
                });
              }}
            />
            Shorten the next step
          </label>
          {urgentError ? (
            <p className="field-error" role="alert">
              {urgentError}
            </p>
          ) : null}
        </div>
      </div>
      <div className="detail-row rhythm-row">
        <label className="detail-label" htmlFor={cadenceId}>
          Keep in touch
        </label>
        <div className="detail-value">
          <CadenceSelect
            id={cadenceId}
            label="Keep in touch"
            value={contact.cadenceDays}
            onSave={(cadenceDays) => save({ cadenceDays })}
          />
        </div>
      </div>
      {contact.noResponseSince ? (
        <p className="rhythm-note">
          No reply since {formatDayOfInstant(contact.noResponseSince)}: the next follow-up will be gentle and
          spaced out.
        </p>
      ) : null}
    </section>
  );
}
