import type { Purpose } from '../domain/followup.ts';
import type { DatedText } from '../format/dated-text.ts';

/**
 * The other half of the contract: what main pushes to the renderer, and what a write changed.
 * Main's change bus, the Electron IPC sender, the HTTP shell's event stream, the preload and the
 * renderer all take these types from here, so a push cannot drift from what its reader expects.
 */

/**
 * Areas of the store a write can change. Handlers declare the scopes they change where they are
 * registered (src/main/api/registry.ts); the dispatcher announces them after a successful call;
 * screens reload when a scope they show changes.
 */
export const CHANGE_SCOPES = [
  'contacts',
  'events',
  'interactions',
  'followups',
  'settings',
  /** Drafts being written and the user's templates (the composer). */
  'compose',
  /** Mail accounts, what their sync has seen, and the people suggested from it. */
  'mail',
  /** CalDAV/CardDAV accounts and their outbox (Settings › Sync). */
  'sync',
] as const;
export type ChangeScope = (typeof CHANGE_SCOPES)[number];

/** A due follow-up as a reminder: what a notification, the tray, a digest and a notice need. */
export interface ReminderItem {
  id: number;
  contactId: number;
  contactName: string;
  purpose: Purpose;
  /** Why now, in words, its days marked (read it with readDated). */
  reason: DatedText;
  /** What to mention. */
  context: string | null;
  dueAt: string;
  /** Lower is more important (see followups/purposes.ts). */
  priority: number;
}

/** Long work in main that reports progress: a file import, a mailbox sync pass, a CalDAV/CardDAV pass. */
export const PROGRESS_TASKS = ['import', 'mail-sync', 'dav-sync'] as const;

/** Which collection of a CalDAV/CardDAV account a 'dav-sync' pass is at. */
export const PROGRESS_SIDES = ['calendar', 'contacts'] as const;

/** Progress of long work in main, pushed a few times a second at most. */
export interface ProgressPayload {
  task: (typeof PROGRESS_TASKS)[number];
  phase: 'reading' | 'matching' | 'writing' | 'done';
  done: number;
  total: number;
  /** 'dav-sync': the sync account whose pass this is (one pass may go through several). */
  accountId?: number;
  /** 'dav-sync': the calendar's outbox or the address book. */
  side?: (typeof PROGRESS_SIDES)[number];
}

export interface PushPayloads {
  /** A hash route without the '#', e.g. "/today" (a clicked notification). */
  navigate: string;
  'data-changed': { scopes: ChangeScope[] };
  reminders: { items: ReminderItem[] };
  progress: ProgressPayload;
}

export const PUSH_EVENTS = ['navigate', 'data-changed', 'reminders', 'progress'] as const;
export type PushEvent = (typeof PUSH_EVENTS)[number];

/** Sends one push to a shell's page(s): IPC in Electron, server-sent events over HTTP. */
export type Push = <E extends PushEvent>(event: E, payload: PushPayloads[E]) => void;

// Compile-time proof that PUSH_EVENTS lists exactly the keys of PushPayloads.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventsMatchPayloads: Same<keyof PushPayloads, PushEvent> = true;
void eventsMatchPayloads;

export const PROGRESS_PHASES: ReadonlySet<string> = new Set<ProgressPayload['phase']>([
  'reading',
  'matching',
  'writing',
  'done',
]);
const SCOPES: ReadonlySet<string> = new Set(CHANGE_SCOPES);
const TASKS: ReadonlySet<string> = new Set(PROGRESS_TASKS);
const SIDES: ReadonlySet<string> = new Set(PROGRESS_SIDES);

/**
 * Pushes cross a process boundary (and, in the browser shell, a stream anyone on the machine
 * could try to write to): the reader keeps only well-formed ones. Shared so main's tests can
 * check that what it sends is what the renderer accepts.
 */
export function readPush<E extends PushEvent>(event: E, raw: unknown): PushPayloads[E] | undefined {
  return (READERS.get(event) as ((raw: unknown) => PushPayloads[E] | undefined) | undefined)?.(raw);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const READERS = new Map<PushEvent, (raw: unknown) => PushPayloads[PushEvent] | undefined>([
  [
    'navigate',
    (raw) => {
      const route = typeof raw === 'string' ? raw : isObject(raw) ? raw.route : undefined;
      if (typeof route !== 'string') return undefined;
      const path = route.replace(/^#/, '');
      return path.startsWith('/') ? path : undefined;
    },
  ],
  [
    'data-changed',
    (raw) => {
      const scopes = isObject(raw) && Array.isArray(raw.scopes) ? raw.scopes : undefined;
      if (!scopes) return undefined;
      return { scopes: scopes.filter((s): s is ChangeScope => typeof s === 'string' && SCOPES.has(s)) };
    },
  ],
  [
    'reminders',
    (raw) => {
      const items = isObject(raw) && Array.isArray(raw.items) ? raw.items : undefined;
      if (!items) return undefined;
      return { items: items.filter(isReminderItem) };
    },
  ],
  [
    'progress',
    (raw) => {
      if (!isObject(raw) || typeof raw.task !== 'string' || !TASKS.has(raw.task)) return undefined;
      if (typeof raw.phase !== 'string') return undefined;
      if (!PROGRESS_PHASES.has(raw.phase)) return undefined;
      if (typeof raw.done !== 'number' || typeof raw.total !== 'number') return undefined;
      // Optional, but a present one must be well-formed: a bar shown on the wrong account misleads.
      if (raw.accountId !== undefined && !Number.isInteger(raw.accountId)) return undefined;
      if (raw.side !== undefined && (typeof raw.side !== 'string' || !SIDES.has(raw.side))) return undefined;
      return {
        task: raw.task as ProgressPayload['task'],
        phase: raw.phase as ProgressPayload['phase'],
        done: raw.done,
        total: raw.total,
        ...(raw.accountId === undefined ? {} : { accountId: raw.accountId as number }),
        ...(raw.side === undefined ? {} : { side: raw.side as NonNullable<ProgressPayload['side']> }),
      };
    },
  ],
]);

function isReminderItem(i: unknown): i is ReminderItem {
  return (
    isObject(i) &&
    typeof i.id === 'number' &&
    typeof i.contactId === 'number' &&
    typeof i.contactName === 'string' &&
    typeof i.purpose === 'string' &&
    typeof i.reason === 'string' &&
    (i.context === null || typeof i.context === 'string') &&
    typeof i.dueAt === 'string' &&
    typeof i.priority === 'number'
  );
}
