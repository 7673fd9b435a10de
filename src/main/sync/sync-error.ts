/**
 * A sync failure in words the user can act on. `transient` ones (the network, a 5xx, a timeout)
 * are retried with backoff and keep their outbox row; the others need the user (a refused
 * password, a URL that is no CalDAV server).
 */
export class SyncError extends Error {
  readonly code: 'credentials' | 'discovery' | 'network' | 'server' | 'refused';
  readonly transient: boolean;
  constructor(code: SyncError['code'], message: string, transient = code === 'network' || code === 'server') {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.transient = transient;
  }
}

/** What a failed fetch says, in words (undici hides the cause one level down). */
export function networkWords(error: unknown, url: string, timeoutMs: number): SyncError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const host = safeHost(url);
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return new SyncError(
      'network',
      `${host} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
    );
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED')
    return new SyncError('network', `${host} refused the connection (is the server running?)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new SyncError('network', `${host} could not be found (offline?)`);
  if (
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET' ||
    /other side closed|socket/i.test(e?.cause?.message ?? '')
  )
    return new SyncError('network', `the connection to ${host} was cut before it answered`);
  return new SyncError(
    'network',
    `${host} could not be reached (${code ?? e?.cause?.message ?? e?.message ?? 'network error'})`,
  );
}

export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

/** A non-success answer, in words: 401/403 is the password, 5xx the server, the rest the request. */
export function statusWords(status: number, what: string, url: string): SyncError {
  const host = safeHost(url);
  if (status === 401)
    return new SyncError('credentials', `${host} refused the user name or password (401) when ${what}`);
  if (status === 403) return new SyncError('refused', `${host} does not allow ${what} (403)`);
  if (status === 429 || status >= 500)
    return new SyncError('server', `${host} is unavailable (${status}) when ${what}; it will be retried`);
  return new SyncError('refused', `${host} refused ${what} (${status})`);
}
