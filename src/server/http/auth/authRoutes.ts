import type { FastifyInstance, FastifyReply } from 'fastify';
import { loginRequestSchema, type MeResponse } from '../../../protocol/staffApi.js';
import {
  changePasswordRequestSchema,
  enrolRequestSchema,
  loginCodeRequestSchema,
  loginPasswordRequestSchema,
  reauthRequestSchema,
  type EnrolCompleteResponse,
  type LoginCompleteResponse,
  type LoginStepResponse,
  type MySecurityResponse,
  type PasswordStepResponse,
} from '../../../protocol/staffSecurityApi.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { refuseWeakPassword } from '../weakPassword.js';
import type { StaffWithSecret } from '../../../store/staffRepository.js';
import { withoutSecret } from '../../../store/staffRepository.js';
import { rolePermissions } from '../../auth/permissions.js';
import { sessionCookieName, sessionHandle, type AuthenticatedStaff } from '../../auth/staffSessions.js';
import { StaffMfa } from '../../auth/mfa.js';
import { randomToken, sha256 } from '../../auth/secrets.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { presentStaff } from '../staff/staffPresenter.js';
import { recentAuthUntil, requireRecentAuth } from '../recentAuth.js';
import { presentSession } from '../staff/sessionPresenter.js';
import { loginChallengePolicy, loginSteps } from './loginSteps.js';
import { presentPasskey } from './passkeyPresenter.js';

export function presentMe(auth: AuthenticatedStaff): MeResponse {
  return {
    staff: presentStaff(auth.staff),
    permissions: [...rolePermissions[auth.staff.role]],
    csrfToken: auth.session.csrfToken,
  };
}

