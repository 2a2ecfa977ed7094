// A browser always sends Origin on a WebSocket handshake, and the session cookie goes along even
// from another site: the origin is what tells the console from a page that only wants to ride on
// the cookie. Compared in full (scheme, host, port): an https page must not reach an http server
// as if it were the same site, nor a page on another port of the same host.
import type { IncomingHttpHeaders } from 'node:http';
import type { TrustedProxies } from '../abuse/clientAddress.js';

export function expectedStaffOrigin(input: {
  publicUrl: string | undefined;
  headers: IncomingHttpHeaders;
  secure: boolean;
  trustProxy: TrustedProxies;
}): string | undefined {
  if (input.publicUrl) return new URL(input.publicUrl).origin;
  const host = input.headers.host;
  if (!host) return undefined;
  const forwardedProto = input.trustProxy.kind === 'none' ? undefined : first(input.headers['x-forwarded-proto']);
  const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : input.secure ? 'https' : 'http';
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** True when the handshake may go on: no Origin (not a browser), or exactly the expected one. */
export function staffOriginAllowed(origin: string | undefined, expected: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!expected) return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.split(',')[0]?.trim().toLowerCase();
}
