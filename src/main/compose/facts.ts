import type { ComposeChannel, DraftFact, FactId } from '../../shared/domain/compose.ts';
import { TEMPLATE_PLACEHOLDERS } from '../../shared/domain/compose-placeholders.ts';
import { localDayOf } from '../time/local-day.ts';
import type { ComposeContext } from './context.ts';
import { agoPhrase, type DateWords, metWhen, sentOn } from './dates.ts';
import { isZone, type Slot, slotPhrase } from './slots.ts';
import { lowerCommonOpener, tidyBlock, tidyFact, toSecondPerson } from './text.ts';

/**
 * What a template can say about the person, as plain strings keyed by placeholder. Every known
 * placeholder is present ('' when unknown), so a section on it drops its sentence; the view has
 * no prototype, so a user's `{{constructor}}` finds nothing.
 */
export type View = Readonly<Record<string, string>>;

export interface BuiltView {
  view: View;
  /** The words behind each placeholder as the fact list shows them ("Discussed: solar roofs"). */
  sources: ReadonlyMap<string, string>;
}

const LABELS = new Map<FactId, string>([
  ['first_name', 'Name'],
  ['met_where', 'Met at'],
  ['met_when', 'Met'],
  ['discussed', 'Discussed'],
  ['interests', 'Interests'],
  ['next_step', 'Next step'],
  ['promise_mine', 'Your promise'],
  ['promise_theirs', 'Their promise'],
  ['last_sent', 'Your last message'],
  ['meeting', 'Meeting'],
  ['proposed_times', 'Proposed times'],
  ['company', 'Company'],
  ['signature', 'Signature'],
  ['step_note', 'Note'],
]);

// "Dr. Ada Lovelace" is greeted as Ada, not as "Dr".
const NAME_LIKE = /[\p{L}\p{N}]/u;
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'sir', 'dame']);