export function authRoutes(ctx: AppContext) {
  const mfa = new StaffMfa(ctx.repos, ctx.clock);
  const wrongCode = (reply: FastifyReply) => sendError(reply, 401, 'unauthenticated', 'wrong code');
  const expired = (reply: FastifyReply) => sendError(reply, 401, 'login_expired', 'this sign-in has expired; start again with your password');
  const { startSession, pendingLogin, passwordStepIfNeeded, failedSecondFactor: failedCode } = loginSteps(ctx);
  const throttled = (reply: FastifyReply) => sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
  /**
   * A new password must follow the policy and differ from the one it replaces. True when it was
   * refused (the answer is sent). A boolean, not the reply: a Fastify reply is thenable, and
   * awaiting it would let the caller carry on.
   */
  const refusedNewPassword = async (reply: FastifyReply, staff: StaffWithSecret, password: string): Promise<boolean> => {
    if (refuseWeakPassword(reply, password, [staff.username, staff.displayName])) return true;
    if (await verifyPassword(staff.passwordHash, password)) {
      sendError(reply, 400, 'password_unchanged', 'choose a password other than the one you have now', [{ path: 'newPassword', message: 'unchanged' }]);
      return true;
    }
    return false;
  };

  return async (app: FastifyInstance) => {
    app.post('/api/auth/login', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const { username, password } = parseBody(loginRequestSchema, request.body);
      if (!(await ctx.loginThrottle.allow(username, request.ip))) {
        return sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
      }
      const staff = await ctx.sessions.checkPassword(username, password);
      if (!staff) {
        ctx.loginThrottle.fail(username, request.ip);
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: null, action: 'login.failed' });
        return sendError(reply, 401, 'unauthenticated', 'wrong username or password');
      }
      // The password alone never makes a session: a second step always follows.
      const now = ctx.clock.now();
      await ctx.repos.staffSecurity.deleteExpiredChallenges(now);
      const enrolled = await ctx.repos.staffSecurity.isEnrolled(staff.id);
      const token = randomToken();
      await ctx.repos.staffSecurity.createChallenge({
        id: sha256(token),
        staffId: staff.id,
        kind: enrolled ? 'mfa' : 'enrol',
        attempts: 0,
        createdAt: now,
        expiresAt: now + loginChallengePolicy.ttlMs,
      });
      await ctx.repos.audit.append({ at: now, staffId: staff.id, action: 'login.password_ok' });
      if (enrolled) {
        const passkey = (await ctx.repos.passkeys.countFor(staff.id)) > 0;
        return { step: 'mfa', challenge: token, passkey } satisfies LoginStepResponse;
      }
      const enrolment = await mfa.beginEnrolment(staff.id, staff.username);
      if (!enrolment) return sendError(reply, 409, 'conflict', 'already enrolled');
      return { step: 'enrol', challenge: token, ...enrolment } satisfies LoginStepResponse;
    });

    app.post('/api/auth/login/code', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const input = parseBody(loginCodeRequestSchema, request.body);
      const pending = await pendingLogin(input.challenge, 'mfa');
      if (!pending) return expired(reply);
      const { challenge, staff } = pending;
      if (!(await ctx.loginThrottle.allow(staff.username, request.ip))) {
        return sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
      }
      const factor = await mfa.verify(staff.id, input.code);
      if (!factor) {
        await failedCode(request, staff.username, challenge.id, staff.id);
        return wrongCode(reply);
      }
      await ctx.repos.staffSecurity.deleteChallenge(challenge.id);
      ctx.loginThrottle.succeed(staff.username, request.ip);
      const passwordStep = await passwordStepIfNeeded(staff);
      if (passwordStep) return passwordStep;
      const auth = await startSession(reply, { ...staff }, { action: 'login', detail: { factor } });
      const recoveryCodesLeft = await ctx.repos.staffSecurity.recoveryCodesLeft(staff.id);
      return { ...presentMe(auth), factor, recoveryCodesLeft } satisfies LoginCompleteResponse;
    });

    app.post('/api/auth/login/enrol', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const input = parseBody(enrolRequestSchema, request.body);
      const pending = await pendingLogin(input.challenge, 'enrol');
      if (!pending) return expired(reply);
      const { challenge, staff } = pending;
      if (!(await ctx.loginThrottle.allow(staff.username, request.ip))) {
        return sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
      }
      // The enrolment, the used-up sign-in step and the audit entry commit together.
      const recoveryCodes = await ctx.repos.transaction(async (tx) => {
        const codes = await mfa.within(tx).completeEnrolment(staff.id, input.code);
        if (!codes) return undefined;
        await tx.staffSecurity.deleteChallenge(challenge.id);
        await tx.audit.append({ at: ctx.clock.now(), staffId: staff.id, action: 'mfa.enrolled', targetType: 'staff', targetId: staff.id });
        return codes;
      });
      if (!recoveryCodes) {
        await failedCode(request, staff.username, challenge.id, staff.id);
        return wrongCode(reply);
      }
      ctx.loginThrottle.succeed(staff.username, request.ip);
      // A new account's first password came from an administrator: her own comes first.
      const passwordStep = await passwordStepIfNeeded(staff);
      if (passwordStep) return { ...passwordStep, recoveryCodes } satisfies PasswordStepResponse;
      const auth = await startSession(reply, { ...staff }, { action: 'login', detail: { factor: 'totp' } });
      return { ...presentMe(auth), recoveryCodes } satisfies EnrolCompleteResponse;
    });

    // Signing in with a temporary password ends here: her own password, then the session. Her
    // password and second factor were checked in the steps before (the challenge says so).
    app.post('/api/auth/login/password', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const input = parseBody(loginPasswordRequestSchema, request.body);
      const pending = await pendingLogin(input.challenge, 'password');
      if (!pending) return expired(reply);
      const { challenge, staff } = pending;
      if (!(await ctx.loginThrottle.allow(staff.username, request.ip))) return throttled(reply);
      if (await refusedNewPassword(reply, staff, input.newPassword)) return reply;
      const now = ctx.clock.now();
      const changed = await ctx.repos.passwords.change({
        staffId: staff.id,
        passwordHash: await hashPassword(input.newPassword),
        mustChange: false,
        keepSessionId: null,
        now,
        audit: { at: now, staffId: staff.id, action: 'password.changed', targetType: 'staff', targetId: staff.id, detail: { temporary: true } },
      });
      if (!changed) return expired(reply);
      await ctx.repos.staffSecurity.deleteChallenge(challenge.id);
      ctx.publish(changed.endedSessionIds.map((sessionId) => ({ type: 'session.ended' as const, staffId: staff.id, sessionId })));
      const auth = await startSession(reply, { ...withoutSecret(staff), mustChangePassword: false }, { action: 'login', detail: { afterPasswordChange: true } });
      return presentMe(auth);
    });

    // My own new password, on the Security page: the current one again, and a recent password-
    // and-code check (as for other sensitive actions). Every other session of mine ends.
    app.post('/api/auth/password', { config: { access: 'staff' }, preHandler: requireRecentAuth(ctx) }, async (request, reply) => {
      const input = parseBody(changePasswordRequestSchema, request.body);
      const auth = request.staffAuth!;
      if (!(await ctx.loginThrottle.allow(auth.staff.username, request.ip))) return throttled(reply);
      const current = await ctx.sessions.checkPassword(auth.staff.username, input.currentPassword);
      if (!current) {
        ctx.loginThrottle.fail(auth.staff.username, request.ip);
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'password.change_failed', targetType: 'staff', targetId: auth.staff.id });
        return sendError(reply, 403, 'wrong_password', 'your current password is not right');
      }
      ctx.loginThrottle.succeed(auth.staff.username, request.ip);
      const withSecret = await ctx.repos.staff.findById(auth.staff.id);
      if (!withSecret) return sendError(reply, 401, 'unauthenticated', 'sign in first');
      if (await refusedNewPassword(reply, withSecret, input.newPassword)) return reply;
      const now = ctx.clock.now();
      const changed = await ctx.repos.passwords.change({
        staffId: auth.staff.id,
        passwordHash: await hashPassword(input.newPassword),
        mustChange: false,
        keepSessionId: auth.session.id,
        now,
        audit: { at: now, staffId: auth.staff.id, action: 'password.changed', targetType: 'staff', targetId: auth.staff.id },
      });
      if (!changed) return sendError(reply, 401, 'unauthenticated', 'sign in first');
      ctx.publish(changed.endedSessionIds.map((sessionId) => ({ type: 'session.ended' as const, staffId: auth.staff.id, sessionId })));
      return { endedSessions: changed.endedSessionIds.length };
    });

    app.post('/api/auth/logout', { config: { access: 'staff' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      await ctx.repos.transaction(async (tx) => {
        await ctx.sessions.within(tx).logout(request.cookies[sessionCookieName]);
        await tx.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'logout' });
      });
      ctx.publish([{ type: 'session.ended', staffId: auth.staff.id, sessionId: auth.session.id }]);
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true };
    });

    app.get('/api/auth/me', { config: { access: 'staff' } }, async (request) => presentMe(request.staffAuth!));

    // Password and code again, so that an unlocked, unattended console cannot export data.
    app.post('/api/auth/reauth', { config: { access: 'staff' } }, async (request, reply) => {
      const input = parseBody(reauthRequestSchema, request.body);
      const auth = request.staffAuth!;
      const username = auth.staff.username;
      if (!(await ctx.loginThrottle.allow(username, request.ip))) {
        return sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
      }
      const staff = await ctx.sessions.checkPassword(username, input.password);
      // One answer for a wrong password and a wrong code. The code is only used up when the
      // password was right.
      const factor = staff ? await mfa.verify(staff.id, input.code) : undefined;
      if (!staff || !factor) {
        ctx.loginThrottle.fail(username, request.ip);
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'reauth.failed' });
        return sendError(reply, 403, 'reauth_failed', 'wrong password or code');
      }
      ctx.loginThrottle.succeed(username, request.ip);
      const now = ctx.clock.now();
      await ctx.repos.transaction(async (tx) => {
        await tx.sessions.markReauthenticated(auth.session.id, now);
        await tx.audit.append({ at: now, staffId: auth.staff.id, action: 'reauth', detail: { factor } });
      });
      auth.session.reauthAt = now;
      return { reauthUntil: recentAuthUntil(now, now) };
    });

    app.get('/api/auth/security', { config: { access: 'staff' } }, async (request) => {
      const auth = request.staffAuth!;
      const sessions = await ctx.sessions.listFor(auth.staff.id);
      return {
        sessions: sessions.map((s) => presentSession(s, auth.session.id)),
        recoveryCodesLeft: await ctx.repos.staffSecurity.recoveryCodesLeft(auth.staff.id),
        passkeys: (await ctx.repos.passkeys.listFor(auth.staff.id)).map(presentPasskey),
        reauthUntil: recentAuthUntil(auth.session.reauthAt, ctx.clock.now()),
      } satisfies MySecurityResponse;
    });

    app.delete<{ Params: { id: string } }>('/api/auth/sessions/:id', { config: { access: 'staff' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      const target = (await ctx.sessions.listFor(auth.staff.id)).find((s) => sessionHandle(s.id) === request.params.id);
      if (!target) return sendError(reply, 404, 'not_found', 'no such session');
      await ctx.repos.transaction(async (tx) => {
        await tx.sessions.delete(target.id);
        await tx.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'session.end', targetType: 'staff', targetId: auth.staff.id });
      });
      ctx.publish([{ type: 'session.ended', staffId: auth.staff.id, sessionId: target.id }]);
      if (target.id === auth.session.id) reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true };
    });

    app.post('/api/auth/sessions/end-others', { config: { access: 'staff' } }, async (request) => {
      const auth = request.staffAuth!;
      const others = (await ctx.sessions.listFor(auth.staff.id)).filter((s) => s.id !== auth.session.id);
      await ctx.repos.transaction(async (tx) => {
        for (const s of others) await tx.sessions.delete(s.id);
        await tx.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'session.end_others', detail: { count: others.length } });
      });
      ctx.publish(others.map((s) => ({ type: 'session.ended' as const, staffId: auth.staff.id, sessionId: s.id })));
      return { ended: others.length };
    });

    app.post('/api/auth/recovery-codes', { config: { access: 'staff' }, preHandler: requireRecentAuth(ctx) }, async (request) => {
      const auth = request.staffAuth!;
      const recoveryCodes = await ctx.repos.transaction(async (tx) => {
        const codes = await mfa.within(tx).newRecoveryCodes(auth.staff.id);
        await tx.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'mfa.recovery_codes_renewed', targetType: 'staff', targetId: auth.staff.id });
        return codes;
      });
      return { recoveryCodes };
    });
  };
}
