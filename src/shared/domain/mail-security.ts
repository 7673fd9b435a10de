/**
 * How a mail account's connection is protected, without zod: the renderer imports these values,
 * and a zod schema in its bundle probes for eval (Function("")), which the CSP reports.
 */

/** Implicit TLS (993), STARTTLS (143), or plain IMAP to this machine only (Proton Mail Bridge's is STARTTLS). */
export const MAIL_SECURITY = ['tls', 'starttls', 'insecure-local'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

/** Plain IMAP sends the password as it is: allowed only where nothing crosses a network. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '[::1]']);

export const INSECURE_REFUSED =
  'plain IMAP (no TLS) is allowed only to this machine, 127.0.0.1 or ::1, where nothing crosses a network; use TLS or STARTTLS for this host';
