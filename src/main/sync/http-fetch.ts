import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

const MAX_REDIRECTS = 5;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The DAV session's fetch, over node:http rather than the global fetch. Node 24's undici crashes
 * the whole process with an uncatchable `assert(!this.paused)` when a server closes the
 * connection while a response body waits to be read (nodejs/undici#5360, fixed upstream in
 * mid-2026): Radicale's server speaks HTTP/1.0 and closes after every answer, and a long first
 * push met it (a bench run of 10,000 PUTs died of it). Here every answer is read whole before it
 * is handed on, so nothing is left paused, and tsdav gets the Response it expects.
 */
export function httpFetch(timeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    let url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body =
      init.body === undefined || init.body === null
        ? undefined
        : Buffer.from(await new Response(init.body).arrayBuffer());
    for (let hop = 0; ; hop++) {
      const answer = await once(url, method, headers, body, timeoutMs);
      const location = answer.headers.get('location');
      if (
        init.redirect !== 'manual' &&
        location &&
        [301, 302, 303, 307, 308].includes(answer.status) &&
        hop < MAX_REDIRECTS
      ) {
        url = new URL(location, url);
        continue;
      }
      return answer;
    }
  };
}

function once(
  url: URL,
  method: string,
  headers: Headers,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<Response> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing: Record<string, string> = {};
  headers.forEach((value, key) => {
    outgoing[key] = value;
  });
  if (body) outgoing['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: outgoing }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(new Error(`the answer from ${url.host} is larger than 64 MB`));
        else chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 502;
        const answerHeaders = new Headers();
        for (const [key, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) answerHeaders.append(key, v);
          else if (value !== undefined) answerHeaders.set(key, value);
        }
        const data = Buffer.concat(chunks);
        // A Response may not carry a body with these statuses.
        const empty =
          status === 204 || status === 304 || (status >= 100 && status < 200) || method === 'HEAD';
        resolve(
          new Response(empty ? null : data, {
            status,
            statusText: res.statusMessage ?? '',
            headers: answerHeaders,
          }),
        );
      });
    });
    req.setTimeout(timeoutMs, () => {
      const error = new Error(`timed out after ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      req.destroy(error);
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.name === 'TimeoutError' ? error : Object.assign(new Error('fetch failed'), { cause: error }),
      ),
    );
    req.end(body);
  });
}
