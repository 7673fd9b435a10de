import type { ComposeContext } from '../../../src/main/compose/context.ts';

export type ContextOverrides = Partial<Omit<ComposeContext, 'me' | 'contact'>> & {
  me?: Partial<ComposeContext['me']>;
  contact?: Partial<ComposeContext['contact']>;
};

/**
 * Ada, met at Web Summit yesterday, with a little of everything known. Now is Wednesday
 * 3 June 2026, 10:00 in Berlin; she lives in New York (six hours behind).
 */
export function draftContext(overrides: ContextOverrides = {}): ComposeContext {
  const { me, contact, ...rest } = overrides;
  return {
    now: new Date('2026-06-03T08:00:00Z'),
    userZone: 'Europe/Berlin',
    locale: 'en-GB',
    me: {
      name: 'Sam Reed',
      signature: 'Sam Reed\nReed Consulting',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: 9, end: 17 },
      stockPhrases: [],
      caps: { minGapDays: 3, maxPer30Days: 4 },
      ...me,
    },
    contact: {
      id: 7,
      displayName: 'Ada Lovelace',
      firstName: 'Ada',
      company: 'Analytical Engines',
      title: 'CTO',
      timeZone: 'America/New_York',
      emails: ['ada@example.com'],
      phones: [],
      links: [],
      metOn: '2026-06-02',
      metWhere: 'Web Summit',
      howMet: null,
      discussed: 'solar roofs for schools',
      interests: 'marathon training',
      nextStep: 'Book a coffee',
      nextStepDueOn: null,
      notes: null,
      ...contact,
    },
    step: null,
    purpose: 'refresher',
    promises: { mine: [], theirs: [] },
    sent: [],
    lastHeardAt: null,
    lastVariants: new Map(),
    eventVariantsToday: new Map(),
    ...rest,
  };
}

/** Only a name is known. */
export const NOTHING_KNOWN: ContextOverrides['contact'] = {
  firstName: null,
  company: null,
  title: null,
  timeZone: null,
  emails: [],
  metOn: null,
  metWhere: null,
  discussed: null,
  interests: null,
  nextStep: null,
};
