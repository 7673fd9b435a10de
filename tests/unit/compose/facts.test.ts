import { describe, expect, it } from 'vitest';
import { defaultChannel } from '../../../src/main/compose/channel.ts';
import { agoPhrase, dateWords, metWhen, textLocale } from '../../../src/main/compose/dates.ts';
import { draftFor, renderTemplate } from '../../../src/main/compose/draft.ts';
import { firstNameOf } from '../../../src/main/compose/facts.ts';
import { lowerCommonOpener, tidyBody, tidyFact, toSecondPerson } from '../../../src/main/compose/text.ts';
import { draftContext, NOTHING_KNOWN } from './draft-fixture.ts';

const words = dateWords('en-GB');
const confirmationStep = {
  id: 9,
  purpose: 'confirmation' as const,
  channel: null,
  dueAt: '2026-06-03T07:00:00Z',
  meetingAt: '2026-06-04T14:00:00Z',
  meetingPlace: 'at Café Central',
  note: null,
};

describe('when you met, relative to today', () => {
  it.each([
    ['2026-06-03', 'today'],
    ['2026-06-02', 'yesterday'],
    ['2026-05-30', 'on Saturday'],
    ['2026-05-27', 'last week'],
    ['2026-06-01', 'on Monday'],
    ['2026-03-14', 'in March'],
    ['2025-06-10', 'in June 2025'],
  ])('%s → %s', (metOn, expected) => {
    expect(metWhen(metOn, '2026-06-03', words)).toBe(expected);
  });

  it('"earlier this month" when it was two weeks ago in the same month', () => {
    expect(metWhen('2026-06-02', '2026-06-20', words)).toBe('earlier this month');
  });

  it("counts days in the user's zone: 00:30 in Berlin is still the evening before in New York", () => {
    const now = new Date('2026-06-03T22:30:00Z');
    const berlin = draftFor(draftContext({ now, contact: { metOn: '2026-06-03' } }), {
      channel: 'linkedin',
      variant: 0,
    });
    const newYork = draftFor(
      draftContext({ now, userZone: 'America/New_York', contact: { metOn: '2026-06-03' } }),
      {
        channel: 'linkedin',
        variant: 0,
      },
    );
    expect(berlin.body).toContain('at Web Summit yesterday');
    expect(newYork.body).toContain('at Web Summit today');
  });

  it('how long ago a message went', () => {
    const now = new Date('2026-06-10T09:00:00Z');
    const ago = (iso: string) => agoPhrase(new Date(iso), now, 'Europe/Berlin');
    expect(ago('2026-06-03T09:00:00Z')).toBe('a week ago');
    expect(ago('2026-06-09T21:00:00Z')).toBe('yesterday');
    expect(ago('2026-06-07T09:00:00Z')).toBe('3 days ago');
    expect(ago('2026-05-20T09:00:00Z')).toBe('three weeks ago');
    expect(ago('2026-03-10T09:00:00Z')).toBe('3 months ago');
  });

  it("writes English in the user's region's conventions", () => {
    expect(textLocale('de-DE')).toBe('en-DE');
    expect(textLocale('en-US')).toBe('en-US');
    expect(textLocale('not a locale')).toBe('en-GB');
    const at = new Date('2026-06-09T13:00:00Z');
    expect(dateWords('de-DE').time(at, 'Europe/Berlin')).toBe('15:00');
    expect(dateWords('en-US').time(at, 'Europe/Berlin')).toMatch(/^3:00\sPM$/);
  });
});

