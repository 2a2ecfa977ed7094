// What every second step of signing in shares, whichever factor it checks (a code, enrolment,
// a passkey): finding the pending login, counting a failure, and starting the session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../../auth/staffSessions.js';
import { randomToken, sha256 } from '../../auth/secrets.js';
import type { StaffMember } from '../../../store/staffRepository.js';
import type { PasswordStepResponse } from '../../../protocol/staffSecurityApi.js';
import type { AppContext } from '../../appContext.js';
import type { AuditEntry } from '../../../store/auditRepository.js';

/** How long the pending login between password and second factor lives, and how many tries it takes. */
export const loginChallengePolicy = { ttlMs: 5 * 60_000, maxAttempts: 5 } as const;

export function loginSteps(ctx: AppContext) {
  return {
    /** A new session and its audit entry ('login' and how), in one transaction; then the cookie. */
    async startSession(reply: FastifyReply, staff: StaffMember, audit: Pick<AuditEntry, 'action' | 'targetType' | 'targetId' | 'detail'>) {
      const result = await ctx.repos.transaction(async (tx) => {
        const started = await ctx.sessions.within(tx).start(staff);
        await tx.audit.append({ at: ctx.clock.now(), staffId: staff.id, ...audit });
        return started;
      });
      reply.setCookie(sessionCookieName, result.token, {
        path: '/',
        httpOnly: true,
        secure: ctx.config.cookieSecure,
        sameSite: 'strict',
        maxAge: Math.floor(ctx.config.sessionMaxMs / 1000),
      });
      return result.auth;
    },

    /**
     * After a right second factor, for an account whose password is temporary (a new account, an
     * administrator's reset): no session yet, but a pending login for choosing her own password.
     * Undefined for everyone else, who gets the session at once.
     */
    async passwordStepIfNeeded(staff: StaffMember): Promise<PasswordStepResponse | undefined> {
      if (!staff.mustChangePassword) return undefined;
      const token = randomToken();
      const now = ctx.clock.now();
      await ctx.repos.staffSecurity.createChallenge({
        id: sha256(token),
        staffId: staff.id,
        kind: 'password',
        attempts: 0,
        createdAt: now,
        expiresAt: now + loginChallengePolicy.ttlMs,
      });
      return { step: 'password', challenge: token };
    },

    /** The pending login a second-step request refers to, if it is still valid. */
    async pendingLogin(token: string, kind: 'mfa' | 'enrol' | 'password') {
      const challenge = await ctx.repos.staffSecurity.findChallenge(sha256(token));
      if (!challenge || challenge.kind !== kind) return undefined;
      if (challenge.expiresAt <= ctx.clock.now() || challenge.attempts >= loginChallengePolicy.maxAttempts) {
        await ctx.repos.staffSecurity.deleteChallenge(challenge.id);
        return undefined;
      }
      const staff = await ctx.repos.staff.findById(challenge.staffId);
      if (!staff || staff.disabled) {
        await ctx.repos.staffSecurity.deleteChallenge(challenge.id);
        return undefined;
      }
      return { challenge, staff };
    },

    /** A wrong second factor: throttled per account and address, and one try of the pending login used up. */
    async failedSecondFactor(
      request: FastifyRequest,
      username: string,
      challengeId: string | null,
      staffId: string,
      action: 'login.code_failed' | 'login.passkey_failed' = 'login.code_failed',
    ) {
      ctx.loginThrottle.fail(username, request.ip);
      if (challengeId) await ctx.repos.staffSecurity.countChallengeAttempt(challengeId);
      await ctx.repos.audit.append({ at: ctx.clock.now(), staffId, action });
    },
  };
}
