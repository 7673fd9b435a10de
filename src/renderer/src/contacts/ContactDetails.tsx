import { type ReactNode, useId, useMemo } from 'react';
import type { Contact } from '../../../shared/domain/contact.ts';
import { formatDayOfInstant, formatRelative, timeInZone } from '../format/dates.ts';
import { ContactSourcesNote } from '../imports/ContactSources.tsx';
import { InlineEdit } from '../ui/InlineEdit.tsx';
import { EMAIL_KIND, EntryListEditor, LINK_KIND, PHONE_KIND } from './EntryListEditor.tsx';
import { TagEditor } from './TagEditor.tsx';
import type { SaveContact } from './useContactEditor.ts';
import './details.css';

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <span className="detail-label">{label}</span>
      <div className="detail-value">{children}</div>
    </div>
  );
}

/** Who they are and how to reach them; everything editable in place. */
export function ContactDetails({ contact, save }: { contact: Contact; save: SaveContact }) {
  const zonesId = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const localTime = contact.timeZone ? timeInZone(contact.timeZone) : null;

  return (
    <section className="contact-details" aria-labelledby="details-title">
      <h2 id="details-title" className="eyebrow details-title">
        Details
      </h2>
      <DetailRow label="Company">
        <InlineEdit
          label="Company"
          value={contact.company}
          placeholder="Add company"
          issuePath="patch.company"
          onSave={(company) => save({ company })}
        />
      </DetailRow>
      <DetailRow label="Title">
        <InlineEdit
          label="Title"
          value={contact.title}
          placeholder="Add title"
          issuePath="patch.title"
          onSave={(title) => save({ title })}
        />
      </DetailRow>
      <DetailRow label="Email">
        <EntryListEditor kind={EMAIL_KIND} entries={contact.emails} onSave={(emails) => save({ emails })} />
      </DetailRow>
      <DetailRow label="Phone">
        <EntryListEditor kind={PHONE_KIND} entries={contact.phones} onSave={(phones) => save({ phones })} />
      </DetailRow>
      <DetailRow label="Links">
        <EntryListEditor
          kind={LINK_KIND}
          entries={contact.links.map((l) => ({ value: l.url, label: l.label }))}
          onSave={(links) => save({ links: links.map((l) => ({ url: l.value, label: l.label })) })}
        />
      </DetailRow>
      <DetailRow label="Location">
        <InlineEdit
          label="Location"
          value={contact.location}
          placeholder="Add city"
          issuePath="patch.location"
          onSave={(location) => save({ location })}
        />
      </DetailRow>
      <DetailRow label="Time zone">
        <InlineEdit
          label="Time zone"
          value={contact.timeZone}
          placeholder="e.g. Europe/Berlin"
          list={zonesId}
          display={
            contact.timeZone ? (
              <>
                {contact.timeZone.replaceAll('_', ' ')}
                {localTime ? <span className="faint"> · {localTime} there</span> : null}
              </>
            ) : undefined
          }
          issuePath="patch.timeZone"
          onSave={(tz) => save({ timeZone: tz.trim() || null })}
        />
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </DetailRow>
      <DetailRow label="Tags">
        <TagEditor tags={contact.tags} onSave={(tags) => save({ tags })} />
      </DetailRow>
      <div className="detail-notes">
        <span className="detail-label">Notes</span>
        <InlineEdit
          label="Notes"
          value={contact.notes}
          placeholder="Anything else worth remembering"
          multiline
          issuePath="patch.notes"
          onSave={(notes) => save({ notes })}
        />
      </div>
      <p className="detail-footnote">
        Added {formatDayOfInstant(contact.createdAt)}
        {contact.updatedAt !== contact.createdAt ? ` · edited ${formatRelative(contact.updatedAt)}` : ''}
      </p>
      <ContactSourcesNote sources={contact.sources} />
    </section>
  );
}
