import type { ComposeChannel, Handoff } from '../domain/compose.ts';
import { isAllowedExternalUrl } from '../urls.ts';

/**
 * How a message leaves the app for the channel it is written for. Pure and free of Node APIs so
 * the renderer rebuilds the link as the user types, and main builds the same one for the CLI.
 */

export interface HandoffTarget {
  to?: string | null;
  phone?: string | null;
  profileUrl?: string | null;
  subject: string | null;
  body: string;
}

/**
 * The longest link handed to the operating system. Mail clients and the OS pass mailto: links
 * through fixed buffers: Windows' INTERNET_MAX_URL_LENGTH is 2,083 characters, Outlook opened
 * from a browser stops at about 2,046, and Firefox refused links past 2,008. 2,000 stays under
 * every one of those; a longer message is copied instead of being silently cut off. (A 200-word
 * e-mail, the length the check advises, encodes to about 1,600.)
 */
export const MAX_HANDOFF_URL_LENGTH = 2000;

export function handoffFor(channel: ComposeChannel, target: HandoffTarget): Handoff {
  switch (channel) {
    case 'email':
      return emailHandoff(target);
    case 'linkedin':
      return linkedinHandoff(target);
    case 'text':
      return smsHandoff(target);
    case 'call':
      return callHandoff(target);
    case 'handwritten_note':
      return { kind: 'print', url: null, copyFirst: false, note: 'Print it as a note card, or copy it.' };
  }
}

function copyOnly(note: string): Handoff {
  return { kind: 'copy', url: null, copyFirst: true, note };
}

function tooLong(url: string, what: string): Handoff {
  return copyOnly(
    `The ${what} link would be ${url.length.toLocaleString('en')} characters, over the ${MAX_HANDOFF_URL_LENGTH.toLocaleString('en')} that mail and messaging apps reliably accept: copy the message instead.`,
  );
}

/**
 * Percent-encodes as UTF-8 everything but letters, digits and -_.!~*'() (all legal in an RFC 6068
 * hfvalue), so '+', '&', '#', '%', '?', '=' and non-ASCII never reach a client unencoded. '+'
 * matters most: URLSearchParams and several mail clients read a bare '+' as a space. Lone
 * surrogates, which UTF-8 cannot carry and encodeURIComponent throws on, become U+FFFD.
 */
export function encodeMailtoPart(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

/** RFC 6068 §2: line breaks in a body are CRLF, whatever the editor produced. */
export function toCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

// One plain addr-spec; anything else (a display name, a list, spaces) is left for the user to type.
const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;

/** A subject is one header line: line breaks in it become spaces. */
export function oneLine(subject: string): string {
  return subject.replace(/\r\n|\r|\n/g, ' ');
}

export function mailtoUrl(to: string | null, subject: string | null, body: string): string {
  // '@' may stay literal in the to-part (RFC 6068 §2); the rest of the address is encoded.
  const address = to ? encodeMailtoPart(to).replace(/%40/g, '@') : '';
  const fields: string[] = [];
  if (subject?.trim()) fields.push(`subject=${encodeMailtoPart(oneLine(subject))}`);
  if (body) fields.push(`body=${encodeMailtoPart(toCrlf(body))}`);
  return `mailto:${address}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}

function emailHandoff(target: HandoffTarget): Handoff {
  const raw = target.to?.trim() ?? '';
  const to = ADDRESS.test(raw) ? raw : null;
  const url = mailtoUrl(to, target.subject, target.body);
  if (url.length > MAX_HANDOFF_URL_LENGTH) return tooLong(url, 'mail');
  if (!isAllowedExternalUrl(url)) return copyOnly('This message cannot be handed to a mail app: copy it.');
  return {
    kind: 'mailto',
    url,
    copyFirst: false,
    note: to ? null : 'No e-mail address on file: the mail app opens without a recipient.',
  };
}

function linkedinHandoff(target: HandoffTarget): Handoff {
  const url = target.profileUrl?.trim() ?? '';
  // The allowlist also refuses credentials in the URL; only https profiles are opened.
  if (url.startsWith('https:') && isAllowedExternalUrl(url)) {
    return {
      kind: 'https',
      url,
      copyFirst: true,
      // LinkedIn has no link that pre-fills a message, so the text goes on the clipboard first.
      note: 'The message is copied; paste it into LinkedIn on their profile.',
    };
  }
  return copyOnly('No LinkedIn profile on file: copy the message and paste it into LinkedIn.');
}

/**
 * A number as an sms:/tel: recipient: E.164-ish, an optional '+' and 3-15 digits, with the
 * usual visual separators dropped. Null when it is not a plain number (extensions, letters).
 */
export function dialableNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const compact = phone.trim().replace(/[\s().\-‐‑–]/g, '');
  return /^\+?\d{3,15}$/.test(compact) ? compact : null;
}

function smsHandoff(target: HandoffTarget): Handoff {
  const number = dialableNumber(target.phone);
  if (!number) return copyOnly('No mobile number on file: copy the message and send it from your phone.');
  // RFC 5724 §2: sms:<recipient>?body=<percent-encoded UTF-8>; texts use bare line feeds.
  const body = target.body.replace(/\r\n|\r/g, '\n');
  const url = body ? `sms:${number}?body=${encodeMailtoPart(body)}` : `sms:${number}`;
  if (url.length > MAX_HANDOFF_URL_LENGTH) return tooLong(url, 'text message');
  if (!isAllowedExternalUrl(url))
    return copyOnly('This number cannot be handed to a messaging app: copy it.');
  return {
    kind: 'sms',
    url,
    copyFirst: false,
    note: 'Opens your messaging app where the system has one; copy the text otherwise.',
  };
}

function callHandoff(target: HandoffTarget): Handoff {
  const number = dialableNumber(target.phone);
  if (!number) return copyOnly('No phone number on file: the talking points stay here.');
  const url = `tel:${number}`;
  if (!isAllowedExternalUrl(url)) return copyOnly('This number cannot be dialled from here.');
  return { kind: 'tel', url, copyFirst: false, note: 'The talking points stay in the app while you call.' };
}