export function firstNameOf(contact: ComposeContext['contact']): string {
  const given = tidyFact(contact.firstName);
  if (NAME_LIKE.test(given)) return given;
  for (const word of contact.displayName.split(/\s+/u)) {
    // Quotes, brackets and stray marks around a word ("“Bo”", "!!Ada") are not the name; the
    // greeting would tidy a leading "!" away and then no longer hold the name the facts show.
    const tidy = tidyFact(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (NAME_LIKE.test(tidy) && !HONORIFICS.has(tidy.toLowerCase())) return tidy;
  }
  return tidyFact(contact.displayName) || contact.displayName.trim();
}

// "We talked about scaling a sales team." is how notes are often written; the sentence the
// template builds around it already says "talked about".
function discussedTopic(text: string | null | undefined): string {
  return tidyFact(text)
    .replace(/^(?:(?:we|i)\s+)?(?:talked|spoke|chatted)\s+(?:about|of|on)\s+/iu, '')
    .replace(/^(?:we\s+)?discussed\s+/iu, '')
    .replace(/^about\s+/iu, '');
}

// "at the café" after a template's own "at".
const place = (text: string | null) => tidyFact(text).replace(/^at\s+/iu, '');

export function buildView(
  ctx: ComposeContext,
  channel: ComposeChannel,
  slots: readonly Slot[],
  words: DateWords,
): BuiltView {
  const view: Record<string, string> = Object.create(null);
  const sources = new Map<string, string>();
  const put = (name: string, value: string, source: string = value) => {
    view[name] = value;
    if (value) sources.set(name, source);
  };
  // Talking points are read by me, so they keep my words about "them"; messages address them.
  const addressed = (raw: string) => lowerCommonOpener(channel === 'call' ? raw : toSecondPerson(raw));
  const note = (name: string, raw: string | null | undefined, tidy = tidyFact) => {
    const value = tidy(raw ?? null);
    put(name, value ? addressed(value) : '', tidyFact(raw ?? null));
  };

  const c = ctx.contact;
  put('first_name', firstNameOf(c));
  put('full_name', tidyFact(c.displayName) || firstNameOf(c));
  put('company', tidyFact(c.company));
  put('met_where', place(c.metWhere));
  const today = localDayOf(ctx.now, ctx.userZone);
  put('met_when', c.metOn ? metWhen(c.metOn, today, words) : '');
  note('discussed', c.discussed, discussedTopic);
  note('interests', c.interests);
  note('next_step', c.nextStep);

  const promiseStep = ctx.step && (ctx.purpose === 'promise_mine' || ctx.purpose === 'promise_theirs');
  note(
    'promise_mine',
    (ctx.purpose === 'promise_mine' && promiseStep ? ctx.step?.note : null) ?? ctx.promises.mine[0]?.text,
  );
  note(
    'promise_theirs',
    (ctx.purpose === 'promise_theirs' && promiseStep ? ctx.step?.note : null) ?? ctx.promises.theirs[0]?.text,
  );
  // A manual step's note is the user's reminder to themselves, not words for the message.
  note('step_note', ctx.purpose === 'manual' ? null : ctx.step?.note);

  const last = ctx.sent[0];
  const lastAt = last ? new Date(last.at) : null;
  const lastDay = lastAt ? words.dayMonth(localDayOf(lastAt, ctx.userZone)) : '';
  put('last_sent', tidyFact(last?.summary), lastDay ? `${lastDay}: ${tidyFact(last?.summary)}` : '');
  put('last_sent_ago', lastAt ? agoPhrase(lastAt, ctx.now, ctx.userZone) : '', lastDay);
  put('last_sent_on', lastAt ? sentOn(lastAt, ctx.now, ctx.userZone, words) : '', lastDay);

  putMeeting(ctx, words, put);

  const phrases = slots.map((slot) =>
    slotPhrase(slot, ctx.userZone, words, channel === 'call' ? 'me' : 'them'),
  );
  put('time_1', phrases[0] ?? '', phrases.join('; '));
  put('time_2', phrases[1] ?? '', phrases.join('; '));

  put('my_name', tidyFact(ctx.me.name));
  put('signature', tidyBlock(ctx.me.signature));
  return { view, sources };
}

function putMeeting(
  ctx: ComposeContext,
  words: DateWords,
  put: (name: string, value: string, source?: string) => void,
) {
  const at = ctx.step?.meetingAt ? new Date(ctx.step.meetingAt) : null;
  const meetingPlace = place(ctx.step?.meetingPlace ?? null);
  if (!at || Number.isNaN(at.getTime())) {
    for (const name of ['meeting_day', 'meeting_time', 'meeting_mine']) put(name, '');
    put('meeting_place', meetingPlace);
    return;
  }
  const theirZone = ctx.contact.timeZone && isZone(ctx.contact.timeZone) ? ctx.contact.timeZone : null;
  const zone = theirZone ?? ctx.userZone;
  const time = words.time(at, zone);
  const mine = words.time(at, ctx.userZone);
  const differs =
    theirZone !== null && `${words.day(at, zone)} ${time}` !== `${words.day(at, ctx.userZone)} ${mine}`;
  const day = words.day(at, zone);
  const source = [`${day}, ${time}${differs ? ' their time' : ''}`, meetingPlace].filter(Boolean).join(', ');
  put('meeting_day', day, source);
  put('meeting_time', time, source);
  put(
    'meeting_mine',
    differs
      ? words.day(at, zone) === words.day(at, ctx.userZone)
        ? mine
        : `${words.shortWeekday(at, ctx.userZone)} ${mine}`
      : '',
    source,
  );
  put('meeting_place', meetingPlace, source);
}

/** The facts behind the placeholders a rendered text used, once each, in the placeholder list's order. */
export function factsUsed(used: ReadonlySet<string>, sources: ReadonlyMap<string, string>): DraftFact[] {
  const facts = new Map<FactId, DraftFact>();
  for (const p of TEMPLATE_PLACEHOLDERS) {
    if (!used.has(p.name) || facts.has(p.fact)) continue;
    const text = sources.get(p.name);
    if (!text) continue;
    facts.set(p.fact, { id: p.fact, label: LABELS.get(p.fact) ?? p.fact, text });
  }
  return [...facts.values()];
}
