/** Error codes every shell maps the same way (HTTP status in the HTTP shell, exit code in the CLI). */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'newer_database',
  /** Another process held the database's write lock past the wait bound: retry later. */
  'busy',
  /** A server the app talks to for the user (a mail account) refused or could not be reached; the message says which and why. */
  'upstream',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** Dotted path into the payload, e.g. "emails.0.value". */
  path: string;
  message: string;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

/**
 * The one error type that crosses every boundary. IPC and HTTP cannot carry Error subclasses,
 * so handlers' failures travel as an {@link Envelope} and are revived here on the other side.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): ApiErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues);
  }

  /** One readable line per problem, for CLI stderr and UI banners. */
  describe(): string {
    if (!this.issues?.length) return this.message;
    return `${this.message}\n${this.issues.map((i) => `  - ${i.path || '(input)'}: ${i.message}`).join('\n')}`;
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw ApiError.from(envelope.error);
}
