// Creates the Socket.IO server, attaches both gateways, and turns domain events into
// broadcasts. Broadcasts go through the adapter, so with Redis they reach every node.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { limits } from '../../protocol/limits.js';
import { visitorNamespace } from '../../protocol/visitorProtocol.js';
import { staffNamespace } from '../../protocol/staffProtocol.js';
import type { AppContext } from '../appContext.js';
import { presentForStaff, presentForVisitor } from '../conversations/conversationPresenter.js';
import { attachStaffGateway, type StaffNamespace } from './staffGateway.js';
import { attachVisitorGateway, type VisitorNamespace } from './visitorGateway.js';
import { rooms } from './rooms.js';

export interface SocketServerOptions {
  adapter?: (nsp: unknown) => Adapter;
}

export function createSocketServer(httpServer: HttpServer, ctx: AppContext, options: SocketServerOptions = {}): Server {
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

  attachVisitorGateway(visitors, ctx, (conversationId, typing) =>
    staff.to(rooms.conversation(conversationId)).emit('typing', { conversationId, typing }),
  );
  attachStaffGateway(staff, ctx, (conversationId, typing) =>
    visitors.to(rooms.conversation(conversationId)).emit('typing', { conversationId, typing }),
  );

  const { events, conversations, logger, metrics } = ctx;
  for (const [side, ns] of [['visitor', visitors], ['staff', staff]] as const) {
    (ns as unknown as import('socket.io').Namespace).on('connection', (socket) => {
      metrics.socketConnections.inc({ side });
      socket.on('disconnect', () => metrics.socketConnections.dec({ side }));
    });
  }
  events.on('message.stored', ({ commitMs }) => metrics.messageCommitSeconds.observe(commitMs / 1000));
  const fail = (what: string) => (error: unknown) =>
    logger.error({ err: error instanceof Error ? error.message : String(error) }, `broadcast of ${what} failed`);

  events.on('message.stored', ({ message }) => {
    const room = rooms.conversation(message.conversationId);
    visitors.to(room).emit('message', message);
    staff.to(room).emit('message', message);
  });

  events.on('conversation.changed', ({ conversation, previousCounsellorId }) => {
    (async () => {
      const name = await conversations.counsellorName(conversation.counsellorId);
      const room = rooms.conversation(conversation.id);
      visitors.to(room).emit('chat:state', presentForVisitor(conversation, name));
      const view = presentForStaff(conversation, name);
      // The counsellor's other tabs (and other nodes) join the conversation's room.
      if (conversation.counsellorId && conversation.status === 'active') {
        staff.in(rooms.staffMember(conversation.counsellorId)).socketsJoin(room);
      }
      const targets = [room, ...[conversation.counsellorId, previousCounsellorId].filter((x): x is string => !!x).map(rooms.staffMember)];
      staff.to(targets).emit('conversation:update', view);
    })().catch(fail('conversation change'));
  });

  // Many changes can arrive at once (a burst of new chats); send one queue update for them.
  let queueTimer: NodeJS.Timeout | undefined;
  events.on('queue.changed', () => {
    if (queueTimer) return;
    queueTimer = setTimeout(() => {
      queueTimer = undefined;
      conversations
        .queue()
        .then((waiting) => staff.to(rooms.queueWatchers).emit('queue:update', { waiting }))
        .catch(fail('queue'));
    }, 25);
  });

  events.on('staff.sessionEnded', ({ staffId }) => {
    staff.to(rooms.staffMember(staffId)).emit('session:ended');
    staff.in(rooms.staffMember(staffId)).disconnectSockets(true);
  });

  io.engine.on('connection_error', () => {
    // Malformed handshakes are routine on the open internet; nothing to log about visitors.
  });
  return io;
}
