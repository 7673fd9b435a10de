import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComposeContext } from '../../../src/main/compose/context.ts';
import { type DraftText, draftFor } from '../../../src/main/compose/draft.ts';
import { COMPOSE_CHANNELS } from '../../../src/shared/domain/compose.ts';
import { PURPOSES } from '../../../src/shared/domain/followup.ts';
import { draftContext, NOTHING_KNOWN } from './draft-fixture.ts';

// What a finished draft never shows, whatever the context held.
function expectClean(draft: DraftText, ctx: ComposeContext) {
  const where = `${draft.templateId} for ${JSON.stringify(ctx.contact.displayName)}`;
  for (const text of [draft.body, draft.subject ?? '']) {
    expect(text, `${where}: placeholder left`).not.toMatch(/\{\{|\}\}/);
    expect(text, `${where}: doubled space`).not.toMatch(/[^\S\n]{2,}|\t/);
    expect(text, `${where}: space at a line's end`).not.toMatch(/[^\S\n]$/m);
    // "We talked about ." or ", ." (a sentence emptied by a missing fact) and "..", "?."
    expect(text, `${where}: empty sentence`).not.toMatch(/(^|\s)[.,;:!?]/m);
    expect(text, `${where}: doubled punctuation`).not.toMatch(/[.,;:!?][^\S\n]*[.,;:!?]/);
    expect(text, `${where}: broken text`).toSatisfy((t: string) => t.isWellFormed());
    expect(text.trim(), `${where}: surrounding space`).toBe(text);
  }
  expect(draft.body, `${where}: more than one blank line`).not.toMatch(/\n\s*\n\s*\n/);
  expect(draft.body, `${where}: a line with nothing to say`).not.toMatch(/^[-–•*.,;:!?\s]+$/m);

  // Always names the person: the first name it used is theirs and is in the text.
  const name = draft.facts.find((f) => f.id === 'first_name')?.text;
  expect(name, `${where}: no name`).toMatch(/[\p{L}\p{N}]/u);
  expect(draft.body).toContain(name);
  // Compared without spaces and punctuation, which drafts tidy ("Ada  !!" reads "Ada!").
  const bare = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  expect(bare(`${ctx.contact.firstName ?? ''} ${ctx.contact.displayName}`)).toContain(bare(name!));

  expect(draft.subject === null).toBe(draft.channel !== 'email');
  if (draft.subject !== null) expect(draft.subject.length).toBeGreaterThan(0);
  expect(draft.variant).toBeGreaterThanOrEqual(0);
  expect(draft.variant).toBeLessThan(draft.variants);
  expect(draft.templateId.startsWith(`${ctx.purpose}.${draft.channel}.`)).toBe(true);
}

// Sentences the templates build around a fact end with the fact, never with its preposition
// ("We talked about."). A few of the templates' own phrases end on one in plain English.
const FINE_ENDINGS = /\b(think about|talked about|working on|still on)(?=[.,;!?])/gi;
function expectNoDanglingWords(draft: DraftText, ctx: ComposeContext) {
  // The person's own name may be any word ("Hi In,"): it is not a preposition left hanging.
  let body = draft.body;
  for (const name of [ctx.contact.firstName, ctx.contact.displayName])
    if (name) body = body.replaceAll(name, 'NAME');
  expect(body.replace(FINE_ENDINGS, ''), draft.templateId).not.toMatch(
    /\b(about|on|at|in|for|with|from|of|and|or|the|your|my)[.,;!?]/i,
  );
}

