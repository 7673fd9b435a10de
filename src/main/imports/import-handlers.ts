import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { getContact } from '../store/contacts-store.ts';
import { listImports, markReviewed } from '../store/imports-store.ts';
import { recordUndoable } from '../undo/undo-service.ts';
import { reviewedSubject } from '../undo/undo-subjects.ts';
import type { ImportService } from './import-service.ts';

type ImportHandlers = RegistrySlice<
  'imports.preview' | 'imports.commit' | 'imports.list' | 'contacts.markReviewed'
>;

export function importHandlers(deps: HandlerDeps, service: ImportService): ImportHandlers {
  const { db, engine } = deps;
  return {
    'imports.preview': read((input) => service.preview(input)),
    // New people, merged fields, and the events and follow-ups of those merged into.
    'imports.commit': write(['contacts', 'events', 'followups'], (input) => service.commit(input)),
    'imports.list': read(() => listImports(db)),
    'contacts.markReviewed': write(['contacts', 'followups'], (input) => {
      let reviewed: number[] = [];
      return recordUndoable(
        deps,
        () => {
          reviewed = markReviewed(db, 'all' in input ? 'all' : input.ids, nowIso(deps));
          // Reviewed people join planning: keep-in-touch cadences from their tags start now.
          engine.afterContactsReviewed(reviewed);
          return { reviewed: reviewed.length };
        },
        () => reviewedSubject(reviewed, () => getContact(db, reviewed[0] ?? 0)?.displayName),
      );
    }),
  };
}
