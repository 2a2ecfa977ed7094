// The administrator's side of staff security: every live session, ending sessions of a staff
// member, resetting a lost second factor (the next sign-in starts a new enrolment), and
// resetting a forgotten password (a temporary one, changed at the next sign-in).
import type { FastifyInstance } from 'fastify';
import type { AdminSessionDto, PasswordResetResponse, StaffSecurityStatusDto } from '../../../protocol/staffSecurityApi.js';
import { hashPassword, newTemporaryPassword } from '../../auth/passwords.js';
import { sessionHandle } from '../../auth/staffSessions.js';
import type { AppContext } from '../../appContext.js';
import { sendError } from '../errors.js';
import { requireRecentAuth } from '../recentAuth.js';
import { presentSession } from './sessionPresenter.js';

export function staffSecurityRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/staff/security', { config: { access: 'staff:manage' } }, async (request) => {
      const sessions = await ctx.sessions.listAll();
      const current = request.staffAuth!.session.id;
      const staff = await ctx.repos.staff.list();
      const status: StaffSecurityStatusDto[] = [];
      for (const s of staff) {
        status.push({
          staffId: s.id,
          mfaEnrolled: await ctx.repos.staffSecurity.isEnrolled(s.id),
          recoveryCodesLeft: await ctx.repos.staffSecurity.recoveryCodesLeft(s.id),
          passkeys: await ctx.repos.passkeys.countFor(s.id),
          sessions: sessions.filter((x) => x.staffId === s.id).length,
        });
      }
      return {
        status,
        sessions: sessions.map((s): AdminSessionDto => ({ ...presentSession(s, current), staffId: s.staffId })),
      };
    });

    app.delete<{ Params: { id: string } }>('/api/staff/:id/sessions', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const live = await ctx.sessions.listFor(request.params.id);
      const { value: count, effects } = await ctx.app.staffSecurity.endSessions(request.params.id, live, request.staffAuth!.staff);
      ctx.publish(effects);
      return { ended: count };
    });

    app.delete<{ Params: { id: string; sessionId: string } }>(
      '/api/staff/:id/sessions/:sessionId',
      { config: { access: 'staff:manage' } },
      async (request, reply) => {
        const session = (await ctx.sessions.listFor(request.params.id)).find((s) => sessionHandle(s.id) === request.params.sessionId);
        if (!session) return sendError(reply, 404, 'not_found', 'no such session');
        ctx.publish((await ctx.app.staffSecurity.endSession(session, request.staffAuth!.staff)).effects);
        return { ended: 1 };
      },
    );

    // Needs a recent password-and-code check by the administrator: taking over an account
    // would otherwise be one click from an unattended console.
    app.post<{ Params: { id: string } }>(
      '/api/staff/:id/mfa/reset',
      { config: { access: 'staff:manage' }, preHandler: requireRecentAuth(ctx) },
      async (request, reply) => {
        ctx.publish((await ctx.app.staffSecurity.resetMfa(request.params.id, request.staffAuth!.staff)).effects);
        return { ok: true };
      },
    );

    // A forgotten password: a temporary one, shown once to the administrator to hand over. Every
    // session of hers ends, and at her next sign-in (password, then her second factor) she must
    // choose her own before she gets a session. Re-authentication as for the second factor.
    app.post<{ Params: { id: string } }>(
      '/api/staff/:id/password/reset',
      { config: { access: 'staff:manage' }, preHandler: requireRecentAuth(ctx) },
      async (request, reply) => {
        const actor = request.staffAuth!.staff;
        if (request.params.id === actor.id) return sendError(reply, 409, 'conflict', 'change your own password on the Security page');
        const target = await ctx.repos.staff.findById(request.params.id);
        if (!target) return sendError(reply, 404, 'not_found', 'no such staff member');
        const temporaryPassword = newTemporaryPassword();
        const now = ctx.clock.now();
        const changed = await ctx.repos.passwords.change({
          staffId: target.id,
          passwordHash: await hashPassword(temporaryPassword),
          mustChange: true,
          keepSessionId: null,
          now,
          audit: { at: now, staffId: actor.id, action: 'staff.password_reset', targetType: 'staff', targetId: target.id },
        });
        if (!changed) return sendError(reply, 404, 'not_found', 'no such staff member');
        ctx.publish([{ type: 'session.ended', staffId: target.id, sessionId: null }]);
        return { temporaryPassword } satisfies PasswordResetResponse;
      },
    );
  };
}
