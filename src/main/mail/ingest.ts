import { createHash } from 'node:crypto';
import { EARLIEST_DAY } from '../../shared/domain/date-bounds.ts';
import type { WriteGate } from '../core/write-gate.ts';
import type { EngineDeps } from '../followups/engine-context.ts';
import { type MailReactionCounts, withMailReactor } from '../followups/mail-reactions.ts';
import { contactExists } from '../store/contacts-store.ts';
import { getInteraction, insertInteraction } from '../store/interactions-store.ts';
import {
  insertMessage,
  insertPerson,
  insertSeen,
  markReacted,
  messageIdByKey,
  messagesToReact,
} from '../store/mail-store.ts';
import { reindexContacts } from '../store/search-index.ts';
import { writeTransaction } from '../store/transaction.ts';
import { addressSet, type ContactMatcher, loadContactMatcher } from './address-match.ts';
import type { MailAddress, MessageHeaders } from './message-headers.ts';

/**
 * The one ingest both the IMAP sync and the mbox import feed (issue 12). In two steps:
 *
 * 1. `record(chunk)`: each message is kept once, by its Message-ID (or a hash of its headers),
 *    whichever folders, accounts or files it comes from again; a message from a contact, or
 *    from me to contacts, becomes one email interaction on each of their timelines.
 * 2. `react()`: the follow-up engine then sees the recorded messages in date order, across
 *    everything recorded so far (a reply is never read before the message it answers, even when
 *    INBOX was synced before Sent). Until it has, a message stays marked, so an interrupted pass
 *    loses no reaction and repeats none.
 *
 * Usage (mbox): `const ingest = createMailIngest(deps, { myAddresses }); for each chunk
 * ingest.record(chunk); await ingest.react();`.
 */
export interface IngestMessage {
  headers: MessageHeaders;
  /** Where an IMAP pass found it; null for a file. */
  seen: { accountId: number; folder: string; uidValidity: string; uid: number } | null;
  /** In a folder of sent mail (RFC 6154 \Sent): mine, even from an address not listed as mine. */
  inSentFolder: boolean;
  /** When the server received it (INTERNALDATE), for a message whose Date is missing or unreadable. */
  receivedAt: string | null;
}

export interface RecordCounts {
  /** Messages not seen before. */
  messages: number;
  /** Seen before (another folder, account or pass): only where it sits is noted. */
  duplicates: number;
  /** New messages from or to a contact. */
  matched: number;
  interactions: number;
}

export interface MailIngest {
  record(chunk: readonly IngestMessage[]): RecordCounts;
  react(): Promise<MailReactionCounts>;
}

/** At or above this many other recipients, the timeline says "to N people". */
export const MANY_RECIPIENTS = 3;
const SUMMARY_MAX = 500;
const REACT_CHUNK = 200;

