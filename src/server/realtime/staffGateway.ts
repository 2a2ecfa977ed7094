// The staff side of the socket server: authenticated by the session cookie, every event
// authorised by role, and a counsellor only ever sees the conversations she holds.
import type { Namespace, Socket } from 'socket.io';
import { fastifyCookie } from '@fastify/cookie';
import {
  addNoteSchema,
  conversationRefSchema,
  joinSchema,
  warnSchema,
  setPrioritySchema,
  setStatusSchema,
  staffResumeSchema,
  transferSchema,
  staffSendSchema,
  staffTypingSchema,
  type CounsellorStatusName,
  type StaffChatSnapshot,
  type StaffClientToServer,
  type StaffServerToClient,
} from '../../protocol/staffProtocol.js';
import type { AppContext } from '../appContext.js';
import { can, staffEventPermissions, type Permission } from '../auth/permissions.js';
import { sessionCookieName, type AuthenticatedStaff } from '../auth/staffSessions.js';
import { ServiceError } from '../../app/serviceError.js';
import { presentForStaff } from '../conversations/conversationPresenter.js';
import type { Conversation } from '../../store/conversationRepository.js';
import { RateLimiter } from './rateLimiter.js';
import { expectedStaffOrigin, staffOriginAllowed } from './staffOrigin.js';
import { rooms } from './rooms.js';
import type { StaffSessionWatch } from './staffSessionWatch.js';
import { withAck, withAckOnly, withoutAck, type HandlerDeps } from './socketHandler.js';
import { boardSnapshot, counsellorViews } from '../queue/board.js';

interface StaffSocketData {
  auth: AuthenticatedStaff;
  token: string;
  checkedAt: number;
}

export type StaffNamespace = Namespace<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;
type StaffSocket = Socket<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;

