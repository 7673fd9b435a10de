import type { CheckItem } from '../../../shared/domain/compose.ts';
import type { ComposeContext } from '../context.ts';
import { dayMonth } from './format.ts';
import { namesOf } from './names-person.ts';
import { type ContentWord, contentWords, normalWord, sameStem, wordsOf } from './words.ts';

/** A field of what is known about them, with how the message names it ("what you discussed"). */
interface DetailSource {
  label: string;
  text: string;
}

// Summaries of old messages are long and partly generic; the last few are enough to recognise
// "as I said about X" without matching half the dictionary.
const RECENT_MESSAGES = 3;

/** Most telling first: when the message mentions several, the first is the one named. */
export function detailSources(ctx: ComposeContext): DetailSource[] {
  const c = ctx.contact;
  const day = (iso: string) => dayMonth(Date.parse(iso), ctx.userZone, ctx.locale);
  const sources: (DetailSource | null)[] = [
    c.discussed ? { label: 'what you discussed', text: c.discussed } : null,
    c.interests ? { label: 'their interests', text: c.interests } : null,
    c.nextStep ? { label: 'the next step you agreed', text: c.nextStep } : null,
    ...ctx.promises.mine.map((p) => ({ label: 'your promise', text: p.text })),
    ...ctx.promises.theirs.map((p) => ({ label: 'their promise', text: p.text })),
    c.metWhere ? { label: 'where you met', text: c.metWhere } : null,
    c.howMet ? { label: 'how you met', text: c.howMet } : null,
    ctx.step?.meetingPlace ? { label: 'the meeting place', text: ctx.step.meetingPlace } : null,
    ctx.step?.note ? { label: "the step's note", text: ctx.step.note } : null,
    c.company ? { label: 'their company', text: c.company } : null,
    c.notes ? { label: 'your notes', text: c.notes } : null,
    ...(ctx.heard ?? [])
      .slice(0, RECENT_MESSAGES)
      .map((m) => ({ label: `their message of ${day(m.at)}`, text: m.summary })),
    ...ctx.sent
      .slice(0, RECENT_MESSAGES)
      .map((m) => ({ label: `your message of ${day(m.at)}`, text: m.summary })),
  ];
  return sources.filter((s): s is DetailSource => s !== null && s.text.trim().length > 0);
}

/** Their names and mine are not details: every message names them, and signs off with mine. */
function namesToIgnore(ctx: ComposeContext): Set<string> {
  const names = [...namesOf(ctx.contact), ctx.me.name ?? ''];
  return new Set(names.flatMap((n) => wordsOf(n).map(normalWord)));
}

function quote(words: readonly ContentWord[]): string {
  const unique = [...new Set(words.map((w) => w.original))].slice(0, 3);
  return unique.map((w) => `“${w}”`).join(', ');
}

function excerpt(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

export function checkSpecificDetail(ctx: ComposeContext, text: string): CheckItem {
  const ignore = namesToIgnore(ctx);
  const written = contentWords(text, ignore);
  const sources = detailSources(ctx);
  for (const source of sources) {
    const matched = contentWords(source.text, ignore).filter((f) =>
      written.some((w) => sameStem(w.stem, f.stem)),
    );
    if (matched.length > 0) {
      return { id: 'specific_detail', ok: true, message: `Mentions ${quote(matched)} from ${source.label}` };
    }
  }
  const first = namesOf(ctx.contact)[0] ?? ctx.contact.displayName;
  const hint = sources.find((s) => contentWords(s.text, ignore).length > 0);
  return {
    id: 'specific_detail',
    ok: false,
    message: hint
      ? `Nothing specific to ${first}: mention ${hint.label} (“${excerpt(hint.text)}”)`
      : `Nothing is recorded about ${first} yet: add what you talked about, then mention it`,
  };
}
