import type { Contact } from '../../../shared/domain/contact.ts';
import { formatDay, formatRelativeDay } from '../format/dates.ts';
import { InlineEdit } from '../ui/InlineEdit.tsx';
import { ChannelSelect } from './ChannelSelect.tsx';
import { NextStep } from './NextStep.tsx';
import type { SaveContact } from './useContactEditor.ts';
import { WhereMetField } from './WhereMetField.tsx';

/**
 * The reason this app exists, at the top of the page: the agreed next step first, then where
 * and how you met and what you talked about, so the next message can pick up the thread.
 */
export function FollowUpContext({
  contact,
  save,
  onSaved,
}: {
  contact: Contact;
  save: SaveContact;
  onSaved: (c: Contact) => void;
}) {
  return (
    <section className="followup card" aria-labelledby="followup-title">
      <h2 id="followup-title" className="visually-hidden">
        Follow-up context
      </h2>
      <NextStep contact={contact} save={save} onSaved={onSaved} />
      <div className="followup-meta">
        <div className="followup-cell">
          <span className="eyebrow">Where you met</span>
          <WhereMetField contact={contact} save={save} />
        </div>
        <div className="followup-cell">
          <span className="eyebrow">When</span>
          <InlineEdit
            label="Date met"
            type="date"
            value={contact.metOn}
            placeholder="Add the date"
            display={
              contact.metOn ? (
                <>
                  {formatDay(contact.metOn)}{' '}
                  <span className="faint">· {formatRelativeDay(contact.metOn)}</span>
                </>
              ) : undefined
            }
            issuePath="patch.metOn"
            onSave={(metOn) => save({ metOn: metOn || null })}
          />
        </div>
        <div className="followup-cell">
          <span className="eyebrow">How you met</span>
          <InlineEdit
            label="How you met"
            value={contact.howMet}
            placeholder="Introduced by…"
            issuePath="patch.howMet"
            onSave={(howMet) => save({ howMet })}
          />
        </div>
        <div className="followup-cell">
          <span className="eyebrow">Preferred channel</span>
          <ChannelSelect contact={contact} save={save} />
        </div>
      </div>
      <div className="followup-notes">
        <div className="followup-cell">
          <span className="eyebrow">What you discussed</span>
          <InlineEdit
            label="What you discussed"
            value={contact.discussed}
            placeholder="What did you talk about? Their project, a question they asked…"
            multiline
            issuePath="patch.discussed"
            onSave={(discussed) => save({ discussed })}
          />
        </div>
        <div className="followup-cell">
          <span className="eyebrow">Interests</span>
          <InlineEdit
            label="Interests"
            value={contact.interests}
            placeholder="What do they care about?"
            multiline
            issuePath="patch.interests"
            onSave={(interests) => save({ interests })}
          />
        </div>
      </div>
    </section>
  );
}
