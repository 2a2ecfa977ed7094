import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type MeResponse } from '../../../protocol/staffApi.js';
import { rolePermissions } from '../../auth/permissions.js';
import { sessionCookieName, type AuthenticatedStaff } from '../../auth/staffSessions.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { presentStaff } from '../staff/staffPresenter.js';

export function presentMe(auth: AuthenticatedStaff): MeResponse {
  return {
    staff: presentStaff(auth.staff),
    permissions: [...rolePermissions[auth.staff.role]],
    csrfToken: auth.session.csrfToken,
  };
}

export function authRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.post('/api/auth/login', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const { username, password } = parseBody(loginRequestSchema, request.body);
      if (!ctx.loginThrottle.allow(username, request.ip)) {
        return sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
      }
      const result = await ctx.sessions.login(username, password);
      if (!result) {
        ctx.loginThrottle.fail(username, request.ip);
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: null, action: 'login.failed' });
        return sendError(reply, 401, 'unauthenticated', 'wrong username or password');
      }
      ctx.loginThrottle.succeed(username, request.ip);
      await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: result.auth.staff.id, action: 'login' });
      reply.setCookie(sessionCookieName, result.token, {
        path: '/',
        httpOnly: true,
        secure: ctx.config.cookieSecure,
        sameSite: 'strict',
        maxAge: Math.floor(ctx.config.sessionMaxMs / 1000),
      });
      return presentMe(result.auth);
    });

    app.post('/api/auth/logout', { config: { access: 'staff' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      await ctx.sessions.logout(request.cookies[sessionCookieName]);
      await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'logout' });
      ctx.events.emit('staff.sessionEnded', { staffId: auth.staff.id, sessionId: auth.session.id });
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true };
    });

    app.get('/api/auth/me', { config: { access: 'staff' } }, async (request) => presentMe(request.staffAuth!));
  };
}