const WORDS = [
  'solar roofs',
  'We talked about their Series A.',
  'Send the deck we discussed',
  'Introduce them to Priya',
  'hiring senior engineers',
  'marathon training',
  'AI in customer support',
  'the new EU data rules',
  'Book a coffee next month',
  '  moving   to Lisbon.  ',
  '- a pilot with our logistics team;',
  'pricing experiments!!',
  'Q&A <b>tags</b> "quoted"',
];
const UNICODE = [
  'الطاقة الشمسية للمدارس',
  'שיתוף פעולה בתחום האנרגיה',
  '太陽光パネル 🌞',
  '🚀🚀 rockets 👩🏽‍💻',
  'Zoë’s café in São Paulo',
  '\u200fمرحبا\u200e mixed RTL',
  'tab\there\nnew line',
  '...',
  '?!',
];
const noBraces = (s: string) => !s.includes('{{') && !s.includes('}}');

const realistic = fc.constantFrom(...WORDS);
const anyText = fc.oneof(
  { weight: 3, arbitrary: realistic },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).filter(noBraces) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 300, maxLength: 1500 }).filter(noBraces) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '.', ' , ') },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const hasLetter = (s: string) => /\p{L}/u.test(s);
const displayName = fc.oneof(
  fc.constantFrom(
    'Ada Lovelace',
    'Dr. Grace Hopper',
    '美咲 佐藤',
    'محمد علي',
    'Zoë 🙂 Müller',
    "Sinéad O'Connor",
    'X',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => hasLetter(s) && noBraces(s)),
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 400 }).filter((s) => hasLetter(s) && noBraces(s)),
);
const zone = fc.constantFrom(
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
);
const DAY = 86_400_000;
const now = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2028-12-31T00:00:00Z'),
  noInvalidDate: true,
});

const context = (filled: fc.Arbitrary<string | null>) =>
  fc
    .record({
      now,
      userZone: zone,
      theirZone: maybe(fc.oneof(zone, fc.constant('Not/AZone'))),
      locale: fc.constantFrom(undefined, 'en-GB', 'en-US', 'de-DE', 'ar-EG', 'ja-JP'),
      myName: maybe(filled),
      signature: maybe(filled),
      workingDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      start: fc.integer({ min: 0, max: 22 }),
      span: fc.integer({ min: 1, max: 12 }),
      id: fc.integer({ min: 1, max: 1_000_000 }),
      displayName,
      firstName: maybe(fc.oneof(displayName, fc.constant(''))),
      company: maybe(filled),
      metDaysAgo: maybe(fc.integer({ min: 0, max: 900 })),
      metWhere: maybe(filled),
      discussed: maybe(filled),
      interests: maybe(filled),
      nextStep: maybe(filled),
      purpose: fc.constantFrom(...PURPOSES),
      hasStep: fc.boolean(),
      meetingInDays: maybe(fc.integer({ min: -2, max: 30 })),
      meetingPlace: maybe(filled),
      note: maybe(filled),
      mine: fc.array(
        filled.filter((t): t is string => t !== null),
        { maxLength: 2 },
      ),
      theirs: fc.array(
        filled.filter((t): t is string => t !== null),
        { maxLength: 2 },
      ),
      sentDaysAgo: fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 3 }),
      summary: filled,
      last: maybe(fc.integer({ min: 0, max: 5 })),
      usedToday: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }),
    })
    .map((r): ComposeContext => {
      const metOn =
        r.metDaysAgo === null
          ? null
          : new Date(r.now.getTime() - r.metDaysAgo * DAY).toISOString().slice(0, 10);
      return draftContext({
        now: r.now,
        userZone: r.userZone,
        locale: r.locale,
        me: {
          name: r.myName,
          signature: r.signature,
          workingDays: r.workingDays,
          workingHours: { start: r.start, end: Math.min(24, r.start + r.span) },
        },
        contact: {
          id: r.id,
          displayName: r.displayName,
          firstName: r.firstName,
          company: r.company,
          timeZone: r.theirZone,
          metOn,
          metWhere: r.metWhere,
          discussed: r.discussed,
          interests: r.interests,
          nextStep: r.nextStep,
        },
        purpose: r.purpose,
        step: r.hasStep
          ? {
              id: 1,
              purpose: r.purpose,
              channel: null,
              dueAt: r.now.toISOString(),
              meetingAt:
                r.meetingInDays === null
                  ? null
                  : new Date(r.now.getTime() + r.meetingInDays * DAY + 3_600_000).toISOString(),
              meetingPlace: r.meetingPlace,
              note: r.note,
            }
          : null,
        promises: {
          mine: r.mine.map((text) => ({ text, dueOn: '2026-01-01' })),
          theirs: r.theirs.map((text) => ({ text, dueOn: '2026-01-01' })),
        },
        sent: [...r.sentDaysAgo]
          .sort((a, b) => a - b)
          .map((d) => ({
            at: new Date(r.now.getTime() - d * DAY).toISOString(),
            channel: 'email',
            summary: r.summary ?? '',
          })),
        lastVariants: new Map(
          r.last === null ? [] : PURPOSES.flatMap((p) => COMPOSE_CHANNELS.map((c) => [`${p}.${c}`, r.last!])),
        ),
        eventVariantsToday: new Map(
          PURPOSES.flatMap((p) => COMPOSE_CHANNELS.map((c) => [`${p}.${c}`, r.usedToday])),
        ),
      });
    });

