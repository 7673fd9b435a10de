import type { ContactDraftParsed } from '../../shared/domain/contact.ts';
import { CHANNELS, type Channel, type Direction } from '../../shared/domain/interaction.ts';
import { between, chance, pick, type Random, seededRandom } from './random.ts';
import * as words from './vocabulary.ts';

export interface SyntheticEvent {
  name: string;
  date: string;
  location: string;
}

export interface SyntheticInteraction {
  occurredAt: string;
  channel: Channel;
  direction: Direction;
  summary: string;
  outcome: string | null;
}

export interface SyntheticContact {
  draft: ContactDraftParsed;
  /** Index into the events list, or null when met elsewhere. */
  eventIndex: number | null;
  interactions: SyntheticInteraction[];
}

export interface NetworkSpec {
  contacts: number;
  /** Average interactions per contact (the bench uses 5: 50,000 contacts, 250,000 interactions). */
  interactionsPerContact: number;
  seed: number;
  /** The synthetic network's "today": everything happens in the two years before it. */
  now: Date;
}

const DAY_MS = 86_400_000;

export function generateEvents(spec: NetworkSpec): SyntheticEvent[] {
  const random = seededRandom(spec.seed ^ 0x5eed);
  const count = Math.max(3, Math.ceil(spec.contacts / 250));
  return Array.from({ length: count }, (_, i) => {
    const place = pick(random, words.PLACES);
    const date = new Date(spec.now.getTime() - between(random, 1, 720) * DAY_MS);
    return {
      name: `${place.city} ${pick(random, words.EVENT_KINDS)} ${date.getUTCFullYear()}${i >= 140 ? ` #${i}` : ''}`,
      date: isoDay(date),
      location: place.city,
    };
  });
}

/** Contacts one by one, so a caller can write them as they come without holding 50,000 in memory. */
export function* generateContacts(
  spec: NetworkSpec,
  events: readonly SyntheticEvent[],
): Generator<SyntheticContact> {
  const random = seededRandom(spec.seed);
  for (let i = 0; i < spec.contacts; i++) yield contact(random, spec, events);
}

function contact(random: Random, spec: NetworkSpec, events: readonly SyntheticEvent[]): SyntheticContact {
  const first = pick(random, words.FIRST_NAMES);
  const last = pick(random, words.LAST_NAMES);
  const company = `${pick(random, words.COMPANY_HEADS)} ${pick(random, words.COMPANY_TAILS)}`;
  const place = pick(random, words.PLACES);
  const topic = pick(random, words.TOPICS);
  const eventIndex = events.length > 0 && chance(random, 0.6) ? Math.floor(random() * events.length) : null;
  const event = eventIndex === null ? null : events[eventIndex];
  const metOn = event ? event.date : isoDay(new Date(spec.now.getTime() - between(random, 0, 720) * DAY_MS));
  // Names in other scripts have no ASCII letters; keep whatever part has, so addresses stay valid.
  const slug =
    [ascii(first), ascii(last)].filter(Boolean).join('.').toLowerCase() ||
    `contact${between(random, 1, 99_999)}`;
  const domain = `${ascii(company).toLowerCase()}.example`;
  const tags = Array.from(
    new Set(Array.from({ length: between(random, 0, 3) }, () => pick(random, words.TAGS))),
  );
  const draft: ContactDraftParsed = {
    displayName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    emails: chance(random, 0.85) ? [{ value: `${slug}@${domain}`, label: 'work' }] : [],
    phones: chance(random, 0.5)
      ? [{ value: `+1 555 ${between(random, 100, 999)} ${between(random, 1000, 9999)}`, label: 'mobile' }]
      : [],
    links: chance(random, 0.7)
      ? [{ url: `https://www.linkedin.com/in/${slug.replace(/\./g, '-')}`, label: 'LinkedIn' }]
      : [],
    company,
    title: pick(random, words.TITLES),
    location: place.city,
    timeZone: place.timeZone,
    tags,
    notes: chance(random, 0.3) ? `Interested in ${pick(random, words.TOPICS)}.` : null,
    metOn,
    metEventId: null,
    metWhere: event
      ? null
      : `${place.city} ${pick(random, ['co-working space', 'coffee shop', 'meetup', 'airport lounge'])}`,
    howMet: pick(random, words.HOW_MET),
    discussed: `We talked about ${topic}.`,
    interests: pick(random, words.TOPICS),
    nextStep: chance(random, 0.7) ? pick(random, words.NEXT_STEPS) : null,
    preferredChannel: pick(random, ['email', 'linkedin', 'call', 'text'] as const),
    // Some people matter enough for a keep-in-touch cadence.
    cadenceDays: chance(random, 0.15) ? pick(random, [30, 60, 90, 180]) : null,
  };
  const count = between(random, 0, spec.interactionsPerContact * 2);
  // Interactions happen between meeting and "now", never in the future.
  const nowMs = spec.now.getTime();
  const metMs = Math.min(nowMs, Date.parse(`${metOn}T12:00:00Z`));
  const interactions = Array.from({ length: count }, (): SyntheticInteraction => {
    const at = metMs + random() * (nowMs - metMs);
    return {
      occurredAt: new Date(Math.floor(at / 60_000) * 60_000).toISOString(),
      channel: pick(random, CHANNELS),
      direction: chance(random, 0.6) ? 'outbound' : 'inbound',
      summary: pick(random, words.INTERACTION_SUMMARIES).replace('{topic}', pick(random, words.TOPICS)),
      outcome: chance(random, 0.4) ? pick(random, words.OUTCOMES) : null,
    };
  });
  return { draft, eventIndex, interactions };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function ascii(s: string): string {
  return s.normalize('NFKD').replace(/[^A-Za-z]/g, '');
}
