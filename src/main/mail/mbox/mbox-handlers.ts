import type { HandlerDeps } from '../../core/handler-deps.ts';
import { type RegistrySlice, write } from '../../core/registry.ts';
import { importMbox } from './mbox-import.ts';

type MboxHandlers = RegistrySlice<'mail.importMbox'>;

export function mboxHandlers(deps: HandlerDeps): MboxHandlers {
  return {
    // What a sync writes: the messages kept, timelines, and the cycles their reactions moved.
    'mail.importMbox': write(['mail', 'interactions', 'contacts', 'followups'], (input) =>
      importMbox(deps, input),
    ),
  };
}
