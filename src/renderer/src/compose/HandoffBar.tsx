import type { ComposeChannel, Handoff } from '../../../shared/domain/compose.ts';
import { Button } from '../ui/Button.tsx';
import { Icon, type IconName } from '../ui/Icon.tsx';

const OPEN_LABELS: Partial<Record<Handoff['kind'], { label: string; icon: IconName }>> = {
  mailto: { label: 'Open in mail app', icon: 'mail' },
  https: { label: 'Copy and open LinkedIn', icon: 'linkedin' },
  sms: { label: 'Open in messages', icon: 'message' },
  tel: { label: 'Call', icon: 'phone' },
};

/**
 * How the message leaves the app for its channel. Links are real links: in the desktop app the
 * window's navigation guard hands them to the OS through the shared allowlist (https, mailto,
 * tel, sms), as it does for every link; in the browser the browser opens them. Copy is always there.
 */
export function HandoffBar({
  channel,
  handoff,
  phone,
  onCopy,
  onPrint,
  drafts,
}: {
  channel: ComposeChannel;
  handoff: Handoff;
  /** The number a call goes to, to name it on the button. */
  phone: string | null;
  onCopy: () => void;
  onPrint: () => void;
  /** With a mail account connected: the e-mail into its Drafts folder (usePutInDrafts). */
  drafts?: { busy: boolean; onPut: () => void } | undefined;
}) {
  const open = handoff.url ? OPEN_LABELS[handoff.kind] : undefined;
  return (
    <div className="composer-handoff">
      {handoff.note ? (
        <p className="composer-handoff-note">
          <Icon name={handoff.kind === 'copy' ? 'alert' : 'arrowUpRight'} size={13} /> {handoff.note}
        </p>
      ) : null}
      <div className="composer-handoff-actions">
        {channel === 'handwritten_note' ? (
          <Button size="sm" icon="printer" onClick={onPrint}>
            Print note card
          </Button>
        ) : null}
        {open && handoff.url ? (
          <a
            className="btn btn-secondary btn-sm"
            href={handoff.url}
            {...(handoff.kind === 'https' ? { target: '_blank', rel: 'noreferrer' } : {})}
            // LinkedIn has no link that fills in a message: the text goes on the clipboard first.
            onClick={handoff.copyFirst ? onCopy : undefined}
          >
            <Icon name={open.icon} />
            {handoff.kind === 'tel' && phone ? `Call ${phone}` : open.label}
          </a>
        ) : null}
        {drafts && channel === 'email' && handoff.kind === 'mailto' ? (
          <Button size="sm" icon="mail" busy={drafts.busy} onClick={drafts.onPut}>
            Put in Drafts
          </Button>
        ) : null}
        <Button size="sm" icon="copy" onClick={onCopy}>
          Copy
        </Button>
      </div>
    </div>
  );
}
