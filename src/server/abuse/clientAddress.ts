// Which address a request comes from, for the per-address limits only (the result is hashed in
// memory and never stored or logged). Behind a reverse proxy the client's address is in
// X-Forwarded-For, but only the entries that trusted proxies appended can be believed: a client
// writes whatever she likes on the left. So we read from the right and skip exactly the
// configured trusted hops (or the listed proxy addresses), as Fastify does for HTTP requests.
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

export type TrustedProxies =
  | { readonly kind: 'none' }
  /** This many proxies in front of Baken, each appending the address it saw. */
  | { readonly kind: 'hops'; readonly hops: number }
  /** Proxies by address or CIDR range (`loopback`, `uniquelocal` and the like also work). */
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

const trustFunctions = new WeakMap<TrustedProxies, (address: string, hop: number) => boolean>();

/** The rule as Fastify's `trustProxy` takes it, so HTTP routes and sockets agree. */
export function trustFunction(trusted: TrustedProxies): (address: string, hop: number) => boolean {
  let fn = trustFunctions.get(trusted);
  if (!fn) {
    if (trusted.kind === 'none') fn = () => false;
    else if (trusted.kind === 'hops') {
      const hops = trusted.hops;
      fn = (_address, hop) => hop < hops;
    } else fn = proxyAddr.compile([...trusted.addresses]);
    trustFunctions.set(trusted, fn);
  }
  return fn;
}

/** What the address is read from: the connection's own address and the request headers. */
export interface AddressSource {
  readonly remoteAddress: string | undefined;
  readonly headers: IncomingMessage['headers'];
}

/** The client's address of a request (an HTTP request, or a socket's handshake). */
export function clientAddress(source: AddressSource, trusted: TrustedProxies): string {
  if (trusted.kind === 'none') return source.remoteAddress ?? '';
  // proxy-addr reads the socket's address and the X-Forwarded-For header, nothing else.
  const request = { socket: { remoteAddress: source.remoteAddress }, headers: source.headers } as unknown as IncomingMessage;
  return proxyAddr(request, trustFunction(trusted));
}

/**
 * TRUST_PROXY: `false` (default: nothing in front), `true` (one proxy), a number of proxies,
 * or a comma-separated list of proxy addresses or CIDR ranges.
 */
export function parseTrustedProxies(value: string): TrustedProxies | { error: string } {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return { kind: 'none' };
  if (v === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? { kind: 'hops', hops } : { error: 'a number of proxies must be between 1 and 10' };
  }
  const addresses = v.split(',').map((a) => a.trim()).filter((a) => a.length > 0);
  try {
    proxyAddr.compile(addresses);
  } catch (error) {
    return { error: `not a proxy address or range: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { kind: 'addresses', addresses };
}
