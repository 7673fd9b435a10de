import type { FactId } from './compose.ts';

/**
 * The placeholders a template may use: the drafting engine fills them, the template validator
 * accepts exactly these, and the template editor lists them. Every one is plain text; a missing
 * fact is an empty string, so `{{#discussed}}…{{/discussed}}` drops a sentence when it is unknown.
 */
export interface TemplatePlaceholder {
  name: string;
  /** The fact a draft reports as used when the placeholder appears in the text it rendered. */
  fact: FactId;
  description: string;
  example: string;
}

export const TEMPLATE_PLACEHOLDERS: readonly TemplatePlaceholder[] = [
  { name: 'first_name', fact: 'first_name', description: 'Their first name (always set)', example: 'Ada' },
  { name: 'full_name', fact: 'first_name', description: 'Their name as saved', example: 'Ada Lovelace' },
  { name: 'company', fact: 'company', description: 'Their company', example: 'Analytical Engines' },
  { name: 'met_where', fact: 'met_where', description: 'The event or place you met', example: 'Web Summit' },
  {
    name: 'met_when',
    fact: 'met_when',
    description: 'When you met, relative to today',
    example: 'yesterday · on Tuesday · last week · in March',
  },
  { name: 'discussed', fact: 'discussed', description: 'What you talked about', example: 'your Series A' },
  { name: 'interests', fact: 'interests', description: 'Their interests', example: 'marathon training' },
  { name: 'next_step', fact: 'next_step', description: 'The agreed next step', example: 'book a coffee' },
  {
    name: 'promise_mine',
    fact: 'promise_mine',
    description: 'What you promised them',
    example: 'send the deck',
  },
  {
    name: 'promise_theirs',
    fact: 'promise_theirs',
    description: 'What they promised you',
    example: 'introduce me to Priya',
  },
  {
    name: 'last_sent',
    fact: 'last_sent',
    description: 'Your last message to them',
    example: 'Sent the deck',
  },
  { name: 'last_sent_ago', fact: 'last_sent', description: 'How long ago you wrote', example: 'a week ago' },
  { name: 'last_sent_on', fact: 'last_sent', description: 'The day you wrote', example: 'on Tuesday' },
  {
    name: 'meeting_day',
    fact: 'meeting',
    description: 'The meeting day, in their time zone when known',
    example: 'Thursday 4 June',
  },
  {
    name: 'meeting_time',
    fact: 'meeting',
    description: 'The meeting time, in their time zone',
    example: '10:00',
  },
  {
    name: 'meeting_mine',
    fact: 'meeting',
    description: 'The meeting time in your zone, only when it differs from theirs',
    example: '16:00',
  },
  { name: 'meeting_place', fact: 'meeting', description: 'Where the meeting is', example: 'Café Central' },
  {
    name: 'time_1',
    fact: 'proposed_times',
    description: 'A proposed working slot (both zones when they differ)',
    example: 'Tuesday 9 June at 09:00 your time (15:00 mine)',
  },
  {
    name: 'time_2',
    fact: 'proposed_times',
    description: 'A second proposed slot, another day',
    example: '…',
  },
  {
    name: 'step_note',
    fact: 'step_note',
    description: 'The step’s note: what they did for you, or the promise',
    example: 'the intro to the Acme team',
  },
  { name: 'my_name', fact: 'signature', description: 'Your name (Settings › Composer)', example: 'Sam' },
  {
    name: 'signature',
    fact: 'signature',
    description: 'Your signature (Settings › Composer)',
    example: 'Sam Reed',
  },
];

export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS.map((p) => p.name));
