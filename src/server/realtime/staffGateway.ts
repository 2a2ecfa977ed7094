// The staff side of the socket server: authenticated by the session cookie, every event
// authorised by role, and a counsellor only ever sees the conversations she holds.
import type { Namespace, Socket } from 'socket.io';
import { fastifyCookie } from '@fastify/cookie';
import {
  conversationRefSchema,
  staffResumeSchema,
  staffSendSchema,
  staffTypingSchema,
  type StaffChatSnapshot,
  type StaffClientToServer,
  type StaffServerToClient,
} from '../../protocol/staffProtocol.js';
import type { AppContext } from '../appContext.js';
import { can, type Permission } from '../auth/permissions.js';
import { sessionCookieName, type AuthenticatedStaff } from '../auth/staffSessions.js';
import { ServiceError } from '../conversations/serviceError.js';
import { presentForStaff } from '../conversations/conversationPresenter.js';
import type { Conversation } from '../../store/conversationRepository.js';
import { RateLimiter } from './rateLimiter.js';
import { rooms } from './rooms.js';
import { withAck, withAckOnly, withoutAck } from './socketHandler.js';

interface StaffSocketData {
  auth: AuthenticatedStaff;
  token: string;
  checkedAt: number;
}

export type StaffNamespace = Namespace<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;
type StaffSocket = Socket<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;

export function attachStaffGateway(ns: StaffNamespace, ctx: AppContext, typingTo: (conversationId: string, typing: boolean) => void) {
  ns.use(async (socket, next) => {
    try {
      // Refuse cross-site WebSocket connections: the cookie alone must not be enough.
      const origin = socket.handshake.headers.origin;
      const host = socket.handshake.headers.host;
      if (origin && host && new URL(origin).host !== host) return next(new Error('forbidden'));
      const token = fastifyCookie.parse(socket.handshake.headers.cookie ?? '')[sessionCookieName];
      const auth = token ? await ctx.sessions.authenticate(token) : undefined;
      if (!auth || !token) return next(new Error('unauthenticated'));
      socket.data.auth = auth;
      socket.data.token = token;
      socket.data.checkedAt = ctx.clock.now();
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  ns.on('connection', async (socket: StaffSocket) => {
    const deps = { logger: ctx.logger, metrics: ctx.metrics, limiter: new RateLimiter(60, 6) };
    const staff = () => socket.data.auth.staff;

    // Re-check the session now and then, so a logout or a disabled account takes effect
    // on open sockets too (the event bus also disconnects them at once on this node).
    const authorise = async (permission: Permission) => {
      if (ctx.clock.now() - socket.data.checkedAt > 60_000) {
        const auth = await ctx.sessions.authenticate(socket.data.token);
        if (!auth) {
          socket.emit('session:ended');
          socket.disconnect(true);
          throw new ServiceError('unauthenticated', 'your session has ended');
        }
        socket.data.auth = auth;
        socket.data.checkedAt = ctx.clock.now();
      }
      if (!can(staff().role, permission)) throw new ServiceError('forbidden', 'your role does not allow this');
    };

    const ownConversation = async (conversationId: string): Promise<Conversation> => {
      const conversation = await ctx.conversations.get(conversationId);
      if (conversation.counsellorId !== staff().id && !can(staff().role, 'chat:supervise')) {
        throw new ServiceError('forbidden', 'not your conversation');
      }
      return conversation;
    };

    // Every time staff read a transcript, the audit log says who, which and when.
    const snapshot = async (conversation: Conversation, afterSeq: number): Promise<StaffChatSnapshot> => {
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: staff().id,
        action: 'transcript.view',
        targetType: 'conversation',
        targetId: conversation.id,
        detail: { afterSeq },
      });
      return {
        conversation: presentForStaff(conversation, await ctx.conversations.counsellorName(conversation.counsellorId)),
        messages: await ctx.conversations.messagesAfter(conversation.id, afterSeq),
      };
    };

    socket.on(
      'queue:list',
      withAckOnly(deps, 'queue:list', async () => {
        await authorise('chat:handle');
        return { waiting: await ctx.conversations.queue() };
      }),
    );

    socket.on(
      'conversation:mine',
      withAckOnly(deps, 'conversation:mine', async () => {
        await authorise('chat:handle');
        const mine = await ctx.conversations.forCounsellor(staff().id);
        return {
          conversations: await Promise.all(
            mine.map(async (c) => presentForStaff(c, await ctx.conversations.counsellorName(c.counsellorId))),
          ),
        };
      }),
    );

    socket.on(
      'conversation:accept',
      withAck(deps, 'conversation:accept', conversationRefSchema, async ({ conversationId }) => {
        await authorise('chat:handle');
        const conversation = await ctx.conversations.accept(conversationId, staff());
        await socket.join(rooms.conversation(conversation.id));
        return snapshot(conversation, 0);
      }),
    );

    socket.on(
      'conversation:resume',
      withAck(deps, 'conversation:resume', staffResumeSchema, async ({ conversationId, afterSeq }) => {
        await authorise('chat:handle');
        const conversation = await ownConversation(conversationId);
        await socket.join(rooms.conversation(conversation.id));
        return snapshot(conversation, afterSeq);
      }),
    );

    socket.on(
      'message:send',
      withAck(deps, 'message:send', staffSendSchema, async ({ conversationId, clientId, body }) => {
        await authorise('chat:handle');
        const { message } = await ctx.conversations.sendMessage({
          conversationId,
          sender: { kind: 'staff', staff: staff() },
          clientId,
          body,
        });
        return { message };
      }),
    );

    socket.on(
      'typing',
      withoutAck(deps, staffTypingSchema, async ({ conversationId, typing }) => {
        await authorise('chat:handle');
        const conversation = await ownConversation(conversationId);
        if (conversation.status === 'active') typingTo(conversationId, typing);
      }),
    );

    socket.on(
      'conversation:end',
      withAck(deps, 'conversation:end', conversationRefSchema, async ({ conversationId }) => {
        await authorise('chat:handle');
        const conversation = await ownConversation(conversationId);
        const ended = await ctx.conversations.end(conversation.id, 'counsellor', { kind: 'staff', staffId: staff().id });
        return { conversation: presentForStaff(ended, await ctx.conversations.counsellorName(ended.counsellorId)) };
      }),
    );

    // Join the rooms this person belongs in. Done after the handlers are registered so no
    // early event is missed.
    try {
      await socket.join(rooms.staffMember(staff().id));
      if (can(staff().role, 'chat:handle')) {
        await socket.join(rooms.queueWatchers);
        const held = await ctx.conversations.forCounsellor(staff().id);
        await socket.join(held.map((c) => rooms.conversation(c.id)));
      }
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'staff socket setup failed');
      socket.disconnect(true);
    }
  });
}
