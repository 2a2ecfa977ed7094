// Creates the Socket.IO server, attaches both gateways and the broadcaster that turns what the
// use cases changed into pushes. Broadcasts go through the adapter, so with Redis they reach
// every node.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { limits } from '../../protocol/limits.js';
import { visitorNamespace } from '../../protocol/visitorProtocol.js';
import { staffNamespace } from '../../protocol/staffProtocol.js';
import type { AppContext } from '../appContext.js';
import { attachStaffGateway, type StaffNamespace } from './staffGateway.js';
import { attachVisitorGateway, type VisitorNamespace } from './visitorGateway.js';
import type { StaffSessionWatch } from './staffSessionWatch.js';
import { createBroadcaster, type Broadcaster } from './broadcasts.js';

export interface SocketServerOptions {
  adapter?: (nsp: unknown) => Adapter;
}

export function createSocketServer(
  httpServer: HttpServer,
  ctx: AppContext,
  sessionWatch: StaffSessionWatch,
  options: SocketServerOptions = {},
): { io: Server; broadcaster: Broadcaster } {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: limits.maxFrameBytes,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    ...(options.adapter ? { adapter: options.adapter as never } : {}),
  });
  const visitors = io.of(visitorNamespace) as unknown as VisitorNamespace;
  const staff = io.of(staffNamespace) as unknown as StaffNamespace;
  const broadcaster = createBroadcaster({
    visitors,
    staff,
    app: ctx.app,
    metrics: ctx.metrics,
    logger: ctx.logger,
    addressBlocks: ctx.addressBlocks,
    trustProxy: ctx.config.trustProxy,
    now: () => ctx.clock.now(),
  });

  attachVisitorGateway(visitors, ctx, broadcaster);
  attachStaffGateway(staff, ctx, sessionWatch, broadcaster);

  for (const [side, ns] of [['visitor', visitors], ['staff', staff]] as const) {
    (ns as unknown as import('socket.io').Namespace).on('connection', (socket) => {
      ctx.metrics.socketConnections.inc({ side });
      socket.on('disconnect', () => ctx.metrics.socketConnections.dec({ side }));
    });
  }

  io.engine.on('connection_error', () => {
    // Malformed handshakes are routine on the open internet; nothing to log about visitors.
  });
  return { io, broadcaster };
}
