// Calls the HTTP API as the console does: JSON in, JSON (or text, or bytes) out, and for a
// signed-in staff member her session cookie plus the CSRF header.
import type { TestServer } from './testServer.js';

export interface StaffCredentials {
  cookie: string;
  csrfToken: string;
}

export interface HttpAnswer {
  status: number;
  /** Parsed JSON when the answer is JSON, else the text; null when there is no body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape they expect
  body: any;
  raw: Buffer;
  headers: Headers;
  /** The `name=value` of a cookie the answer set, or ''. */
  cookie: string;
}

export const staffHeaders = (who: StaffCredentials) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });

export async function callApi(
  server: Pick<TestServer, 'url'>,
  who: StaffCredentials | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? staffHeaders(who) : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    body: raw.length === 0 ? null : json ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8'),
    raw,
    headers: res.headers,
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
  };
}
