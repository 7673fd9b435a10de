import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract.ts';
import { ApiError, type Envelope } from '../../shared/api/errors.ts';
import type { ChangeScope } from '../../shared/api/pushes.ts';
import { parsingAt } from '../../shared/domain/date-bounds.ts';
import type { HandlerEntry, Registry } from '../core/registry.ts';
import type { WriteGate } from '../core/write-gate.ts';
import { isBusyError } from '../store/transaction.ts';

/** Every shell (IPC, HTTP, CLI) calls the API through this one function. */
export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are reported; the caller only ever sees a generic message. */
  onInternalError?: (method: string, error: unknown) => void;
  /** Calls wait here while a long write (an import) holds the database. */
  gate?: Pick<WriteGate, 'idle'>;
  /** The app's clock: the contract's relative date bounds ("not in the future") are read at it. */
  clock?: () => Date;
  /**
   * Rows changed on this connection so far (SQLite's total_changes): compared around each call,
   * so a write's declared scopes are announced only when it changed something, and a read that
   * writes is caught.
   */
  countChanges?: () => number;
  /** Told the declared scopes after a successful call that changed them. */
  announce?: (scopes: readonly ChangeScope[]) => void;
  /**
   * A read that changed rows is a bug (its screens would never hear of it). Strict (tests): the
   * call fails. Otherwise it is reported through onInternalError and the call succeeds.
   */
  strictScopes?: boolean;
}

/**
 * Validates the payload against the contract before any handler runs, so a bad payload gets a
 * typed error and changes nothing; then runs the handler, announces what it changed, and wraps
 * the outcome in an envelope.
 */
export function createDispatch(registry: Registry, options: DispatchOptions = {}): Dispatch {
  const count = options.countChanges ?? (() => 0);
  return async (method, input) => {
    try {
      if (!isMethodName(method)) {
        throw new ApiError('unknown_method', `There is no API method called "${String(method)}".`);
      }
      const parsed = options.clock
        ? parsingAt(options.clock(), () => parseInput(method, input))
        : parseInput(method, input);
      await options.gate?.idle();
      const entry = registry[method] as unknown as HandlerEntry<MethodName> & {
        run: (input: unknown) => unknown;
      };
      const before = count();
      const running = entry.run(parsed);
      // A call that awaits shares the connection with the calls answered meanwhile: their rows
      // count too, so an async read cannot be caught writing (sync reads are, and every handler
      // that writes is registered with write() where a test checks its scopes).
      const overlapped = running instanceof Promise;
      const value = await running;
      const changed = count() !== before;
      if (entry.changes.length > 0) {
        if (changed || entry.outsideDatabase) options.announce?.(entry.changes);
      } else if (changed && !overlapped) {
        undeclaredWrite(method, options);
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(method, error, options).toJSON() };
    }
  };
}

function undeclaredWrite(method: string, options: DispatchOptions): void {
  const error = new Error(
    `${method} changed the database but is registered as a read: declare its scopes with write([...]) in its handlers file.`,
  );
  if (options.strictScopes) throw error;
  options.onInternalError?.(method, error);
}

function parseInput(method: MethodName, input: unknown): unknown {
  const malformed = malformedText(input, '');
  if (malformed !== null) {
    // A lone surrogate cannot be stored as UTF-8: SQLite would keep U+FFFD, silently altering it.
    throw new ApiError('invalid_input', `Invalid input for ${method}.`, [
      { path: malformed, message: 'contains a lone surrogate (text that is not valid Unicode)' },
    ]);
  }
  const schema = contract[method].input as z.ZodType;
  const result = schema.safeParse(input === undefined ? {} : input);
  if (result.success) return result.data;
  throw new ApiError(
    'invalid_input',
    `Invalid input for ${method}.`,
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/** The path of the first string (or key) in `value` that is not well-formed UTF-16, or null. */
function malformedText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : path;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (!key.isWellFormed()) return at;
    const found = malformedText(item, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Another process (the desktop app, `serve`, the CLI) held the write lock for longer than
 * busy_timeout: a typed error the caller can retry, never "something went wrong".
 */
export function busyError(): ApiError {
  return new ApiError(
    'busy',
    'The database is busy: another Followthrough process (the desktop app, `serve` or the CLI) is writing, perhaps a long import. Nothing was changed; try again in a moment.',
  );
}

function toApiError(method: string, error: unknown, options: DispatchOptions): ApiError {
  if (error instanceof ApiError) return error;
  if (isBusyError(error)) return busyError();
  options.onInternalError?.(method, error);
  return new ApiError(
    'internal',
    `Something went wrong in ${method}. The error was logged; nothing was changed.`,
  );
}
