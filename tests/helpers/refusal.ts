import { ApiError } from '../../src/shared/api/errors.ts';

/** The typed error a call is refused with; anything else, or no refusal at all, fails the test. */
export async function refusal(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
