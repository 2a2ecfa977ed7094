// The console's HTTP client: JSON in and out, the CSRF token on every state-changing call,
// and failures as a typed ApiError carrying the server's error code.
import type { ApiErrorBody } from '../../src/protocol/staffApi.js';

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}
export function getCsrfToken(): string {
  return csrfToken;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(code);
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'unavailable');
  }
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = (data as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'unknown', error?.issues ?? []);
  }
  return data as T;
}

/**
 * Fetches a file from the API and hands it to the browser as a download. Unlike a plain link,
 * a refusal (say `reauth_required`) comes back as an ApiError the page can act on.
 */
export async function download(path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'unavailable');
  }
  if (!res.ok) {
    const error = ((await res.json().catch(() => null)) as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'unknown', error?.issues ?? []);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function errorKey(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'unknown';
  if (['weak_password', 'reauth_required', 'reauth_failed', 'login_expired', 'passkey_failed', 'wrong_password', 'password_unchanged'].includes(code)) return `security.errors.${code}`;
  const known = ['invalid_request', 'not_found', 'forbidden', 'unauthenticated', 'conflict', 'invalid_state', 'rate_limited', 'too_large', 'unavailable', 'internal'];
  return `errors.${known.includes(code) ? code : 'unknown'}`;
}
