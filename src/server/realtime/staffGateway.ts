// The staff side of the socket server: authenticated by the session cookie, every event
// authorised by role before its payload is read; then parse, call the use case, present, and
// hand what it changed to the broadcaster. Whether this person may touch this chat is decided
// by the application layer's policies.
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
  type StaffClientToServer,
  type StaffServerToClient,
} from '../../protocol/staffProtocol.js';
import type { AppContext } from '../appContext.js';
import { can, staffEventPermissions, type Permission } from '../auth/permissions.js';
import { sessionCookieName, type AuthenticatedStaff } from '../auth/staffSessions.js';
import { ServiceError } from '../../app/serviceError.js';
import type { Outcome } from '../../app/effects.js';
import type { StaffCapabilities } from '../../app/policies/conversationPolicy.js';
import { presentBoard, presentForStaff, presentNote, presentQueueItem, presentStaffChat } from '../presenters/conversationPresenter.js';
import { RateLimiter } from './rateLimiter.js';
import { expectedStaffOrigin, staffOriginAllowed } from './staffOrigin.js';
import { rooms } from './rooms.js';
import type { StaffSessionWatch } from './staffSessionWatch.js';
import { withAck, withAckOnly, withoutAck, type HandlerDeps } from './socketHandler.js';
import type { Broadcaster } from './broadcasts.js';
import { serviceAvailability } from '../../app/queue/serviceAvailability.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';

interface StaffSocketData {
  auth: AuthenticatedStaff;
  token: string;
  checkedAt: number;
}

export type StaffNamespace = Namespace<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;
type StaffSocket = Socket<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;

