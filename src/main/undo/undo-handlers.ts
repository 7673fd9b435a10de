import type { HandlerDeps } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { applyUndo, lastUndoable } from './undo-service.ts';

type UndoHandlers = RegistrySlice<'undo.last' | 'undo.apply'>;

export function undoHandlers(deps: HandlerDeps): UndoHandlers {
  return {
    'undo.last': read(() => lastUndoable(deps)),
    // Undoing Done removes the interaction it logged and puts the contact's timeline back.
    'undo.apply': write(['followups', 'interactions', 'contacts'], ({ id }) => applyUndo(deps, id)),
  };
}
