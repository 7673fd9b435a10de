import type { FetchMessageObject, FetchQueryObject, MessageAddressObject } from 'imapflow';
import type { MailAddress, MessageHeaders } from './message-headers.ts';
import { mime } from './mime-library.ts';

/** What a pass asks the server for each message: headers only, never a body (BODY.PEEK leaves \Seen alone). */
export const FETCH_QUERY: FetchQueryObject = {
  uid: true,
  envelope: true,
  internalDate: true,
  // ENVELOPE (RFC 3501 §7.4.2) has every field the app keeps except References.
  headers: ['references'],
};

/**
 * The headers the app keeps, as the server and imapflow decoded them: the ENVELOPE's addresses,
 * subject (RFC 2047 words decoded by imapflow) and ids, and References read by libmime.
 */
export function headersOfFetched(message: FetchMessageObject): MessageHeaders {
  const envelope = message.envelope ?? {};
  return {
    messageId: bareId(envelope.messageId),
    from: addresses(envelope.from),
    to: addresses(envelope.to),
    cc: addresses(envelope.cc),
    date: isoOf(envelope.date),
    subject: envelope.subject?.trim() || null,
    inReplyTo: bareId(envelope.inReplyTo),
    references: referencesOf(message.headers),
  };
}

export function receivedAtOf(message: FetchMessageObject): string | null {
  return isoOf(message.internalDate);
}

function isoOf(value: Date | string | undefined): string | null {
  if (!value) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function addresses(list: readonly MessageAddressObject[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list ?? []) {
    const address = entry.address?.trim().toLowerCase();
    // A group's start and end come through ENVELOPE as entries without an address.
    if (!address?.includes('@')) continue;
    out.push({ address, name: entry.name?.trim() || null });
  }
  return out;
}

const ANGLE_ID = /<([^<>\s]+)>/g;

function bareId(value: string | undefined): string | null {
  if (!value) return null;
  const [first] = [...value.matchAll(ANGLE_ID)];
  return first?.[1] ?? (value.trim() || null);
}

function referencesOf(raw: Buffer | undefined): string[] {
  if (!raw || raw.length === 0) return [];
  const values = mime().decodeHeaders(raw.toString('latin1')).references ?? [];
  const ids = values.flatMap((v) => [...String(v).matchAll(ANGLE_ID)].map((m) => m[1] ?? ''));
  return [...new Set(ids.filter(Boolean))];
}
