// Turns what a use case changed (its effects) into pushes: who is told what is decided here and
// only here. Pushes go through the Socket.IO adapter, so with Redis they reach every node; the
// cost of one step on the wire is what it changed, never the size of the queue.
import type { Effect } from '../../app/effects.js';
import type { AppServices } from '../../app/appServices.js';
import type { BoardDiff } from '../../protocol/staffProtocol.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { AddressBlockList } from '../abuse/addressBlockList.js';
import type { TrustedProxies } from '../abuse/clientAddress.js';
import { presentForStaff, presentForVisitor, presentNote, presentQueueItem, presentReasons } from '../presenters/conversationPresenter.js';
import { rooms } from './rooms.js';
import { socketAddress } from './socketAddress.js';
import type { StaffNamespace } from './staffGateway.js';
import type { VisitorNamespace } from './visitorGateway.js';

export interface Broadcaster {
  dispatch(effects: readonly Effect[]): void;
}

export function createBroadcaster(deps: {
  visitors: VisitorNamespace;
  staff: StaffNamespace;
  app: AppServices;
  metrics: Metrics;
  logger: Logger;
  addressBlocks: AddressBlockList;
  trustProxy: TrustedProxies;
  now: () => number;
}): Broadcaster {
  const { visitors, staff, app, metrics, logger } = deps;
  const fail = (what: string) => (error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error) }, `broadcast of ${what} failed`);

  const send = async (effects: readonly Effect[]) => {
    // Only queue items need it: a message costs no settings read.
    const needsTimeout = effects.some((e) => e.type === 'offer.made' || e.type === 'queue.changed');
    const offerTimeoutMs = needsTimeout ? (await app.queue.steps.settings()).offerTimeoutSeconds * 1000 : 0;
    const board: BoardDiff = { now: deps.now() };
    let boardChanged = false;
    for (const effect of effects) {
      metrics.pushes.inc({ kind: effect.type }, effect.type === 'queue.positions' ? effect.positions.length : 1);
      switch (effect.type) {
        case 'message.stored': {
          const room = rooms.conversation(effect.message.conversationId);
          visitors.to(room).emit('message', effect.message);
          // Staff alone get the translation of her message; the visitor sees her own words.
          staff.to(room).emit('message', effect.translation ? { ...effect.message, translation: effect.translation } : effect.message);
          if (effect.commitMs > 0) metrics.messageCommitSeconds.observe(effect.commitMs / 1000);
          break;
        }
        case 'note.added':
          // Staff in the conversation's room see it; the visitor namespace never does.
          staff.to(rooms.conversation(effect.conversationId)).emit('note', { conversationId: effect.conversationId, note: presentNote(effect.note) });
          break;
        case 'conversation.changed': {
          const c = effect.conversation;
          const room = rooms.conversation(c.id);
          visitors.to(room).emit('chat:state', presentForVisitor(c, effect.counsellorName));
          // The former holder's tabs left the room; they still learn where the chat went.
          const holders = new Set([...effect.formerHolders, ...(c.counsellorId ? [c.counsellorId] : [])]);
          staff.to([room, ...[...holders].map(rooms.staffMember)]).emit('conversation:update', presentForStaff(c, effect.counsellorName));
          break;
        }
        case 'room.left':
          staff.in(rooms.staffMember(effect.staffId)).socketsLeave(rooms.conversation(effect.conversationId));
          break;
        case 'room.joined':
          // Her other tabs (and those on other nodes) follow the chat she took.
          staff.in(rooms.staffMember(effect.staffId)).socketsJoin(rooms.conversation(effect.conversationId));
          break;
        case 'offer.made':
          staff.to(rooms.staffMember(effect.counsellorId)).emit('offer', { item: presentQueueItem(effect.chat, offerTimeoutMs) });
          break;
        case 'queue.changed': {
          const diff = { upserted: effect.upserted.map((q) => presentQueueItem(q, offerTimeoutMs)), removed: [...effect.removed] };
          staff.to(rooms.queueWatchers).emit('queue:diff', diff);
          board.queue = diff;
          boardChanged = true;
          break;
        }
        case 'queue.positions':
          // Each waiting visitor hears only her own place, and only when it changed.
          for (const p of effect.positions) visitors.to(rooms.conversation(p.conversationId)).emit('chat:queue', p.status);
          break;
        case 'board.changed': {
          if (effect.counsellors.length > 0) board.counsellors = [...effect.counsellors];
          if (effect.activeUpserted.length > 0 || effect.activeRemoved.length > 0) {
            const names = await app.names.many(effect.activeUpserted.map((c) => c.counsellorId).filter((id): id is string => id !== null));
            board.active = {
              upserted: effect.activeUpserted.map((c) => presentForStaff(c, c.counsellorId ? (names.get(c.counsellorId) ?? null) : null)),
              removed: [...effect.activeRemoved],
            };
          }
          boardChanged = true;
          break;
        }
        case 'counsellor.status':
          staff.to(rooms.staffMember(effect.counsellorId)).emit('status:update', { status: effect.status, reason: effect.reason });
          break;
        case 'danger.seen': {
          const alert = { conversationId: effect.conversationId, priority: effect.priority, reasons: presentReasons(effect.reasons) };
          if (effect.counsellorId) staff.to(rooms.staffMember(effect.counsellorId)).emit('danger', alert);
          board.danger = alert;
          boardChanged = true;
          break;
        }
        case 'typing':
          if (effect.from === 'visitor') staff.to(rooms.conversation(effect.conversationId)).emit('typing', { conversationId: effect.conversationId, typing: effect.typing });
          else visitors.to(rooms.conversation(effect.conversationId)).emit('typing', { conversationId: effect.conversationId, typing: effect.typing });
          break;
        case 'visitor.blocked':
          // A blocked visitor without a return code could start again from a fresh tab: for a short
          // cooling-off time the address she is connected from is refused too (hashed, in memory).
          visitors
            .in(rooms.conversation(effect.conversationId))
            .fetchSockets()
            .then((sockets) => {
              for (const socket of sockets) deps.addressBlocks.block(socketAddress(socket, deps.trustProxy), effect.until);
            })
            .catch(fail('visitor block'));
          break;
        case 'session.ended':
          // One ended session closes only its own sockets; sessionId null means all of that person's.
          staff
            .in(rooms.staffMember(effect.staffId))
            .fetchSockets()
            .then((sockets) => {
              for (const socket of sockets) {
                const data = socket.data as { auth?: { session: { id: string } } };
                if (effect.sessionId !== null && data.auth?.session.id !== effect.sessionId) continue;
                socket.emit('session:ended');
                socket.disconnect(true);
              }
            })
            .catch(fail('session end'));
          break;
        case 'service.changed':
          board.availability = effect.availability;
          boardChanged = true;
          break;
        case 'arrivals.burst':
          staff.to(rooms.supervisors).emit('board:alert', effect.alert);
          break;
      }
    }
    if (boardChanged) staff.to(rooms.supervisors).emit('board:diff', board);
  };

  return {
    dispatch(effects) {
      if (effects.length === 0) return;
      send(effects).catch(fail('effects'));
    },
  };
}
