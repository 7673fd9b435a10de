import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { FollowUp, PromiseItem } from '../../../shared/domain/followup.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { type ApiData, useApiData } from '../api/useApiData.ts';
import { href, navigate } from '../app/router.ts';
import { useHotkey } from '../app/useHotkey.ts';
import { ImportReviewBanner } from '../imports/ContactSources.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { useToast } from '../ui/Toast.tsx';
import { ContactDetails } from './ContactDetails.tsx';
import { ContactHeader } from './ContactHeader.tsx';
import { ContactPageSkeleton } from './ContactPageSkeleton.tsx';
import { FollowUpContext } from './FollowUpContext.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { LogInteractionForm } from './LogInteractionForm.tsx';
import { PromisesPanel } from './PromisesPanel.tsx';
import { RhythmCard } from './RhythmCard.tsx';
import { ENDED_STEP_STATUSES, Timeline } from './Timeline.tsx';
import { useContactEditor } from './useContactEditor.ts';
import './contact-page.css';

export function ContactPage({ id }: { id: number }) {
  // Once this page deletes the contact nothing here may load again: the change pushed by main
  // can arrive before the page is gone, and every request would be a 404.
  const [deleting, setDeleting] = useState(false);
  const live = !deleting;
  const contact = useApiData(
    `contact:${id}`,
    (api) => api['contacts.get']({ id }),
    ['contacts', 'interactions'],
    live,
  );
  const interactions = useApiData(
    `interactions:${id}`,
    (api) => api['interactions.list']({ contactId: id }),
    ['interactions'],
    live,
  );
  // A reply logged here cancels nudges, so steps reload with interactions too.
  const steps = useApiData(
    `followups:${id}`,
    (api) => api['followups.list']({ contactId: id }),
    ['followups', 'interactions', 'contacts'],
    live,
  );
  const promises = useApiData(
    `promises:${id}`,
    (api) => api['promises.list']({ contactId: id, status: 'all' }),
    ['followups'],
    live,
  );

  if (contact.error?.code === 'not_found') {
    return (
      <EmptyState
        icon="users"
        title="This contact no longer exists"
        actions={<Button onClick={() => navigate('/contacts')}>Back to Contacts</Button>}
      >
        <p>It may have been deleted in another window.</p>
      </EmptyState>
    );
  }
  if (contact.error) {
    return (
      <div className="page">
        <ErrorBanner error={contact.error} title="Could not load this contact" onRetry={contact.reload} />
      </div>
    );
  }
  if (!contact.data) return <ContactPageSkeleton />;
  return (
    <LoadedContactPage
      contact={contact.data}
      onSaved={contact.set}
      interactions={interactions.data}
      interactionsError={interactions.error}
      reloadInteractions={interactions.reload}
      steps={steps}
      promises={promises}
      onDeleting={setDeleting}
    />
  );
}

