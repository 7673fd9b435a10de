import { randomUUID } from 'node:crypto';

export interface DraftMessage {
  from: { address: string; name: string | null };
  to: { address: string; name: string | null };
  subject: string | null;
  body: string;
  /** The injected clock's now: the Date header. */
  date: Date;
}

export interface BuiltDraft {
  /** With its angle brackets, as it appears in the header (and later in Sent). */
  messageId: string;
  raw: Buffer;
}

/**
 * The RFC 5322 bytes of a plain-text draft, by nodemailer's composer (encoded words for a
 * non-ASCII name or subject, quoted-printable or base64 for the body, CRLF lines), never by hand.
 * The Message-ID is on the sender's own domain (RFC 5322 §3.6.4 wants it unique; a random UUID
 * under a domain the user holds is), so the copy the mail app keeps in Sent carries the same one.
 */
export async function buildDraft(message: DraftMessage): Promise<BuiltDraft> {
  const domain = message.from.address.split('@').pop() || 'localhost';
  const messageId = `<${randomUUID()}@${domain}>`;
  // Loaded here, not at start-up: only this button needs the composer, and every CLI run would carry it.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: address(message.from),
    to: address(message.to),
    ...(message.subject ? { subject: message.subject } : {}),
    text: message.body,
    date: message.date,
    messageId,
    // Nothing says which program wrote it: the user's own client sends it as theirs.
    xMailer: false,
    // The text is ours; nothing in it may make the composer read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await composer.compile().build();
  return { messageId, raw };
}

const address = (a: { address: string; name: string | null }) =>
  a.name ? { name: a.name, address: a.address } : a.address;
