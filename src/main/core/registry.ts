import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api/contract.ts';
import type { ChangeScope } from '../../shared/api/pushes.ts';

export type HandlerFn<M extends MethodName> = (
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/**
 * One method's implementation and the effects it declares. As in Actual Budget's mutators, the
 * declaration sits where the handler is registered, and the dispatcher (not the handler)
 * announces it, so no handler can forget to tell the pages, the tray or the scheduler.
 */
export interface HandlerEntry<M extends MethodName> {
  run: HandlerFn<M>;
  /** What a successful call may change; empty for a read. */
  changes: readonly ChangeScope[];
  /**
   * The change lives outside the database (the settings file), so it is announced after every
   * successful call, not only when rows changed.
   */
  outsideDatabase: boolean;
}

/** Main's implementation of the whole contract (checked by the type: no method missing). */
export type Registry = { [M in MethodName]: HandlerEntry<M> };
export type RegistrySlice<K extends MethodName> = Pick<Registry, K>;

/** A call that changes nothing. The dispatcher catches one that writes anyway (see dispatch.ts). */
export function read<F>(run: F): { run: F; changes: readonly []; outsideDatabase: false } {
  return { run, changes: [], outsideDatabase: false };
}

/** A call that writes: `changes` names every scope a screen should reload after it. */
export function write<F>(
  changes: readonly [ChangeScope, ...ChangeScope[]],
  run: F,
  options: { outsideDatabase?: boolean } = {},
): { run: F; changes: readonly ChangeScope[]; outsideDatabase: boolean } {
  return { run, changes, outsideDatabase: options.outsideDatabase ?? false };
}
