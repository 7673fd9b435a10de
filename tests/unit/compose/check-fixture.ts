import type { ComposeContext } from '../../../src/main/compose/context.ts';

type Overrides = Partial<Omit<ComposeContext, 'me' | 'contact'>> & {
  me?: Partial<ComposeContext['me']>;
  contact?: Partial<ComposeContext['contact']>;
};

/**
 * Ada, met at Web Summit, with a little of everything logged. Now is Tuesday 10 Mar 2026, 10:00
 * in Berlin (09:00 UTC), inside everyone's working hours; nothing sent yet.
 */
export function contextFor(overrides: Overrides = {}): ComposeContext {
  const { me, contact, ...rest } = overrides;
  return {
    now: new Date('2026-03-10T09:00:00Z'),
    userZone: 'Europe/Berlin',
    locale: 'en-GB',
    me: {
      name: 'Grace Hopper',
      signature: 'Grace Hopper\nHopper Analytics',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: 8, end: 18 },
      stockPhrases: [],
      caps: { minGapDays: 3, maxPer30Days: 4 },
      ...me,
    },
    contact: {
      id: 1,
      displayName: 'Ada Lovelace',
      firstName: 'Ada',
      company: 'Helios Energy',
      title: 'Head of Partnerships',
      timeZone: null,
      emails: ['ada@example.com'],
      phones: ['+44 20 7946 0958'],
      links: ['https://www.linkedin.com/in/ada-lovelace'],
      metOn: '2026-03-05',
      metWhere: 'Web Summit',
      howMet: null,
      discussed: 'solar roofs for schools in Lisbon',
      interests: 'battery storage',
      nextStep: 'send the pilot proposal',
      nextStepDueOn: null,
      notes: null,
      ...contact,
    },
    step: null,
    purpose: 'refresher',
    promises: { mine: [], theirs: [] },
    sent: [],
    lastHeardAt: null,
    heard: [],
    lastVariants: new Map(),
    eventVariantsToday: new Map(),
    ...rest,
  };
}

/** A nothing-known contact: only a name. */
export function bareContact(): Overrides['contact'] {
  return {
    company: null,
    title: null,
    metOn: null,
    metWhere: null,
    discussed: null,
    interests: null,
    nextStep: null,
  };
}

export const GOOD_EMAIL_BODY = `Hi Ada,

Thank you for the conversation at Web Summit on Thursday. Your point about solar roofs on schools
has stayed with me, and I have started on the pilot proposal we talked about.

Would Tuesday 17 March at 10:00 suit you for a short call to go through it?

Grace Hopper
Hopper Analytics`;
