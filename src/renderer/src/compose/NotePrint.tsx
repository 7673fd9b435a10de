import { createPortal } from 'react-dom';

/**
 * The handwritten note as a printable card. It lives outside the app's root, so the print
 * stylesheet (composer.css) can print it alone: on screen it is never shown.
 */
export function NotePrint({ body, contactName }: { body: string; contactName: string }) {
  return createPortal(
    <div className="note-print" aria-hidden="true">
      <article className="note-print-card">
        <p className="note-print-body">{body}</p>
      </article>
      <p className="note-print-for">Note card for {contactName}</p>
    </div>,
    document.body,
  );
}