export function attachStaffGateway(ns: StaffNamespace, ctx: AppContext, sessionWatch: StaffSessionWatch, broadcaster: Broadcaster) {
  const { counsellorChats, supervision, queue } = ctx.app;
  const run = async <T>(work: Promise<Outcome<T>>): Promise<T> => {
    const { value, effects } = await work;
    broadcaster.dispatch(effects);
    return value;
  };

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
    const capabilities = (): StaffCapabilities => ({ supervises: can(staff().role, 'chat:supervise'), handlesChats: can(staff().role, 'chat:handle') });

    // Re-check the session now and then, so a logout or a disabled account takes effect
    // on open sockets too (the session watch and the broadcaster also close them at once).
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
    /** A chat as staff receive it: her messages with their translations, when translation is on. */
    const translated = async <T extends { conversation: { language: string }; messages: StoredMessage[] }>(chat: T): Promise<T> => ({
      ...chat,
      messages: await ctx.app.translations.forStaff(chat.conversation.language, chat.messages),
    });
    const offerTimeoutMs = async () => (await queue.steps.settings()).offerTimeoutSeconds * 1000;

    socket.on(
      'queue:list',
      withAckOnly(deps, 'queue:list', async () => {
        const timeout = await offerTimeoutMs();
        return { waiting: (await queue.views.queue()).map((q) => presentQueueItem(q, timeout)) };
      }),
    );

    socket.on(
      'conversation:mine',
      withAckOnly(deps, 'conversation:mine', async () => {
        const mine = await counsellorChats.mine(staff().id);
        return { status: mine.status as CounsellorStatusName, conversations: mine.conversations.map((c) => presentForStaff(c.conversation, c.counsellorName)) };
      }),
    );

    socket.on(
      'conversation:accept',
      withAck(deps, 'conversation:accept', conversationRefSchema, async ({ conversationId }) => {
        const chat = await run(counsellorChats.accept(staff(), conversationId));
        await socket.join(rooms.conversation(conversationId));
        return presentStaffChat(await translated(chat));
      }),
    );

    socket.on(
      'conversation:resume',
      withAck(deps, 'conversation:resume', staffResumeSchema, async ({ conversationId, afterSeq }) => {
        const chat = await counsellorChats.resume(staff(), capabilities(), conversationId, afterSeq);
        await socket.join(rooms.conversation(conversationId));
        return presentStaffChat(await translated(chat));
      }),
    );

    socket.on(
      'message:send',
      withAck(deps, 'message:send', staffSendSchema, async ({ conversationId, clientId, body }) => ({
        message: (await run(counsellorChats.send(staff(), conversationId, clientId, body))).message,
      })),
    );

    socket.on(
      'typing',
      withoutAck(deps, 'typing', staffTypingSchema, async ({ conversationId, typing }) => {
        await run(counsellorChats.typing(staff(), capabilities(), conversationId, typing));
      }),
    );

    socket.on(
      'conversation:end',
      withAck(deps, 'conversation:end', conversationRefSchema, async ({ conversationId }) => {
        const { conversation, counsellorName } = await run(counsellorChats.end(staff(), capabilities(), conversationId));
        return { conversation: presentForStaff(conversation, counsellorName) };
      }),
    );

    socket.on(
      'conversation:warn',
      withAck(deps, 'conversation:warn', warnSchema, async ({ conversationId, reason }) => {
        await run(counsellorChats.warn(staff(), conversationId, reason));
        return { ok: true as const };
      }),
    );

    socket.on(
      'conversation:decline',
      withAck(deps, 'conversation:decline', conversationRefSchema, async ({ conversationId }) => {
        await run(counsellorChats.decline(staff(), conversationId));
        return { ok: true as const };
      }),
    );

    socket.on(
      'queue:pullNext',
      withAckOnly(deps, 'queue:pullNext', async () => {
        const chat = await run(counsellorChats.pullNext(staff()));
        await socket.join(rooms.conversation(chat.conversation.id));
        return presentStaffChat(await translated(chat));
      }),
    );

    socket.on(
      'status:set',
      withAck(deps, 'status:set', setStatusSchema, async ({ status }) => {
        await run(counsellorChats.setStatus(staff(), status));
        return { status };
      }),
    );

    socket.on(
      'conversation:transfer',
      withAck(deps, 'conversation:transfer', transferSchema, async ({ conversationId, toCounsellorId, note }) => {
        const colleagueHandles = async (id: string) => {
          const colleague = await ctx.repos.staff.findById(id);
          return colleague !== undefined && !colleague.disabled && can(colleague.role, 'chat:handle');
        };
        await run(counsellorChats.transfer(staff(), { conversationId, toCounsellorId, note }, colleagueHandles));
        return { ok: true as const };
      }),
    );

    socket.on(
      'conversation:setPriority',
      withAck(deps, 'conversation:setPriority', setPrioritySchema, async ({ conversationId, priority }) => {
        await run(supervision.setPriority(staff(), conversationId, priority));
        return { ok: true as const };
      }),
    );

    socket.on(
      'note:add',
      withAck(deps, 'note:add', addNoteSchema, async ({ conversationId, kind, body }) => {
        await authorise(kind === 'whisper' ? 'chat:supervise' : 'chat:handle');
        const note = await run(counsellorChats.addNote(staff(), capabilities(), { conversationId, kind, body }));
        return { note: presentNote(note) };
      }),
    );

    socket.on(
      'conversation:join',
      withAck(deps, 'conversation:join', joinSchema, async ({ conversationId, visible }) => {
        await socket.join(rooms.conversation(conversationId));
        return presentStaffChat(await translated(await run(supervision.join(staff(), conversationId, visible))));
      }),
    );

    socket.on(
      'board:get',
      withAckOnly(deps, 'board:get', async () => {
        await socket.join(rooms.supervisors);
        const board = await supervision.board();
        const settings = await queue.steps.settings();
        const names = await ctx.app.names.many(board.active.map((c) => c.counsellorId).filter((id): id is string => id !== null));
        const availability = { ...serviceAvailability(settings, ctx.clock.now()), setting: settings.availability };
        return presentBoard(board, names, { now: ctx.clock.now(), offerTimeoutMs: settings.offerTimeoutSeconds * 1000, availability, alerts: ctx.app.arrivals.alerts() });
      }),
    );

    socket.on(
      'colleagues:list',
      withAckOnly(deps, 'colleagues:list', async () => ({ counsellors: (await queue.views.counsellorViews()).filter((c) => c.id !== staff().id) })),
    );

    const unwatch = sessionWatch.watch(socket);
    socket.on('disconnect', () => {
      unwatch();
      // Only when her last socket anywhere in the cluster is gone does the grace period start.
      ns.in(rooms.staffMember(staff().id))
        .fetchSockets()
        .then((left) => (left.length === 0 ? run(counsellorChats.disconnected(staff().id)) : undefined))
        .catch((error: unknown) => ctx.logger.warn({ err: String(error) }, 'presence update failed'));
    });

    // Join the rooms this person belongs in. Done after the handlers are registered so no
    // early event is missed.
    try {
      await socket.join(rooms.staffMember(staff().id));
      if (can(staff().role, 'chat:handle')) {
        await socket.join(rooms.queueWatchers);
        const held = await run(counsellorChats.connected(staff()));
        await socket.join(held.map((c) => rooms.conversation(c.id)));
      }
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'staff socket setup failed');
      socket.disconnect(true);
    }
  });
}
