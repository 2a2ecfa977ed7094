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
import type { StaffSessionWatch } from './staffSessionWatch.js';
import type { QueueEffect } from '../../domain/queue/queueModel.js';
import { socketAddress } from './socketAddress.js';
import { boardSnapshot, visitorQueueStatuses } from '../queue/board.js';

export interface SocketServerOptions {
  adapter?: (nsp: unknown) => Adapter;
}

/** Who held a chat until this effect took it from her: she no longer follows it. */
function formerHolder(effect: QueueEffect): string | undefined {
  if (effect.type === 'requeued') return effect.fromCounsellorId;
  if (effect.type === 'offered') return effect.fromCounsellorId;
  if (effect.type === 'removed') return effect.counsellorId;
  return undefined;
}

export function createSocketServer(httpServer: HttpServer, ctx: AppContext, sessionWatch: StaffSessionWatch, options: SocketServerOptions = {}): Server {
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
  attachStaffGateway(staff, ctx, sessionWatch, (conversationId, typing) =>
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

  // After every routing step: tell each participant of each changed conversation, refresh the
  // queue for counsellors, the positions for waiting visitors and the board for supervisors.
  const announceConversation = async (conversationId: string, formerHolders: readonly string[]) => {
    const conversation = await conversations.get(conversationId);
    const name = await conversations.counsellorName(conversation.counsellorId);
    const room = rooms.conversation(conversation.id);
    visitors.to(room).emit('chat:state', presentForVisitor(conversation, name));
    if (conversation.counsellorId && conversation.status === 'active') {
      // Her other tabs (and those on other nodes) join the conversation's room.
      staff.in(rooms.staffMember(conversation.counsellorId)).socketsJoin(room);
    }
    const view = presentForStaff(conversation, name);
    // The former holder's tabs left the room; they still learn where the chat went.
    const holders = new Set([...formerHolders, ...(conversation.counsellorId ? [conversation.counsellorId] : [])]);
    const targets = [room, ...[...holders].map(rooms.staffMember)];
    staff.to(targets).emit('conversation:update', view);
  };

  let pending: { conversations: Set<string>; effects: QueueEffect[] } | undefined;
  const flush = async (batch: { conversations: Set<string>; effects: QueueEffect[] }) => {
    for (const effect of batch.effects) {
      if (effect.type === 'counsellor_paused') staff.to(rooms.staffMember(effect.counsellorId)).emit('status:update', { status: 'break', reason: 'missed_offer' });
    }
    for (const id of batch.conversations) {
      const former = batch.effects.filter((e) => 'conversationId' in e && e.conversationId === id).map(formerHolder).filter((h): h is string => h !== undefined);
      await announceConversation(id, former);
    }
    staff.to(rooms.queueWatchers).emit('queue:update', { waiting: await conversations.queueItems() });
    const positions = await visitorQueueStatuses(ctx.repos, ctx.clock.now());
    for (const [id, status] of positions) visitors.to(rooms.conversation(id)).emit('chat:queue', status);
    if ((await staff.in(rooms.supervisors).fetchSockets()).length > 0) {
      staff.to(rooms.supervisors).emit('board:update', await boardSnapshot(ctx.repos, conversations, ctx.clock.now(), ctx.arrivals.alerts()));
    }
  };
  // Need to know: whoever no longer holds a chat (transferred, handed back, returned to the
  // queue, ended) stops hearing it at once, in every tab and on every node, before anything
  // else is announced. Supervisors who joined keep their own membership.
  events.on('queue.stepped', ({ effects }) => {
    for (const effect of effects) {
      // A chat out of the queue no longer counts against its source's share of waiting places.
      if (effect.type === 'assigned' || effect.type === 'removed') ctx.arrivals.left(effect.conversationId);
      const holder = formerHolder(effect);
      if (holder && 'conversationId' in effect) staff.in(rooms.staffMember(holder)).socketsLeave(rooms.conversation(effect.conversationId));
    }
  });

  // Steps that come in a burst (many chats at once) are announced together.
  events.on('queue.stepped', ({ conversationIds, effects }) => {
    if (!pending) {
      pending = { conversations: new Set(), effects: [] };
      setTimeout(() => {
        const batch = pending!;
        pending = undefined;
        flush(batch).catch(fail('queue step'));
      }, 15);
    }
    for (const id of conversationIds) pending.conversations.add(id);
    for (const effect of effects) {
      pending.effects.push(effect);
      if (effect.type === 'removed') pending.conversations.add(effect.conversationId);
    }
  });

  events.on('arrivals.burst', ({ alert }) => staff.to(rooms.supervisors).emit('board:alert', alert));

  // A blocked visitor without a return code could start again from a fresh tab: for a short
  // cooling-off time the address she is connected from is refused too (hashed, in memory).
  events.on('visitor.blocked', ({ conversationId, until }) => {
    visitors
      .in(rooms.conversation(conversationId))
      .fetchSockets()
      .then((sockets) => {
        for (const socket of sockets) ctx.addressBlocks.block(socketAddress(socket, ctx.config.trustProxy), until);
      })
      .catch(fail('visitor block'));
  });

  events.on('staff.sessionEnded', ({ staffId, sessionId }) => {
    // One ended session closes only its own sockets; sessionId null means all of that person's.
    staff
      .in(rooms.staffMember(staffId))
      .fetchSockets()
      .then((sockets) => {
        for (const socket of sockets) {
          const data = socket.data as { auth?: { session: { id: string } } };
          if (sessionId !== null && data.auth?.session.id !== sessionId) continue;
          socket.emit('session:ended');
          socket.disconnect(true);
        }
      })
      .catch(fail('session end'));
  });

  io.engine.on('connection_error', () => {
    // Malformed handshakes are routine on the open internet; nothing to log about visitors.
  });
  return io;
}
