// Re-authentication before the most sensitive actions (exporting transcripts or data,
// resetting someone's second factor): password and code must have been checked in this
// session within the last five minutes, at sign-in or through POST /api/auth/reauth.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../app/clock.js';
import { sendError } from './errors.js';

export const recentAuthWindowMs = 5 * 60_000;

/** Until when this session counts as recently authenticated (null: not now). */
export function recentAuthUntil(reauthAt: number | null, now: number): number | null {
  if (reauthAt === null) return null;
  const until = reauthAt + recentAuthWindowMs;
  return until > now ? until : null;
}

/**
 * A route preHandler: `app.post(url, { config: { access: '…' }, preHandler: requireRecentAuth(ctx) }, …)`.
 * Runs after access control; answers 403 `reauth_required` when the last check is too old.
 */
export function requireRecentAuth(ctx: { clock: Clock }) {
  return async function recentAuth(request: FastifyRequest, reply: FastifyReply) {
    const auth = request.staffAuth;
    if (!auth) return sendError(reply, 401, 'unauthenticated', 'sign in first');
    if (recentAuthUntil(auth.session.reauthAt, ctx.clock.now()) === null) {
      return sendError(reply, 403, 'reauth_required', 'confirm your password and code first (POST /api/auth/reauth)');
    }
  };
}
