// Default deny: every /api route must declare who may call it, or nobody can.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../auth/permissions.js';
import { can } from '../auth/permissions.js';
import type { AuthenticatedStaff, StaffSessions } from '../auth/staffSessions.js';
import { sessionCookieName } from '../auth/staffSessions.js';
import { safeEqual } from '../auth/secrets.js';
import { sendError } from './errors.js';

/** 'public': anyone; 'staff': any signed-in staff member; otherwise a permission. */
export type Access = 'public' | 'staff' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** State-changing routes that may run without a session (login, setup) opt out of CSRF. */
    skipCsrf?: boolean;
  }
  interface FastifyRequest {
    staffAuth: AuthenticatedStaff | undefined;
  }
}

export function registerAccessControl(app: FastifyInstance, sessions: StaffSessions): void {
  app.decorateRequest('staffAuth', undefined);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config?.access;
    if (!access) return sendError(reply, 403, 'forbidden', 'route has no access rule');
    const token = request.cookies[sessionCookieName];
    request.staffAuth = token ? await sessions.authenticate(token) : undefined;
    if (access === 'public') return;
    const auth = request.staffAuth;
    if (!auth) return sendError(reply, 401, 'unauthenticated', 'sign in first');
    if (access !== 'staff' && !can(auth.staff.role, access)) {
      return sendError(reply, 403, 'forbidden', 'your role does not allow this');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && !request.routeOptions.config?.skipCsrf) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, auth.session.csrfToken)) {
        return sendError(reply, 403, 'forbidden', 'missing or wrong CSRF token');
      }
    }
  });
}
