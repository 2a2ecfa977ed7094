import type { Socket } from 'socket.io';

type Handshake = Socket['handshake'];
import { clientAddress, type TrustedProxies } from '../abuse/clientAddress.js';

/**
 * The visitor's address as the HTTP routes see it (the same trusted-proxy rule), for throttling
 * only: it is hashed in memory and never stored or logged. Read from the handshake, which a
 * socket on another node carries too.
 */
export function socketAddress(socket: { handshake: Pick<Handshake, 'address' | 'headers'> }, trusted: TrustedProxies): string {
  return clientAddress({ remoteAddress: socket.handshake.address, headers: socket.handshake.headers }, trusted);
}
