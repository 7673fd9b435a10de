import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { handoffFor } from '../../../shared/compose/handoff.ts';
import type { ComposeChannel } from '../../../shared/domain/compose.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { isSubmitChord, MOD_LABEL } from '../app/keys.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { AskDetail } from './AskDetail.tsx';
import { ChannelSwitcher } from './ChannelSwitcher.tsx';
import { Checklist } from './Checklist.tsx';
import { CloseConfirm } from './CloseConfirm.tsx';
import type { ComposeTarget } from './ComposerContext.tsx';
import { composerChannel } from './channels.ts';
import { FactsUsed, ProposedTimes } from './DraftFacts.tsx';
import { HandoffBar } from './HandoffBar.tsx';
import { handoffTargetOf } from './handoffTarget.ts';
import { isOverLimit, lengthCount } from './lengthCount.ts';
import { NotePrint } from './NotePrint.tsx';
import { useComposerActions } from './useComposerActions.ts';
import { useComposerDraft } from './useComposerDraft.ts';
import { checkKey, useLiveCheck } from './useLiveCheck.ts';
import { usePutInDrafts } from './usePutInDrafts.ts';
import './composer.css';

/**
 * The composer: a follow-up 90% written from what is known about the person, edited here with the
 * personalisation check beside it, handed to the channel it is for, and recorded as sent.
 */
