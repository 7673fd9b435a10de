import { useState } from 'react';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { Channel } from '../../../shared/domain/interaction.ts';
import { toApiError } from '../api/errors.ts';
import { CHANNEL_OPTIONS } from './channels.ts';
import type { SaveContact } from './useContactEditor.ts';

/** A select that looks like text until hovered; a choice saves at once (there is nothing to type). */
export function ChannelSelect({ contact, save }: { contact: Contact; save: SaveContact }) {
  const [error, setError] = useState<string>();
  return (
    <div className="inline-edit">
      <select
        className="inline-select"
        aria-label="Preferred channel"
        value={contact.preferredChannel ?? ''}
        onChange={async (e) => {
          setError(undefined);
          try {
            await save({ preferredChannel: (e.target.value || null) as Channel | null });
          } catch (err) {
            setError(toApiError(err).describe());
          }
        }}
      >
        <option value="">Not set</option>
        {CHANNEL_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
