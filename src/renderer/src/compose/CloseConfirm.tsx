import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';

/**
 * Esc, Close or a click beside the composer after typing: the text is kept as a draft anyway, so
 * the question is only whether to keep it. Closing keeps it (the default); discarding is explicit.
 */
export function CloseConfirm({
  contactName,
  onKeepWriting,
  onClose,
  onDiscard,
}: {
  contactName: string;
  onKeepWriting: () => void;
  onClose: () => void;
  onDiscard: () => void;
}) {
  return (
    <Dialog
      title="Close the composer?"
      size="sm"
      onClose={onKeepWriting}
      footer={
        <>
          <Button variant="ghost" onClick={onKeepWriting}>
            Keep writing
          </Button>
          <Button variant="danger" onClick={onDiscard}>
            Discard my text
          </Button>
          <Button variant="primary" data-autofocus onClick={onClose}>
            Close, keep draft
          </Button>
        </>
      }
    >
      <div className="confirm-body">
        <p>
          What you wrote to <strong>{contactName}</strong> is kept as a draft: it is here again the next time
          you write to them, after a restart too.
        </p>
      </div>
    </Dialog>
  );
}