export function attachStaffGateway(ns: StaffNamespace, ctx: AppContext, sessionWatch: StaffSessionWatch, typingTo: (conversationId: string, typing: boolean) => void) {
  ns.use(async (socket, next) => {
    try {
      // Refuse cross-site WebSocket connections: the cookie alone must not be enough.
      const expected = expectedStaffOrigin({
        publicUrl: ctx.config.publicUrl,
        headers: socket.handshake.headers,
        secure: socket.handshake.secure,
        trustProxy: ctx.config.trustProxy,
      });
      if (!staffOriginAllowed(socket.handshake.headers.origin, expected)) return next(new Error('forbidden'));
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
    const deps: HandlerDeps = {
      logger: ctx.logger,
      metrics: ctx.metrics,
      limiter: new RateLimiter(60, 6),
      authorise: (event) => authorise(staffEventPermissions[event as keyof typeof staffEventPermissions] ?? 'staff:none'),
    };
    const staff = () => socket.data.auth.staff;

    // Re-check the session now and then, so a logout or a disabled account takes effect
    // on open sockets too (the event bus also disconnects them at once on this node).
    const authorise = async (permission: Permission | 'staff:none') => {
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
      if (permission === 'staff:none' || !can(staff().role, permission)) throw new ServiceError('forbidden', 'your role does not allow this');
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
        notes: await ctx.conversations.notes(conversation.id),
      };
    };

    socket.on(
      'queue:list',
      withAckOnly(deps, 'queue:list', async () => {
        return { waiting: await ctx.conversations.queueItems() };
      }),
    );

    socket.on(
      'conversation:mine',
      withAckOnly(deps, 'conversation:mine', async () => {
        const mine = await ctx.conversations.forCounsellor(staff().id);
        const presence = await ctx.repos.store.db.selectFrom('counsellor_presence').select('status').where('staff_id', '=', staff().id).executeTakeFirst();
        return {
          status: (presence?.status ?? 'offline') as CounsellorStatusName,
          conversations: await Promise.all(
            mine.map(async (c) => presentForStaff(c, await ctx.conversations.counsellorName(c.counsellorId))),
          ),
        };
      }),
    );

    socket.on(
      'conversation:accept',
      withAck(deps, 'conversation:accept', conversationRefSchema, async ({ conversationId }) => {
        const conversation = await ctx.conversations.accept(conversationId, staff());
        await socket.join(rooms.conversation(conversation.id));
        return snapshot(conversation, 0);
      }),
    );

    socket.on(
      'conversation:resume',
      withAck(deps, 'conversation:resume', staffResumeSchema, async ({ conversationId, afterSeq }) => {
        const conversation = await ownConversation(conversationId);
        await socket.join(rooms.conversation(conversation.id));
        return snapshot(conversation, afterSeq);
      }),
    );

    socket.on(
      'message:send',
      withAck(deps, 'message:send', staffSendSchema, async ({ conversationId, clientId, body }) => {
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
      withoutAck(deps, 'typing', staffTypingSchema, async ({ conversationId, typing }) => {
        const conversation = await ownConversation(conversationId);
        if (conversation.status === 'active') typingTo(conversationId, typing);
      }),
    );

    socket.on(
      'conversation:end',
      withAck(deps, 'conversation:end', conversationRefSchema, async ({ conversationId }) => {
        const conversation = await ownConversation(conversationId);
        const ended = await ctx.conversations.end(conversation.id, 'counsellor', { kind: 'staff', staffId: staff().id });
        return { conversation: presentForStaff(ended, await ctx.conversations.counsellorName(ended.counsellorId)) };
      }),
    );

    socket.on(
      'conversation:warn',
      withAck(deps, 'conversation:warn', warnSchema, async ({ conversationId, reason }) => {
        const conversation = await ownConversation(conversationId);
        if (conversation.status !== 'active') throw new ServiceError('invalid_state', 'only a chat in progress can be warned in');
        await ctx.conversations.warnVisitor(conversation.id, staff(), reason);
        return { ok: true as const };
      }),
    );

    socket.on(
      'conversation:decline',
      withAck(deps, 'conversation:decline', conversationRefSchema, async ({ conversationId }) => {
        await ctx.conversations.decline(conversationId, staff());
        return { ok: true as const };
      }),
    );

    socket.on(
      'queue:pullNext',
      withAckOnly(deps, 'queue:pullNext', async () => {
        const conversation = await ctx.conversations.pullNext(staff());
        await socket.join(rooms.conversation(conversation.id));
        return snapshot(conversation, 0);
      }),
    );

    socket.on(
      'status:set',
      withAck(deps, 'status:set', setStatusSchema, async ({ status }) => {
        await ctx.conversations.setStatus(staff(), status);
        return { status };
      }),
    );

    socket.on(
      'conversation:transfer',
      withAck(deps, 'conversation:transfer', transferSchema, async ({ conversationId, toCounsellorId, note }) => {
        if (toCounsellorId) {
          const colleague = await ctx.repos.staff.findById(toCounsellorId);
          if (!colleague || colleague.disabled || !can(colleague.role, 'chat:handle')) throw new ServiceError('not_found', 'no such colleague');
        }
        await ctx.conversations.transfer(conversationId, staff(), toCounsellorId, note);
        await socket.leave(rooms.conversation(conversationId));
        return { ok: true as const };
      }),
    );

    socket.on(
      'conversation:setPriority',
      withAck(deps, 'conversation:setPriority', setPrioritySchema, async ({ conversationId, priority }) => {
        await ctx.conversations.setPriority(conversationId, priority, staff());
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: staff().id, action: 'conversation.priority', targetType: 'conversation', targetId: conversationId, detail: { priority } });
        return { ok: true as const };
      }),
    );

    socket.on(
      'note:add',
      withAck(deps, 'note:add', addNoteSchema, async ({ conversationId, kind, body }) => {
        await authorise(kind === 'whisper' ? 'chat:supervise' : 'chat:handle');
        await ownConversation(conversationId);
        await ctx.conversations.addNote(conversationId, staff(), kind, body);
        const notes = await ctx.conversations.notes(conversationId);
        const note = notes.at(-1)!;
        // Staff in the conversation's room see it; the visitor namespace never does.
        ns.to(rooms.conversation(conversationId)).emit('note', { conversationId, note });
        return { note };
      }),
    );

    socket.on(
      'conversation:join',
      withAck(deps, 'conversation:join', joinSchema, async ({ conversationId, visible }) => {
        const conversation = await ctx.conversations.get(conversationId);
        await socket.join(rooms.conversation(conversationId));
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: staff().id, action: visible ? 'conversation.join_visible' : 'conversation.join_silent', targetType: 'conversation', targetId: conversationId });
        if (visible && conversation.status === 'active') {
          await ctx.conversations.announceSupervisor(conversationId, staff());
        }
        return snapshot(conversation, 0);
      }),
    );

    socket.on(
      'board:get',
      withAckOnly(deps, 'board:get', async () => {
        await socket.join(rooms.supervisors);
        return boardSnapshot(ctx.repos, ctx.conversations, ctx.clock.now(), ctx.arrivals.alerts());
      }),
    );

    socket.on(
      'colleagues:list',
      withAckOnly(deps, 'colleagues:list', async () => {
        return { counsellors: (await counsellorViews(ctx.repos)).filter((c) => c.id !== staff().id) };
      }),
    );

    const unwatch = sessionWatch.watch(socket);
    socket.on('disconnect', () => {
      unwatch();
      // Only when her last socket anywhere in the cluster is gone does the grace period start.
      ns.in(rooms.staffMember(staff().id))
        .fetchSockets()
        .then((left) => (left.length === 0 ? ctx.conversations.counsellorDisconnected(staff().id) : undefined))
        .catch((error: unknown) => ctx.logger.warn({ err: String(error) }, 'presence update failed'));
    });

    // Join the rooms this person belongs in. Done after the handlers are registered so no
    // early event is missed.
    try {
      await socket.join(rooms.staffMember(staff().id));
      if (can(staff().role, 'chat:handle')) {
        await socket.join(rooms.queueWatchers);
        await ctx.conversations.counsellorConnected(staff());
        const held = await ctx.conversations.forCounsellor(staff().id);
        await socket.join(held.map((c) => rooms.conversation(c.id)));
      }
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'staff socket setup failed');
      socket.disconnect(true);
    }
  });
}
