/**
 * What the app keeps of one e-mail (issue 12): the headers that say who wrote to whom, when, and
 * in which thread. Bodies are never kept. Both the IMAP sync and the mbox import produce these,
 * decoded by a library (mailparser / imapflow), and one ingest turns them into interactions.
 */
export interface MailAddress {
  /** Lower-cased address as written ("ada+news@example.com"); plus-addressing is folded by the matcher. */
  address: string;
  /** Display name, RFC 2047 decoded, or null. */
  name: string | null;
}

export interface MessageHeaders {
  /** Message-ID without angle brackets, or null when the message has none (then deduplicated by a hash of the headers). */
  messageId: string | null;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** The Date header as an ISO instant (UTC), or null when missing or unreadable. */
  date: string | null;
  subject: string | null;
  inReplyTo: string | null;
  references: string[];
}