describe('facts as a message says them', () => {
  it('turns notes about them into words to them, except in my own talking points', () => {
    expect(toSecondPerson('Introduce them to Priya; their Series A; They’re keen')).toBe(
      'Introduce you to Priya; your Series A; You’re keen',
    );
    expect(toSecondPerson("They're hiring, theirs is bigger")).toBe("You're hiring, yours is bigger");
    const ctx = draftContext({ contact: { discussed: 'We talked about their Series A.' } });
    expect(draftFor(ctx, { channel: 'email', variant: 0 }).body).toContain('your thoughts on your Series A.');
    expect(draftFor(ctx, { channel: 'call', variant: 0 }).body).toContain(
      'what you discussed: their Series A',
    );
  });

  it('lowers a note that starts like a sentence, but not a name', () => {
    expect(lowerCommonOpener('Send the deck')).toBe('send the deck');
    expect(lowerCommonOpener('Priya’s intro')).toBe('Priya’s intro');
    expect(lowerCommonOpener('AI pilots')).toBe('AI pilots');
  });

  it('tidies a fact so the sentence around it stays clean', () => {
    expect(tidyFact('  - solar   roofs!!  ')).toBe('solar roofs');
    expect(tidyFact('pricing…')).toBe('pricing');
    expect(tidyFact('a\tb\nc')).toBe('a b c');
    expect(tidyFact('...')).toBe('');
    expect(tidyBody('Hi Ada,\n\n\n. We talked about , .\n\n- a\n\n- b\n')).toBe(
      'Hi Ada,\n\nWe talked about.\n\n- a\n- b',
    );
  });

  it('greets by first name, else the first real word of the name', () => {
    const name = (displayName: string, firstName: string | null = null) =>
      firstNameOf({ ...draftContext().contact, displayName, firstName });
    expect(name('Ada Lovelace', 'Ada')).toBe('Ada');
    expect(name('Dr. Grace Hopper')).toBe('Grace');
    expect(name('“Bo” Diddley')).toBe('Bo');
    expect(name('美咲 佐藤')).toBe('美咲');
    expect(name('Ada', '   ')).toBe('Ada');
    expect(name('"!!!!ᚁ   ')).toBe('ᚁ');
    expect(name('(Ada) Lovelace,')).toBe('Ada');
  });

  it('never reads a fact as a template, nor escapes it for HTML', () => {
    const ctx = draftContext({ contact: { discussed: '{{first_name}} & <b>Q&A</b>' } });
    expect(draftFor(ctx, { channel: 'email', variant: 0 }).body).toContain(
      'your thoughts on {{first_name}} & <b>Q&A</b>.',
    );
  });

  it("gives a user's template nothing from outside the placeholders", () => {
    const out = renderTemplate(
      draftContext(),
      {
        subject: null,
        body: 'A{{constructor}}B{{__proto__}}C{{discussed.constructor}}D{{#toString}}x{{/toString}}E',
      },
      'text',
    );
    expect(out.body).toBe('ABCDE');
  });

  it('lists the facts the text used, in the words the user wrote', () => {
    const draft = draftFor(draftContext({ contact: { interests: null } }), {
      channel: 'linkedin',
      variant: 0,
    });
    expect(draft.facts).toEqual([
      { id: 'first_name', label: 'Name', text: 'Ada' },
      { id: 'met_where', label: 'Met at', text: 'Web Summit' },
      { id: 'met_when', label: 'Met', text: 'yesterday' },
      { id: 'discussed', label: 'Discussed', text: 'solar roofs for schools' },
      { id: 'proposed_times', label: 'Proposed times', text: expect.stringContaining('Thursday 4 June') },
    ]);
  });
});

