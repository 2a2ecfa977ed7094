// The visitor side of the socket server. A visitor is anonymous: she is known only by the
// random token her tab holds, which maps to exactly one conversation.
import type { Namespace, Socket } from 'socket.io';
import {
  startChatSchema,
  visitorEndSchema,
  visitorHandshakeSchema,
  visitorResumeSchema,
  visitorSendSchema,
  visitorTypingSchema,
  type VisitorChatSnapshot,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '../../protocol/visitorProtocol.js';
import { isOpen } from '../../domain/conversation/conversationLifecycle.js';
import type { AppContext } from '../appContext.js';
import { ServiceError } from '../../app/serviceError.js';
import { presentForVisitor } from '../conversations/conversationPresenter.js';
import { RateLimiter } from './rateLimiter.js';
import { socketAddress } from './socketAddress.js';
import { visitorBlockedError, visitorBlockedUntil } from '../http/blocks/visitorBlocks.js';
import { visitorQueueStatuses } from '../queue/board.js';
import { rooms } from './rooms.js';
import { withAck, withAckOnly, withoutAck } from './socketHandler.js';
import { visitorAwayGrace } from '../queue/queueCoordinator.js';
import type { Conversation } from '../../store/conversationRepository.js';

interface VisitorSocketData {
  conversationId: string | null;
  /** The tab token the page reconnected with, if any (to recognise a blocked visitor). */
  tabToken: string | null;
}

export type VisitorNamespace = Namespace<VisitorClientToServer, VisitorServerToClient, Record<string, never>, VisitorSocketData>;
type VisitorSocket = Socket<VisitorClientToServer, VisitorServerToClient, Record<string, never>, VisitorSocketData>;

export function attachVisitorGateway(ns: VisitorNamespace, ctx: AppContext, typingTo: (conversationId: string, typing: boolean) => void) {
  ns.use(async (socket, next) => {
    socket.data.conversationId = null;
    socket.data.tabToken = null;
    const auth = visitorHandshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (auth.success && auth.data.token) {
      socket.data.tabToken = auth.data.token;
      try {
        const conversation = await ctx.conversations.findByVisitorToken(auth.data.token);
        if (conversation) {
          socket.data.conversationId = conversation.id;
          // An ended chat has nothing more to hear: a restored tab only learns that it ended.
          if (isOpen(conversation.status)) await socket.join(rooms.conversation(conversation.id));
          // Back after a reload or a lost connection: she is offered to counsellors again.
          if (conversation.visitorAwayUntil !== null) await ctx.conversations.visitorBack(conversation.id);
        }
      } catch (error) {
        return next(error instanceof Error ? error : new Error('unavailable'));
      }
    }
    next();
  });

  ns.on('connection', (socket: VisitorSocket) => {
    const deps = { logger: ctx.logger, metrics: ctx.metrics, limiter: new RateLimiter(30, 3) };

    // When her last connection anywhere in the cluster goes while she waits, her place is held
    // but she is offered to nobody: a counsellor must not accept a chat with an empty tab.
    socket.on('disconnect', () => {
      const id = socket.data.conversationId;
      if (!id || ctx.shuttingDown) return;
      ns.in(rooms.conversation(id))
        .fetchSockets()
        .then(async (left) => {
          if (left.length > 0) return;
          const conversation = await ctx.repos.conversations.findById(id);
          if (conversation && (conversation.status === 'waiting' || conversation.status === 'offered') && conversation.visitorAwayUntil === null) {
            await ctx.conversations.visitorAway(id, visitorAwayGrace.connectionLostMs);
          }
        })
        .catch((error: unknown) => ctx.logger.warn({ err: String(error) }, 'visitor presence update failed'));
    });

    // After the end the tab's token shows only the end screen, never the messages: a browser
    // restores a closed tab's sessionStorage, so whoever picks up her phone could read the chat.
    const snapshot = async (conversation: Conversation, afterSeq: number): Promise<VisitorChatSnapshot> => ({
      conversation: presentForVisitor(conversation, await ctx.conversations.counsellorName(conversation.counsellorId)),
      messages: isOpen(conversation.status) ? await ctx.conversations.messagesAfter(conversation.id, afterSeq) : [],
    });

    const own = () => {
      const id = socket.data.conversationId;
      if (!id) throw new ServiceError('not_found', 'no conversation in this tab; start a chat first');
      return id;
    };

    socket.on(
      'chat:start',
      withAck(deps, 'chat:start', startChatSchema, async (input) => {
        if (socket.data.conversationId) {
          const current = await ctx.conversations.get(socket.data.conversationId);
          if (isOpen(current.status)) throw new ServiceError('conflict', 'this tab already has an open chat');
          await socket.leave(rooms.conversation(current.id));
        }
        if (input.returnCode && !ctx.returnCodeLimiter.take(socketAddress(socket, ctx.config.trustProxy))) {
          throw new ServiceError('rate_limited', 'too many return codes tried; wait a while');
        }
        const returning = input.returnCode ? await ctx.returnCodes.redeem(input.returnCode) : undefined;
        // A blocked visitor gets the same neutral answer as a closed service.
        const blocked = await visitorBlockedUntil(ctx.repos, ctx.clock.now(), { token: socket.data.tabToken ?? undefined, visitorKey: returning?.visitorKey });
        if (blocked !== null || ctx.addressBlocks.isBlocked(socketAddress(socket, ctx.config.trustProxy))) throw visitorBlockedError();
        if (input.returnCode && !returning) throw new ServiceError('not_found', 'this return code is not known (any more)');
        const { conversation, token } = await ctx.conversations.startVisitorChat({
          nickname: input.nickname,
          language: input.language,
          preChat: input.preChat as Record<string, string> | undefined,
          visitorKey: returning?.visitorKey ?? null,
          preferredCounsellorId: returning?.preferredCounsellorId ?? null,
          source: ctx.arrivals.sourceOf(socketAddress(socket, ctx.config.trustProxy)),
        });
        socket.data.conversationId = conversation.id;
        await socket.join(rooms.conversation(conversation.id));
        return { token, ...(await snapshot(conversation, 0)) };
      }),
    );

    socket.on(
      'returnCode:create',
      withAckOnly(deps, 'returnCode:create', async () => ({ code: await ctx.returnCodes.create(own()) })),
    );

    socket.on(
      'chat:resume',
      withAck(deps, 'chat:resume', visitorResumeSchema, async ({ afterSeq }) => {
        const conversation = await ctx.conversations.get(own());
        if (conversation.status === 'waiting' || conversation.status === 'offered') {
          // After a reload she sees her place in the queue at once, not at the next change.
          const status = (await visitorQueueStatuses(ctx.repos, ctx.clock.now())).get(conversation.id);
          if (status) setTimeout(() => socket.emit('chat:queue', status), 0);
        }
        return snapshot(conversation, afterSeq);
      }),
    );

    socket.on(
      'message:send',
      withAck(deps, 'message:send', visitorSendSchema, async ({ clientId, body }) => {
        const { message } = await ctx.conversations.sendMessage({ conversationId: own(), sender: { kind: 'visitor' }, clientId, body });
        return { message };
      }),
    );

    socket.on(
      'typing',
      withoutAck(deps, 'typing', visitorTypingSchema, ({ typing }) => {
        if (socket.data.conversationId) typingTo(socket.data.conversationId, typing);
      }),
    );

    socket.on(
      'chat:end',
      withAck(deps, 'chat:end', visitorEndSchema, async ({ reason }) => {
        const current = await ctx.conversations.get(own());
        const ended = isOpen(current.status)
          ? await ctx.conversations.end(current.id, reason, { kind: 'visitor' })
          : current;
        return { conversation: presentForVisitor(ended, await ctx.conversations.counsellorName(ended.counsellorId)) };
      }),
    );
  });
}
