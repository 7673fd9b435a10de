import type { ErrorCode } from '../../shared/api/errors.ts';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  newer_database: 409,
  busy: 503,
  upstream: 502,
  internal: 500,
};
