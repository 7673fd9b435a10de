import { ApiError } from '../../shared/api/errors.ts';

/**
 * Why talking to a mail account failed, in words for the user that name the account and never
 * hold the secret. `kind` lets the sync decide what to retry: a refused login or a missing
 * password is not retried, a dropped connection is.
 */
export type MailErrorKind = 'credentials' | 'login' | 'network' | 'tls' | 'server';

export class MailError extends Error {
  readonly kind: MailErrorKind;
  constructor(kind: MailErrorKind, message: string) {
    super(message);
    this.name = 'MailError';
    this.kind = kind;
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }

  toApiError(): ApiError {
    return new ApiError('upstream', this.message);
  }
}
