import { migration001 } from './001-contacts-events-interactions.ts';
import { migration002 } from './002-follow-up-engine.ts';
import { migration003 } from './003-calendar.ts';
import { migration004 } from './004-identity-search.ts';
import { migration005 } from './005-imports.ts';
import { migration006 } from './006-calendar-range.ts';
import { migration007 } from './007-calendar-day-counts.ts';
import { migration008 } from './008-undo-and-next-step.ts';
import type { Migration } from './runner.ts';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];
