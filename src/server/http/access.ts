// Default deny, decided on the route that matched: every route declares who may call it (or the
// server does not start), and the check reads that declaration from the matched route, never
// from the request string (the router decodes `%61pi` to `api`; a prefix test on the raw URL
// does not).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
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

export interface RouteAccess {
  method: string;
  url: string;
  readonly access: Access | undefined;
}

const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Registers the access check and returns the route table as Fastify built it (every method and
 * path with its access rule), which `assertEveryRouteDeclaresAccess` checks once all are in.
 */
export function registerAccessControl(app: FastifyInstance, sessions: StaffSessions): RouteAccess[] {
  const routes: RouteAccess[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read lazily: a plugin's own onRoute hook (the static files) may set the rule after ours ran.
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
    }
  });
  app.addHook('onReady', async () => assertEveryRouteDeclaresAccess(routes));

  app.decorateRequest('staffAuth', undefined);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    // No route matched: the not-found handler answers 404, to everyone alike.
    if (request.is404) return;
    const config = request.routeOptions.config;
    const access = config?.access;
    if (!access) return sendError(reply, 403, 'forbidden', 'route has no access rule');
    if (access === 'public') return;
    const token = request.cookies[sessionCookieName];
    const auth = token ? await sessions.authenticate(token) : undefined;
    request.staffAuth = auth;
    if (!auth) return sendError(reply, 401, 'unauthenticated', 'sign in first');
    if (access !== 'staff' && !can(auth.staff.role, access)) {
      return sendError(reply, 403, 'forbidden', 'your role does not allow this');
    }
    if (!safeMethods.has(request.method) && !config.skipCsrf) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, auth.session.csrfToken)) {
        return sendError(reply, 403, 'forbidden', 'missing or wrong CSRF token');
      }
    }
  });
  return routes;
}

/** A route without an access rule is a mistake in the code: refuse to start rather than guess. */
export function assertEveryRouteDeclaresAccess(routes: readonly RouteAccess[]): void {
  const missing = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
  if (missing.length > 0) throw new Error(`routes without an access rule (add config.access): ${[...new Set(missing)].join(', ')}`);
}
