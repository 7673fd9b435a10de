import { migration001 } from './001-contacts-events-interactions.ts';
import { migration002 } from './002-follow-up-engine.ts';
import { migration003 } from './003-calendar.ts';
import { migration004 } from './004-identity-search.ts';
import { migration005 } from './005-imports.ts';
import { migration006 } from './006-calendar-range.ts';
import { migration007 } from './007-calendar-day-counts.ts';
import { migration008 } from './008-undo-and-next-step.ts';
import { migration009 } from './009-composer.ts';
import { migration010 } from './010-calendar-open-steps-and-exported-starts.ts';
import { migration011 } from './011-dated-reasons.ts';
import { migration012 } from './012-mail.ts';
import { migration013 } from './013-sync.ts';
import { migration014 } from './014-insights-indexes.ts';
import { migration015 } from './015-contact-sync.ts';
import { migration016 } from './016-insights-facts.ts';
import { migration017 } from './017-card-puts.ts';
import { migration018 } from './018-cycle-touches.ts';
import { migration019 } from './019-backlog-indexes.ts';
import { migration020 } from './020-people-indexes.ts';
import { migration021 } from './021-sent-aggregates.ts';
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
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
];
