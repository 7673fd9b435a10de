import type { Handlers } from '../../shared/api/contract.ts';
import { type HandlerDeps, nowIso } from '../api/handler-deps.ts';
import { listImports, markReviewed } from '../store/imports-store.ts';
import type { ImportService } from './import-service.ts';

type ImportHandlers = Pick<
  Handlers,
  'imports.preview' | 'imports.commit' | 'imports.list' | 'contacts.markReviewed'
>;

export function importHandlers(deps: HandlerDeps, service: ImportService): ImportHandlers {
  const { db, engine, bus } = deps;
  return {
    'imports.preview': (input) => service.preview(input),
    'imports.commit': (input) => service.commit(input),
    'imports.list': () => listImports(db),
    'contacts.markReviewed': (input) =>
      db.transaction(() => {
        const reviewed = markReviewed(db, 'all' in input ? 'all' : input.ids, nowIso(deps));
        // Reviewed people join planning: keep-in-touch cadences from their tags start now.
        engine.afterContactsReviewed(reviewed);
        bus.emit({ type: 'data-changed', scope: 'contacts' });
        return { reviewed: reviewed.length };
      })(),
  };
}