function LoadedContactPage({
  contact,
  onSaved,
  interactions,
  interactionsError,
  reloadInteractions,
  steps,
  promises,
  onDeleting,
}: {
  contact: Contact;
  onSaved: (c: Contact) => void;
  interactions: Interaction[] | undefined;
  interactionsError: ApiError | undefined;
  reloadInteractions: () => void;
  steps: ApiData<FollowUp[]>;
  promises: ApiData<PromiseItem[]>;
  onDeleting: (deleting: boolean) => void;
}) {
  const api = useApi();
  const toast = useToast();
  const save = useContactEditor(contact, onSaved);
  const [logging, setLogging] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deletingInteraction, setDeletingInteraction] = useState<Interaction | null>(null);
  const [archiving, setArchiving] = useState(false);

  useHotkey('l', () => setLogging(true));

  const setArchived = async (archived: boolean) => {
    setArchiving(true);
    try {
      onSaved(await api['contacts.setArchived']({ id: contact.id, archived }));
      notifyChanged('contacts');
      toast({
        tone: 'success',
        message: archived
          ? `${contact.displayName} archived`
          : `${contact.displayName} is back in your contacts`,
        ...(archived ? { action: { label: 'Undo', onClick: () => void setArchived(false) } } : {}),
      });
    } catch (e) {
      toast({
        tone: 'error',
        message: 'Could not change the archive state',
        detail: toApiError(e).describe(),
      });
    } finally {
      setArchiving(false);
    }
  };

  return (
    <div className="page contact-page">
      <a className="back-link" href={href('/contacts')}>
        <Icon name="arrowLeft" size={14} /> Contacts
      </a>
      {contact.archivedAt ? (
        <div className="banner banner-warning contact-archived-banner">
          <Icon name="archive" />
          <div className="banner-body">
            This contact is archived: hidden from your list, still searchable.
          </div>
          <Button size="sm" busy={archiving} onClick={() => void setArchived(false)}>
            Unarchive
          </Button>
        </div>
      ) : null}
      <ImportReviewBanner contact={contact} />
      <ContactHeader
        contact={contact}
        save={save}
        onLog={() => setLogging(true)}
        onToggleArchived={() => void setArchived(!contact.archivedAt)}
        onDelete={() => setConfirmDelete(true)}
        archiving={archiving}
      />
      <FollowUpContext contact={contact} save={save} onSaved={onSaved} />
      <div className="contact-columns">
        <div className="contact-main-column">
          <FollowUpsPanel contact={contact} steps={steps} />
          <PromisesPanel contact={contact} promises={promises} steps={steps.data} />
          <section className="contact-timeline" aria-labelledby="timeline-title">
            <div className="section-title">
              <h2 id="timeline-title">Timeline</h2>
              {logging ? null : (
                <Button size="sm" variant="ghost" icon="plus" shortcut="L" onClick={() => setLogging(true)}>
                  Log interaction
                </Button>
              )}
            </div>
            {logging ? <LogInteractionForm contact={contact} onDone={() => setLogging(false)} /> : null}
            {interactionsError ? (
              <ErrorBanner
                error={interactionsError}
                title="Could not load the timeline"
                onRetry={reloadInteractions}
              />
            ) : interactions &&
              interactions.length === 0 &&
              !steps.data?.some((s) => ENDED_STEP_STATUSES.has(s.status)) &&
              !logging ? (
              <div className="timeline-empty">
                <p>
                  <strong>No interactions yet.</strong> Press <Kbd>L</Kbd> to log the first follow-up — an
                  email, a call, a coffee.
                </p>
              </div>
            ) : interactions ? (
              <Timeline interactions={interactions} steps={steps.data} onDelete={setDeletingInteraction} />
            ) : null}
          </section>
        </div>
        <div className="contact-side-column">
          <RhythmCard contact={contact} save={save} />
          <ContactDetails contact={contact} save={save} />
        </div>
      </div>
      {confirmDelete ? (
        <ConfirmDialog
          title={`Delete ${contact.displayName}?`}
          confirmLabel="Delete contact"
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            onDeleting(true);
            try {
              await api['contacts.delete']({ id: contact.id, confirm: true });
            } catch (e) {
              onDeleting(false);
              throw e;
            }
            // Tell the rest of the app only once this page is gone, or it would reload a contact
            // that no longer exists.
            window.addEventListener('hashchange', () => notifyChanged('contacts', 'events', 'interactions'), {
              once: true,
            });
            navigate('/contacts');
            toast({ tone: 'success', message: `${contact.displayName} deleted` });
          }}
        >
          <p>
            This permanently removes <strong>{contact.displayName}</strong>, the follow-up context and the
            whole timeline. It cannot be undone.
          </p>
          <p>To tidy up without losing anything, archive instead.</p>
        </ConfirmDialog>
      ) : null}
      {deletingInteraction ? (
        <ConfirmDialog
          title="Delete this interaction?"
          confirmLabel="Delete interaction"
          onClose={() => setDeletingInteraction(null)}
          onConfirm={async () => {
            await api['interactions.delete']({ id: deletingInteraction.id });
            notifyChanged('interactions', 'contacts');
            setDeletingInteraction(null);
          }}
        >
          <p>“{deletingInteraction.summary}” will be removed from the timeline.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