export function createMailIngest(
  deps: EngineDeps,
  options: {
    myAddresses: Iterable<string>;
    /** Reactions wait between chunks while a long write (an import) holds its transaction. */
    gate?: Pick<WriteGate, 'idle'>;
  },
): MailIngest {
  const me = addressSet(options.myAddresses);
  // Contacts change rarely during a pass; one read of every address serves the whole pass.
  let matcher: ContactMatcher | undefined;
  return {
    record(chunk) {
      matcher ??= loadContactMatcher(deps.db);
      const contacts = matcher;
      return writeTransaction(deps.db, () => recordChunk(deps, contacts, me, chunk));
    },
    async react() {
      const total: MailReactionCounts = { replies: 0, stepsCompleted: 0, nudgesCancelled: 0 };
      for (;;) {
        await options.gate?.idle();
        const pending = messagesToReact(deps.db, REACT_CHUNK);
        if (pending.length === 0) return total;
        const counts = withMailReactor(deps, (reactor) => {
          for (const message of pending) {
            for (const id of message.interactionIds) {
              const interaction = getInteraction(deps.db, id);
              if (interaction) reactor.react(interaction);
            }
            markReacted(deps.db, message.id);
          }
          return reactor.counts;
        });
        total.replies += counts.replies;
        total.stepsCompleted += counts.stepsCompleted;
        total.nudgesCancelled += counts.nudgesCancelled;
        // Long histories react in many chunks: let the window and other calls through between.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
  };
}

function recordChunk(
  deps: EngineDeps,
  contacts: ContactMatcher,
  me: { has(address: string): boolean },
  chunk: readonly IngestMessage[],
): RecordCounts {
  const { db } = deps;
  const now = deps.clock();
  const nowIso = now.toISOString();
  const counts: RecordCounts = { messages: 0, duplicates: 0, matched: 0, interactions: 0 };
  const reindex = new Set<number>();
  for (const message of chunk) {
    const { headers } = message;
    const key = messageKey(message);
    const known = messageIdByKey(db, key);
    if (known !== undefined) {
      if (message.seen) insertSeen(db, { ...message.seen, messageId: known });
      counts.duplicates++;
      continue;
    }
    const sender = headers.from[0]?.address ?? null;
    const outbound = (sender !== null && me.has(sender)) || message.inSentFolder;
    const recipients = uniqueAddresses([...headers.to, ...headers.cc]).filter((a) => a !== sender);
    // Outbound: each contact among the recipients; inbound: the contact who wrote.
    const parties = new Map<number, { role: 'from' | 'to' | 'cc'; address: string }>();
    if (outbound) {
      for (const [role, list] of [
        ['to', headers.to],
        ['cc', headers.cc],
      ] as const) {
        for (const { address } of list) {
          if (me.has(address)) continue;
          for (const id of contacts.contactsOf(address))
            if (!parties.has(id)) parties.set(id, { role, address });
        }
      }
    } else if (sender !== null && !me.has(sender)) {
      for (const id of contacts.contactsOf(sender)) parties.set(id, { role: 'from', address: sender });
    }
    // A contact deleted since the pass read the addresses has no timeline left to write to.
    for (const id of parties.keys()) if (!contactExists(db, id)) parties.delete(id);
    const occurredAt = occurredAtOf(message, now);
    const messageId = insertMessage(
      db,
      {
        key,
        threadKey: threadKeyOf(headers, key),
        occurredAt,
        direction: outbound ? 'outbound' : 'inbound',
        subject: headers.subject,
        recipients: recipients.length,
        reacted: parties.size === 0,
      },
      nowIso,
    );
    if (message.seen) insertSeen(db, { ...message.seen, messageId });
    counts.messages++;
    // Each address's row names the interaction it made, written with it: an UPDATE per
    // interaction afterwards took a sixth of a first sync's CPU in the bench (tests/bench/mail-sync.ts).
    const made = new Map<string, number>();
    if (parties.size > 0) {
      counts.matched++;
      const summary = summaryOf(headers.subject, recipients.length);
      for (const [contactId, party] of parties) {
        const interactionId = insertInteraction(
          db,
          {
            contactId,
            occurredAt,
            channel: 'email',
            direction: outbound ? 'outbound' : 'inbound',
            summary,
            outcome: outbound ? 'Sent from your mail app' : 'Received in your mailbox',
          },
          nowIso,
          { index: false },
        );
        made.set(personKey(party.role, party.address), interactionId);
        reindex.add(contactId);
        counts.interactions++;
      }
    }
    for (const [role, list] of [
      ['from', headers.from.slice(0, 1)],
      ['to', headers.to],
      ['cc', headers.cc],
    ] as const) {
      for (const person of list) {
        const interactionId = made.get(personKey(role, person.address)) ?? null;
        insertPerson(db, { messageId, role, address: person.address, name: person.name, interactionId });
      }
    }
  }
  // One re-index per chunk: FTS5 writes a segment per statement (see search-index.ts).
  reindexContacts(db, [...reindex]);
  return counts;
}

const personKey = (role: string, address: string) => `${role}\n${address}`;

/** Message-ID when there is one; else a hash of who, when and what, so copies still meet. */
export function messageKey(message: Pick<IngestMessage, 'headers' | 'receivedAt'>): string {
  const h = message.headers;
  if (h.messageId?.trim()) return `id:${h.messageId.trim()}`;
  const list = (a: readonly MailAddress[]) => a.map((x) => x.address).sort();
  const basis = JSON.stringify([
    list(h.from),
    list(h.to),
    list(h.cc),
    h.date ?? message.receivedAt,
    h.subject ?? '',
  ]);
  return `hash:${createHash('sha256').update(basis).digest('hex')}`;
}

/** The thread a message belongs to: the first of its References, else what it replies to, else itself. */
function threadKeyOf(h: MessageHeaders, key: string): string {
  const root = h.references[0] ?? h.inReplyTo ?? h.messageId;
  return root ? `id:${root.trim()}` : key;
}

/** The Date header; the server's arrival time when it is missing; never in the future. */
function occurredAtOf(message: IngestMessage, now: Date): string {
  for (const candidate of [message.headers.date, message.receivedAt]) {
    if (!candidate) continue;
    const ms = Date.parse(candidate);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) < EARLIEST_DAY) continue;
    return new Date(Math.min(ms, now.getTime())).toISOString();
  }
  return now.toISOString();
}

function summaryOf(subject: string | null, recipients: number): string {
  const whole = subject?.trim() || '(no subject)';
  const text = whole.length > SUMMARY_MAX ? `${whole.slice(0, SUMMARY_MAX - 1)}…` : whole;
  return recipients >= MANY_RECIPIENTS ? `${text} (to ${recipients} people)` : text;
}

function uniqueAddresses(list: readonly MailAddress[]): string[] {
  return [...new Set(list.map((a) => a.address))];
}
