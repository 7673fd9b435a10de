import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/main/compose/check/check-message.ts';
import { CHECK_IDS, type CheckId, type CheckItem } from '../../../src/shared/domain/compose.ts';
import { bareContact, contextFor, GOOD_EMAIL_BODY } from './check-fixture.ts';

const item = (checks: CheckItem[], id: CheckId) => checks.find((c) => c.id === id)!;
const failing = (checks: CheckItem[]) => checks.filter((c) => !c.ok).map((c) => c.id);

describe('checkMessage', () => {
  it('passes a good message on every item, one item per check id in order', () => {
    const { checks, length } = checkMessage(contextFor(), {
      channel: 'email',
      subject: 'Solar roofs: the pilot proposal',
      body: GOOD_EMAIL_BODY,
    });
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(failing(checks)).toEqual([]);
    expect(item(checks, 'names_person').message).toBe('Names Ada');
    expect(item(checks, 'specific_detail').message).toMatch(
      /^Mentions “solar”, “roofs”, “schools” from what you discussed$/,
    );
    expect(item(checks, 'next_step').message).toBe('Proposes a time (“Thursday”)');
    expect(item(checks, 'stock_phrases').message).toBe('No stock phrases');
    expect(item(checks, 'not_a_copy').message).toBe('Nothing sent to them before');
    expect(item(checks, 'timing').message).toMatch(/^Arrives Tue 10:00, within your working hours$/);
    expect(length).toEqual({ characters: Array.from(GOOD_EMAIL_BODY).length, limit: null, segments: null });
  });

  it('flags planted stock phrases, quoting them as written', () => {
    const body = `Hi Ada, just  checking-in and touching base after Web Summit. Per my last e-mail, I'm circling back on solar roofs. Free on Friday?`;
    const { checks } = checkMessage(contextFor(), { channel: 'email', subject: null, body });
    expect(failing(checks)).toEqual(['stock_phrases']);
    expect(item(checks, 'stock_phrases').message).toBe(
      'Stock phrases “just  checking-in”, “touching base”, “Per my last e-mail”, “circling back”: say why you are writing instead',
    );
  });

  it.each([
    ['I hope this email finds you well, Ada.', '“I hope this email finds you well”'],
    ['Ada, hope this finds you well!', '“hope this finds you well”'],
    ['Ada, per my last email the roofs…', '“per my last email”'],
    ['Ada, per my last e mail the roofs…', '“per my last e mail”'],
    ['Ada, JUST CHECKING IN on the roofs', '“JUST CHECKING IN”'],
    ['Ada, following up on my previous note', '“following up on my previous”'],
    ['Ada, following-up on my previous note', '“following-up on my previous”'],
  ])('finds a stock phrase in %j', (body, quoted) => {
    const { checks } = checkMessage(contextFor(), { channel: 'email', subject: null, body });
    expect(item(checks, 'stock_phrases')).toMatchObject({ ok: false });
    expect(item(checks, 'stock_phrases').message).toContain(quoted);
  });

  it('does not see a stock phrase inside longer words, and checks the user’s own phrases', () => {
    const ctx = contextFor({ me: { stockPhrases: ['quick question', '  '] } });
    const clean = checkMessage(ctx, {
      channel: 'email',
      subject: null,
      body: 'Ada, recircling backwards is fine.',
    });
    expect(item(clean.checks, 'stock_phrases').ok).toBe(true);
    const own = checkMessage(ctx, {
      channel: 'email',
      subject: null,
      body: 'Ada, a Quick  Question about roofs?',
    });
    expect(item(own.checks, 'stock_phrases').message).toContain('“Quick  Question”');
  });

  it('flags a missing detail and says which one to mention', () => {
    const body = 'Hi Ada, great to meet you last week. Are you free for a call on Friday?';
    const { checks } = checkMessage(contextFor(), { channel: 'email', subject: null, body });
    expect(failing(checks)).toEqual(['specific_detail']);
    expect(item(checks, 'specific_detail').message).toBe(
      'Nothing specific to Ada: mention what you discussed (“solar roofs for schools in Lisbon”)',
    );
  });

  it('asks for a detail when nothing is recorded', () => {
    const ctx = contextFor({ contact: bareContact() });
    const { checks } = checkMessage(ctx, {
      channel: 'email',
      subject: null,
      body: 'Hi Ada, free on Friday?',
    });
    expect(item(checks, 'specific_detail')).toEqual({
      id: 'specific_detail',
      ok: false,
      message: 'Nothing is recorded about Ada yet: add what you talked about, then mention it',
    });
  });

  it('matches details by their words: stems, accents and other fields', () => {
    const cases: [Parameters<typeof contextFor>[0], string, string][] = [
      [{}, 'Ada, how is the roof project?', 'Mentions “roofs” from what you discussed'],
      [
        { contact: { ...bareContact(), interests: 'Économie circulaire' } },
        'Ada, un mot sur l’economie?',
        'Mentions “Économie” from their interests',
      ],
      [
        { contact: { ...bareContact(), company: 'Helios Energy' } },
        'Ada, how is everyone at Helios?',
        'Mentions “Helios” from their company',
      ],
      [
        {
          contact: bareContact(),
          promises: { mine: [{ text: 'introduce her to our investors', dueOn: '2026-03-12' }], theirs: [] },
        },
        'Ada, I have an investor in mind for you. Free Friday?',
        'Mentions “investors” from your promise',
      ],
      [
        {
          contact: bareContact(),
          heard: [{ at: '2026-03-06T10:00:00Z', channel: 'email', summary: 'Asked about our pricing tiers' }],
        },
        'Ada, here is the pricing you asked for.',
        'Mentions “pricing” from their message of 6 Mar',
      ],
    ];
    for (const [overrides, body, message] of cases) {
      const { checks } = checkMessage(contextFor(overrides), { channel: 'email', subject: null, body });
      expect(item(checks, 'specific_detail')).toMatchObject({ ok: true, message });
    }
  });

  it('does not count their name, my name or filler words as a detail', () => {
    const ctx = contextFor({ contact: { ...bareContact(), discussed: 'Ada and Grace had a great chat' } });
    const { checks } = checkMessage(ctx, {
      channel: 'email',
      subject: null,
      body: 'Hi Ada, great chat! Grace',
    });
    expect(item(checks, 'specific_detail').ok).toBe(false);
  });

  it('names the person by first or display name, ignoring case and accents, on word boundaries', () => {
    const zoe = contextFor({ contact: { displayName: 'Zoë Ångström', firstName: 'Zoë' } });
    const check = (ctx: ReturnType<typeof contextFor>, body: string) =>
      item(checkMessage(ctx, { channel: 'text', subject: null, body }).checks, 'names_person');
    expect(check(zoe, 'hi zoe!')).toMatchObject({ ok: true, message: 'Names Zoë' });
    expect(check(zoe, 'Dear ZOË ANGSTROM,')).toMatchObject({ ok: true });
    expect(check(zoe, 'Dear Ms Angstrom,')).toMatchObject({
      ok: false,
      message: 'Does not name Zoë: greet them by name',
    });
    expect(check(contextFor(), 'Hi Adam, greetings from Canada')).toMatchObject({ ok: false });
    expect(check(contextFor({ contact: { firstName: null } }), 'Ada, hello')).toMatchObject({ ok: true });
    // The subject of an e-mail counts.
    const subjectOnly = checkMessage(contextFor(), { channel: 'email', subject: 'For Ada', body: 'Hello.' });
    expect(item(subjectOnly.checks, 'names_person').ok).toBe(true);
  });

  it.each([
    ['Free on Tuesday?', 'Proposes a time (“Tuesday”)'],
    ['Can we talk tomorrow', 'Proposes a time (“tomorrow”)'],
    ['How about next week', 'Proposes a time (“next week”)'],
    ['I can do 3pm', 'Proposes a time (“3pm”)'],
    ['Shall we say 10:30', 'Proposes a time (“10:30”)'],
    ['Let us meet on 17 March', 'Proposes a time (“17 March”)'],
    ['Let us meet on Mar 17th', 'Proposes a time (“Mar 17th”)'],
    ['Let us meet on 2026-03-17', 'Proposes a time (“2026-03-17”)'],
    ['Pick a slot: https://cal.example.com/grace', 'Includes a link to act on'],
    ['What did the council decide?', 'Asks a question they can answer'],
  ])('finds a next step in %j', (body, message) => {
    const { checks } = checkMessage(contextFor(), { channel: 'text', subject: null, body: `Ada, ${body}` });
    expect(item(checks, 'next_step')).toEqual({ id: 'next_step', ok: true, message });
  });

  it('finds no next step in a statement', () => {
    for (const body of [
      'Ada, it was lovely to meet you.',
      'Ada, I will send the slides when they are ready.',
    ]) {
      const { checks } = checkMessage(contextFor(), { channel: 'text', subject: null, body });
      expect(item(checks, 'next_step')).toMatchObject({
        ok: false,
        message: 'No concrete next step: ask a question, propose a day or time, or add a link',
      });
    }
  });

  it('flags an over-long LinkedIn connection note, with the count', () => {
    const body = `Hi Ada, thanks for the talk about solar roofs at Web Summit. ${'More words here. '.repeat(16)}Free Friday?`;
    const { checks, length } = checkMessage(contextFor(), { channel: 'linkedin', subject: null, body });
    expect(body.length).toBeGreaterThan(300);
    expect(failing(checks)).toEqual(['length']);
    expect(item(checks, 'length').message).toBe(
      `${body.length} characters: over LinkedIn's 300-character connection note by ${body.length - 300}; shorten it, or send it as a message once connected`,
    );
    expect(length).toEqual({ characters: body.length, limit: 300, segments: null });
  });

  it('lets a LinkedIn message to a connection run longer, naming the note limit', () => {
    const ctx = contextFor({
      sent: [{ at: '2026-02-01T10:00:00Z', channel: 'linkedin', summary: 'Connected' }],
    });
    const body = `Hi Ada, solar roofs again. ${'x'.repeat(320)} Friday?`;
    const { checks, length } = checkMessage(ctx, { channel: 'linkedin', subject: null, body });
    expect(item(checks, 'length')).toMatchObject({
      ok: true,
      message: `${body.length} characters: fine as a message to a connection (a connection note stops at 300)`,
    });
    expect(length.limit).toBeNull();
    // Asked for explicitly, a note is held to 300 even so.
    const note = checkMessage(ctx, { channel: 'linkedin', subject: null, body, linkedinKind: 'note' });
    expect(item(note.checks, 'length').ok).toBe(false);
  });

  it('advises on e-mail, call and note length by words', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const at = (channel: 'email' | 'call' | 'handwritten_note', n: number) =>
      item(checkMessage(contextFor(), { channel, subject: null, body: words(n) }).checks, 'length');
    expect(at('email', 200)).toMatchObject({
      ok: true,
      message: '200 words: short enough to read at a glance',
    });
    expect(at('email', 260)).toMatchObject({
      ok: false,
      message: '260 words: a follow-up reads best under 200; cut to the point',
    });
    expect(at('call', 75)).toMatchObject({
      ok: true,
      message: '75 words of talking points, about 30 seconds to say',
    });
    expect(at('call', 300).ok).toBe(false);
    expect(at('handwritten_note', 90)).toMatchObject({ ok: true, message: '90 words: fits a note card' });
    expect(at('handwritten_note', 140).ok).toBe(false);
  });

  it('is advice only: a message failing every item still gets a full result', () => {
    const ctx = contextFor({
      now: new Date('2026-03-14T22:00:00Z'),
      sent: [{ at: '2026-03-14T08:00:00Z', channel: 'email', summary: 'just checking in' }],
    });
    const { checks } = checkMessage(ctx, {
      channel: 'linkedin',
      subject: null,
      body: `just checking in ${'.'.repeat(400)}`,
    });
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(failing(checks)).toEqual([...CHECK_IDS]);
  });
});
