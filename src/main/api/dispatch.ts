import type { z } from 'zod';
import { contract, type Handlers, isMethodName, type MethodName } from '../../shared/api/contract.ts';
import { ApiError, type Envelope } from '../../shared/api/errors.ts';
import type { WriteGate } from '../app/write-gate.ts';

/** Every shell (IPC, HTTP, CLI) calls the API through this one function. */
export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are reported; the caller only ever sees a generic message. */
  onInternalError?: (method: string, error: unknown) => void;
  /** Calls wait here while a long write (an import) holds the database. */
  gate?: Pick<WriteGate, 'idle'>;
}

/**
 * Validates the payload against the contract before any handler runs, so a bad payload gets a
 * typed error and changes nothing; then runs the handler and wraps the outcome in an envelope.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (method, input) => {
    try {
      if (!isMethodName(method)) {
        throw new ApiError('unknown_method', `There is no API method called "${String(method)}".`);
      }
      const parsed = parseInput(method, input);
      await options.gate?.idle();
      const handler = handlers[method] as (i: unknown) => unknown;
      const value = await handler(parsed);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(method, error, options).toJSON() };
    }
  };
}

function parseInput(method: MethodName, input: unknown): unknown {
  const schema = contract[method].input as z.ZodType;
  const result = schema.safeParse(input === undefined ? {} : input);
  if (result.success) return result.data;
  throw new ApiError(
    'invalid_input',
    `Invalid input for ${method}.`,
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

function toApiError(method: string, error: unknown, options: DispatchOptions): ApiError {
  if (error instanceof ApiError) return error;
  options.onInternalError?.(method, error);
  return new ApiError(
    'internal',
    `Something went wrong in ${method}. The error was logged; nothing was changed.`,
  );
}