const channel = fc.constantFrom(...COMPOSE_CHANNELS);
const variant = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });

describe('drafts for random contexts', () => {
  it('never show a placeholder, an empty sentence, doubled punctuation or spaces, and always name the person', () => {
    fc.assert(
      fc.property(context(maybe(anyText)), channel, variant, (ctx, ch, v) => {
        expectClean(draftFor(ctx, { channel: ch, variant: v }), ctx);
      }),
      { numRuns: 1500 },
    );
  });

  it('leave no sentence hanging on a missing fact, with realistic notes', () => {
    fc.assert(
      fc.property(context(maybe(realistic)), channel, variant, (ctx, ch, v) => {
        const draft = draftFor(ctx, { channel: ch, variant: v });
        expectClean(draft, ctx);
        expectNoDanglingWords(draft, ctx);
      }),
      { numRuns: 800 },
    );
  });
});

describe('every purpose × channel × variant', () => {
  const contexts: [string, ComposeContext][] = [
    ['nothing known', draftContext({ contact: NOTHING_KNOWN, me: { name: null, signature: null } })],
    [
      'partly known',
      draftContext({ contact: { ...NOTHING_KNOWN, discussed: 'pricing', metWhere: 'Web Summit' } }),
    ],
    [
      'everything known',
      draftContext({
        promises: {
          mine: [{ text: 'send the deck', dueOn: '2026-06-05' }],
          theirs: [{ text: 'introduce me to Priya', dueOn: '2026-06-05' }],
        },
        sent: [{ at: '2026-05-27T09:00:00Z', channel: 'email', summary: 'Thanked them' }],
      }),
    ],
    [
      'in other scripts',
      draftContext({
        contact: {
          displayName: 'محمد علي',
          firstName: null,
          discussed: 'الطاقة الشمسية 🌞',
          metWhere: '東京 Summit',
          interests: '👩🏽‍💻 and 🚀',
        },
      }),
    ],
  ];
  for (const [label, base] of contexts)
    for (const purpose of PURPOSES)
      it(`${purpose}, ${label}`, () => {
        const step = {
          id: 3,
          purpose,
          channel: null,
          dueAt: '2026-06-03T07:00:00Z',
          meetingAt: label === 'nothing known' ? null : '2026-06-04T14:00:00Z',
          meetingPlace: label === 'nothing known' ? null : 'Café Central',
          note: label === 'nothing known' ? null : 'the intro to the Acme team',
        };
        const ctx = { ...base, purpose, step };
        for (const ch of COMPOSE_CHANNELS)
          for (let v = 0; v < 3; v++) {
            const draft = draftFor(ctx, { channel: ch, variant: v });
            expect(draft.variant).toBe(v);
            expectClean(draft, ctx);
            if (label !== 'in other scripts') expectNoDanglingWords(draft, ctx);
          }
      });
});
