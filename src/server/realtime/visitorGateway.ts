// The visitor side of the socket server: parse, call the use case, present, and hand what it
// changed to the broadcaster. A visitor is anonymous: she is known only by the random token
// her tab holds, which maps to exactly one conversation.
import type { Namespace, Socket } from 'socket.io';
import {
  startChatSchema,
  visitorEndSchema,
  visitorHandshakeSchema,
  visitorResumeSchema,
  visitorSendSchema,
  visitorTypingSchema,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '../../protocol/visitorProtocol.js';
import { isOpen } from '../../domain/conversation/conversationLifecycle.js';
import type { AppContext } from '../appContext.js';
import { ServiceError } from '../../app/serviceError.js';
import type { Outcome } from '../../app/effects.js';
import type { VisitorChatView } from '../../app/conversations/visitorChats.js';
import { presentForVisitor } from '../presenters/conversationPresenter.js';
import { RateLimiter } from './rateLimiter.js';
import { socketAddress } from './socketAddress.js';
import { rooms } from './rooms.js';
import { withAck, withAckOnly, withoutAck } from './socketHandler.js';
import type { Broadcaster } from './broadcasts.js';

interface VisitorSocketData {
  conversationId: string | null;
  /** The tab token the page reconnected with, if any (to recognise a blocked visitor). */
  tabToken: string | null;
}

export type VisitorNamespace = Namespace<VisitorClientToServer, VisitorServerToClient, Record<string, never>, VisitorSocketData>;
type VisitorSocket = Socket<VisitorClientToServer, VisitorServerToClient, Record<string, never>, VisitorSocketData>;

const presentChat = (chat: VisitorChatView) => ({ conversation: presentForVisitor(chat.conversation, chat.counsellorName), messages: chat.messages });

export function attachVisitorGateway(ns: VisitorNamespace, ctx: AppContext, broadcaster: Broadcaster) {
  const { visitorChats } = ctx.app;
  const run = async <T>(work: Promise<Outcome<T>>): Promise<T> => {
    const { value, effects } = await work;
    broadcaster.dispatch(effects);
    return value;
  };

  ns.use(async (socket, next) => {
    socket.data.conversationId = null;
    socket.data.tabToken = null;
    const auth = visitorHandshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success || !auth.data.token) return next();
    socket.data.tabToken = auth.data.token;
    try {
      // Back after a reload or a lost connection: the same chat, offered again if she was away.
      const conversation = await run(visitorChats.attach(auth.data.token));
      if (conversation) {
        socket.data.conversationId = conversation.id;
        // An ended chat has nothing more to hear: a restored tab only learns that it ended.
        if (isOpen(conversation.status)) await socket.join(rooms.conversation(conversation.id));
      }
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error('unavailable'));
    }
  });

  ns.on('connection', (socket: VisitorSocket) => {
    const deps = { logger: ctx.logger, metrics: ctx.metrics, limiter: new RateLimiter(30, 3) };
    const address = () => socketAddress(socket, ctx.config.trustProxy);
    const own = () => {
      const id = socket.data.conversationId;
      if (!id) throw new ServiceError('not_found', 'no conversation in this tab; start a chat first');
      return id;
    };

    // When her last connection anywhere in the cluster goes while she waits, her place is held
    // but she is offered to nobody: a counsellor must not accept a chat with an empty tab.
    socket.on('disconnect', () => {
      const id = socket.data.conversationId;
      if (!id || ctx.shuttingDown) return;
      ns.in(rooms.conversation(id))
        .fetchSockets()
        .then((left) => (left.length === 0 ? run(visitorChats.connectionLost(id)) : undefined))
        .catch((error: unknown) => ctx.logger.warn({ err: String(error) }, 'visitor presence update failed'));
    });

    socket.on(
      'chat:start',
      withAck(deps, 'chat:start', startChatSchema, async (input) => {
        if (socket.data.conversationId) {
          const current = await visitorChats.conversation(socket.data.conversationId);
          if (isOpen(current.status)) throw new ServiceError('conflict', 'this tab already has an open chat');
          await socket.leave(rooms.conversation(socket.data.conversationId));
        }
        if (input.returnCode && !ctx.returnCodeLimiter.take(address())) throw new ServiceError('rate_limited', 'too many return codes tried; wait a while');
        let started;
        try {
          started = await visitorChats.start({
              nickname: input.nickname,
              language: input.language,
              preChat: input.preChat as Record<string, string> | undefined,
              returnCode: input.returnCode,
              tabToken: socket.data.tabToken ?? undefined,
              source: ctx.app.arrivals.sourceOf(address()),
              addressBlocked: ctx.addressBlocks.isBlocked(address()),
            });
        } catch (error) {
          // A refusal may still carry something to announce (a burst of arrivals from one source).
          const effects = (error as { effects?: Parameters<Broadcaster['dispatch']>[0] }).effects;
          if (effects) broadcaster.dispatch(effects);
          throw error;
        }
        const { chat, token } = started.value;
        // Counted apart from the chat: the source is never written on the conversation.
        await ctx.app.visibility.chatStarted(input.via, input.howFound).catch((error: unknown) =>
          ctx.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'visibility count failed'),
        );
        socket.data.conversationId = chat.conversation.id;
        // In the room before anything is announced: her first place in the queue is for her.
        await socket.join(rooms.conversation(chat.conversation.id));
        broadcaster.dispatch(started.effects);
        return { token, ...presentChat(chat) };
      }),
    );

    socket.on(
      'returnCode:create',
      withAckOnly(deps, 'returnCode:create', async () => ({ code: await visitorChats.createReturnCode(own()) })),
    );

    socket.on(
      'chat:resume',
      withAck(deps, 'chat:resume', visitorResumeSchema, async ({ afterSeq }) => {
        const { chat, queue } = await visitorChats.resume(own(), afterSeq);
        // After a reload she sees her place in the queue at once, not at the next change.
        if (queue) setTimeout(() => socket.emit('chat:queue', queue), 0);
        return presentChat(chat);
      }),
    );

    socket.on(
      'message:send',
      withAck(deps, 'message:send', visitorSendSchema, async ({ clientId, body }) => ({ message: (await run(visitorChats.send(own(), clientId, body))).message })),
    );

    socket.on(
      'typing',
      withoutAck(deps, 'typing', visitorTypingSchema, ({ typing }) => {
        if (socket.data.conversationId) broadcaster.dispatch([{ type: 'typing', conversationId: socket.data.conversationId, from: 'visitor', typing }]);
      }),
    );

    socket.on(
      'chat:end',
      withAck(deps, 'chat:end', visitorEndSchema, async ({ reason }) => {
        const { conversation, counsellorName } = await run(visitorChats.end(own(), reason));
        return { conversation: presentForVisitor(conversation, counsellorName) };
      }),
    );
  });
}