describe('each purpose says what the advice says', () => {
  it('the refresher thanks them, names what you discussed and proposes a concrete time', () => {
    for (const channel of ['email', 'linkedin', 'text'] as const)
      for (let variant = 0; variant < 3; variant++) {
        const body = draftFor(draftContext(), { channel, variant }).body;
        expect(body, `${channel} ${variant}`).toMatch(/thank/i);
        expect(body).toMatch(/solar roofs for schools|book a coffee/);
        expect(body).toMatch(/Thursday 4 June at 9:00 your time \(15:00 mine\)|when would suit|when suits/i);
      }
  });

  it('the second follow-up says the first message went a week ago unanswered and asks if the interest stands', () => {
    const ctx = draftContext({
      purpose: 'second',
      sent: [{ at: '2026-05-27T09:00:00Z', channel: 'email', summary: 'Thanks for the chat' }],
    });
    const body = draftFor(ctx, { channel: 'email', variant: 0 }).body;
    expect(body).toContain(
      'I wrote to you a week ago about solar roofs for schools and haven’t heard back'.replace('’', "'"),
    );
    expect(body).toMatch(/still like to go ahead|still interested/);
  });

  it("the confirmation names the meeting's day, time and place in their zone", () => {
    const ctx = draftContext({ purpose: 'confirmation', step: confirmationStep });
    const draft = draftFor(ctx, { channel: 'email', variant: 0 });
    expect(draft.subject).toBe('Confirming Thursday 4 June');
    expect(draft.body).toContain(
      '- When: Thursday 4 June, 10:00 your time (16:00 mine)\n- Where: Café Central',
    );
    expect(draft.facts.find((f) => f.id === 'meeting')?.text).toBe(
      'Thursday 4 June, 10:00 their time, Café Central',
    );
    // Same zone as mine: one time, no "your time".
    const local = draftFor(
      draftContext({ purpose: 'confirmation', step: confirmationStep, contact: { timeZone: null } }),
      {
        channel: 'text',
        variant: 0,
      },
    );
    expect(local.body).toContain('looking forward to Thursday 4 June at 16:00, Café Central.');
  });

  it("names the meeting's day as it is where they are when the date differs", () => {
    const late = { ...confirmationStep, meetingAt: '2026-06-04T23:30:00Z' };
    const body = draftFor(draftContext({ purpose: 'confirmation', step: late }), {
      channel: 'email',
      variant: 0,
    }).body;
    expect(body).toContain('When: Thursday 4 June, 19:30 your time (Fri 1:30 mine)');
  });

  it('the re-engagement acknowledges the time that has passed', () => {
    const ctx = draftContext({ purpose: 'reengage', contact: { metOn: '2026-03-12' } });
    for (let variant = 0; variant < 3; variant++) {
      const body = draftFor(ctx, { channel: 'email', variant }).body;
      expect(body).toMatch(/a while|time got away|time has passed/);
      expect(body).toContain('at Web Summit in March');
    }
  });

  it('the thank-you names what they did, and a promise names the promise', () => {
    const thanks = draftContext({
      purpose: 'thank_you',
      step: {
        ...confirmationStep,
        purpose: 'thank_you',
        meetingAt: null,
        meetingPlace: null,
        note: 'The intro to Jo',
      },
    });
    expect(draftFor(thanks, { channel: 'text', variant: 0 }).body).toContain(
      'thank you for the intro to Jo!',
    );
    const promise = draftContext({
      purpose: 'promise_theirs',
      step: {
        ...confirmationStep,
        purpose: 'promise_theirs',
        meetingAt: null,
        meetingPlace: null,
        note: 'Introduce me to Priya',
      },
    });
    expect(draftFor(promise, { channel: 'linkedin', variant: 0 }).body).toContain(
      'what you offered: introduce me to Priya.',
    );
  });

  it('signs e-mail with the signature, else my name, else nothing', () => {
    const sign = (me: { name: string | null; signature: string | null }) =>
      draftFor(draftContext({ me }), { channel: 'email', variant: 0 }).body.split('\n').slice(-2).join('\n');
    expect(sign({ name: 'Sam', signature: 'Sam Reed\n  Reed Consulting  ' })).toBe(
      'Sam Reed\nReed Consulting',
    );
    expect(sign({ name: 'Sam', signature: null })).toBe('Best,\nSam');
    expect(sign({ name: null, signature: null }).split('\n').at(-1)).toBe('Best,');
  });
});

describe('asking for one detail', () => {
  it('asks what you talked about when nothing specific is known, and still drafts', () => {
    const draft = draftFor(draftContext({ contact: NOTHING_KNOWN }));
    expect(draft.ask).toEqual({ field: 'discussed', question: 'What did you talk about?' });
    expect(draft.body).toMatch(/^Hi Ada,\n\nThank you/);
  });

  it('asks about interests for a keep-in-touch message', () => {
    expect(draftFor(draftContext({ purpose: 'check_in', contact: NOTHING_KNOWN })).ask?.field).toBe(
      'interests',
    );
  });

  it('does not ask when one specific thing is known', () => {
    expect(draftFor(draftContext({ contact: { ...NOTHING_KNOWN, metWhere: 'Web Summit' } })).ask).toBeNull();
    expect(
      draftFor(draftContext({ purpose: 'confirmation', step: confirmationStep, contact: NOTHING_KNOWN })).ask,
    ).toBeNull();
    expect(
      draftFor(
        draftContext({
          contact: NOTHING_KNOWN,
          promises: { mine: [{ text: 'send the deck', dueOn: '2026-06-05' }], theirs: [] },
        }),
      ).ask,
    ).toBeNull();
  });
});

describe('the channel when none is asked', () => {
  const channelOf = (contact: Parameters<typeof draftContext>[0]) => defaultChannel(draftContext(contact));
  it("is the step's, else e-mail, LinkedIn, a text, in that order of what they have", () => {
    expect(channelOf({ step: { ...confirmationStep, channel: 'call' } })).toBe('call');
    expect(channelOf({ contact: { emails: ['a@b.c'], links: ['https://www.linkedin.com/in/a'] } })).toBe(
      'email',
    );
    expect(
      channelOf({ contact: { emails: [], links: ['https://example.com', 'https://de.linkedin.com/in/a'] } }),
    ).toBe('linkedin');
    expect(
      channelOf({ contact: { emails: [], links: ['https://notlinkedin.com/in/a'], phones: ['+1 555'] } }),
    ).toBe('text');
    expect(channelOf({ contact: { emails: [], links: [], phones: [] } })).toBe('email');
  });
});