export function ComposerDialog({ target, onClose }: { target: ComposeTarget; onClose: () => void }) {
  const api = useApi();
  const composer = useComposerDraft(target);
  const { draft, text, edited } = composer;
  const actions = useComposerActions();
  const drafts = usePutInDrafts();
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [contact, setContact] = useState<Contact | null>(null);
  const [recheck, setRecheck] = useState(0);
  const [answered, setAnswered] = useState(false);
  // The channel just chosen, shown checked while its draft loads.
  const [wanted, setWanted] = useState<ComposeChannel | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // Who it goes to (address, number, profile), so the hand-off link follows the text at once.
  const contactId = draft?.contactId;
  useEffect(() => {
    if (contactId === undefined) return;
    let live = true;
    api['contacts.get']({ id: contactId }).then(
      (c) => live && setContact(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, contactId]);

  // Focus goes to the text once there is one: the point of opening the composer is to write.
  const focused = useRef(false);
  useEffect(() => {
    if (!draft || focused.current) return;
    focused.current = true;
    bodyRef.current?.focus();
    bodyRef.current?.setSelectionRange(0, 0);
  }, [draft]);

  const baseline = useMemo(
    () =>
      draft
        ? {
            key: checkKey({ channel: draft.channel, subject: draft.subject ?? '', body: draft.body }),
            result: { checks: draft.checks, length: draft.length, handoff: draft.handoff },
          }
        : null,
    [draft],
  );
  const checked = draft && text ? { channel: draft.channel, ...text } : null;
  const live = useLiveCheck(target, checked, recheck, baseline);

  const close = () => {
    void composer.flush();
    onClose();
  };
  const requestClose = () => (edited ? setConfirmingClose(true) : close());

  if (!draft || !text) {
    return (
      <Dialog title="Write a follow-up" onClose={onClose} size="lg" className="composer">
        {composer.error ? (
          <ErrorBanner
            error={composer.error}
            title="Could not write a draft"
            onRetry={() => void composer.load()}
          />
        ) : (
          <p className="composer-loading" aria-busy="true">
            Writing a draft…
          </p>
        )}
      </Dialog>
    );
  }

  const channel = draft.channel;
  const info = composerChannel(channel);
  const subject = channel === 'email' ? text.subject : null;
  const handoff = contact
    ? handoffFor(channel, handoffTargetOf(contact, { subject, body: text.body }))
    : (live.result?.handoff ?? draft.handoff);
  const limit = live.result?.length.limit ?? draft.length.limit;
  const countId = 'composer-count';

  const insertAtCaret = (insert: string) => {
    const el = bodyRef.current;
    const start = el?.selectionStart ?? text.body.length;
    const end = el?.selectionEnd ?? start;
    const body = `${text.body.slice(0, start)}${insert}${text.body.slice(end)}`;
    composer.edit({ body });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + insert.length, start + insert.length);
    });
  };

  const send = async () => {
    await composer.flush();
    if (await actions.markSent(draft, text)) {
      composer.forget();
      onClose();
    }
  };

  // Handed to the mail app: the saved copy is gone (main dropped it), so nothing is kept on close.
  const putInDrafts = async () => {
    await composer.flush();
    if (await drafts.put(draft, text)) {
      composer.forget();
      onClose();
    }
  };

  const onTextKeyDown = (e: KeyboardEvent) => {
    if (isSubmitChord(e)) {
      e.preventDefault();
      void send();
    }
  };

  const switchChannel = (next: ComposeChannel) => {
    setWanted(next);
    void composer.switchChannel(next).finally(() => setWanted(null));
  };

  return (
    <Dialog
      title={`Write to ${draft.contactName}`}
      description={`${purposeLabel(draft.purpose)}${draft.stepId === null ? ' · no follow-up planned' : ''}`}
      onClose={requestClose}
      size="lg"
      className="composer"
      footer={
        <>
          <HandoffBar
            channel={channel}
            handoff={handoff}
            phone={contact?.phones[0]?.value ?? null}
            onCopy={() => void actions.copy(draft, text)}
            onPrint={() => window.print()}
            drafts={drafts.available ? { busy: drafts.busy, onPut: () => void putInDrafts() } : undefined}
          />
          <span className="composer-footer-hint">
            <Kbd subtle>{MOD_LABEL}</Kbd>
            <Kbd subtle>Enter</Kbd> mark sent
          </span>
          <Button
            variant="primary"
            icon="check"
            busy={actions.busy === 'sending'}
            onClick={() => void send()}
          >
            {channel === 'call' ? 'Mark called' : 'Mark sent'}
          </Button>
        </>
      }
    >
      <div className="composer-grid">
        <div className="composer-main">
          <ChannelSwitcher value={wanted ?? channel} onChange={switchChannel} />
          {draft.ask && !answered ? (
            <AskDetail
              ask={draft.ask}
              contactId={draft.contactId}
              onAnswered={async (updated) => {
                setContact(updated);
                setAnswered(true);
                // Written in already: keep the text, and check it again against the new detail.
                if (!(await composer.redraftUnlessEdited())) setRecheck((n) => n + 1);
              }}
            />
          ) : null}
          {channel === 'email' ? (
            <div className="field">
              <label className="field-label" htmlFor="composer-subject">
                Subject
              </label>
              <input
                id="composer-subject"
                className="input"
                value={text.subject}
                maxLength={500}
                onChange={(e) => composer.edit({ subject: e.target.value })}
                onKeyDown={onTextKeyDown}
              />
            </div>
          ) : null}
          <div className="field composer-body-field">
            <label className="field-label" htmlFor="composer-body">
              {info.textLabel}
            </label>
            <textarea
              id="composer-body"
              ref={bodyRef}
              className={
                channel === 'text' || channel === 'linkedin'
                  ? 'textarea composer-body is-short'
                  : 'textarea composer-body'
              }
              value={text.body}
              maxLength={20_000}
              aria-describedby={countId}
              onChange={(e) => composer.edit({ body: e.target.value })}
              onKeyDown={onTextKeyDown}
            />
            <div className="composer-body-foot">
              <span
                id={countId}
                className={
                  isOverLimit(channel, text.body, limit) ? 'composer-count is-over' : 'composer-count'
                }
              >
                {lengthCount(channel, text.body, limit)}
              </span>
              <span className="composer-draft-state">
                {edited
                  ? 'Kept as a draft'
                  : draft.saved
                    ? 'Your saved draft'
                    : `Wording ${draft.variant + 1} of ${draft.variants}`}
              </span>
            </div>
          </div>
          <div className="composer-tools">
            <Button
              size="sm"
              variant="ghost"
              icon="refresh"
              disabled={composer.loading || draft.variants < 2}
              onClick={composer.anotherWording}
            >
              Another wording
            </Button>
            {draft.saved || edited ? (
              <Button
                size="sm"
                variant="ghost"
                icon="undo"
                disabled={composer.loading}
                onClick={composer.startOver}
              >
                Start over
              </Button>
            ) : null}
            {composer.replaced ? (
              <Button size="sm" variant="ghost" onClick={composer.restoreReplaced}>
                Back to your text
              </Button>
            ) : null}
          </div>
          {composer.error ? <ErrorBanner error={composer.error} title="Could not write that draft" /> : null}
          <FactsUsed facts={draft.facts} />
        </div>
        <aside className="composer-aside" aria-label="About this draft">
          <Checklist
            result={live.result}
            checking={live.checking}
            scheduling={actions.busy === 'scheduling'}
            onScheduleAt={async (at) => {
              await composer.flush();
              if (await actions.scheduleAt(draft, at)) onClose();
            }}
          />
          <ProposedTimes times={draft.proposedTimes} onInsert={insertAtCaret} />
        </aside>
      </div>
      {channel === 'handwritten_note' ? <NotePrint body={text.body} contactName={draft.contactName} /> : null}
      {confirmingClose ? (
        <CloseConfirm
          contactName={draft.contactName}
          onKeepWriting={() => {
            setConfirmingClose(false);
            bodyRef.current?.focus();
          }}
          onClose={close}
          onDiscard={() => {
            composer.forget();
            void api['compose.discard'](target).catch(() => undefined);
            onClose();
          }}
        />
      ) : null}
    </Dialog>
  );
}
