// Passkeys: adding and removing one on the Security page (after a fresh check, like other
// changes to how someone signs in), and signing in or confirming a sensitive action with one
// instead of typing a code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addPasskeyRequestSchema,
  passkeyLoginOptionsRequestSchema,
  passkeyLoginRequestSchema,
  passkeyReauthRequestSchema,
  type PasskeyDto,
  type PasskeyLoginOptionsResponse,
  type PasskeyRegistrationOptionsResponse,
} from '../../../protocol/passkeyApi.js';
import type { LoginCompleteResponse } from '../../../protocol/staffSecurityApi.js';
import { passkeyPolicy, relyingPartyFor, StaffPasskeys } from '../../auth/passkeys.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { recentAuthUntil, requireRecentAuth } from '../recentAuth.js';
import { presentMe } from './authRoutes.js';
import { loginSteps } from './loginSteps.js';
import { presentPasskey } from './passkeyPresenter.js';

const passkeyParamsSchema = z.object({ id: z.string().uuid() });

export function passkeyRoutes(ctx: AppContext) {
  const passkeys = new StaffPasskeys(ctx.repos, ctx.clock);
  const { startSession, pendingLogin, passwordStepIfNeeded, failedSecondFactor } = loginSteps(ctx);
  const rp = (request: FastifyRequest) => relyingPartyFor(ctx.config.publicUrl, request);
  const expired = (reply: FastifyReply) => sendError(reply, 401, 'login_expired', 'this sign-in has expired; start again with your password');
  const throttled = (reply: FastifyReply) => sendError(reply, 429, 'rate_limited', 'too many attempts; wait a few minutes');
  const tooMany = (reply: FastifyReply) => sendError(reply, 409, 'conflict', `at most ${passkeyPolicy.maxPerStaff} passkeys`);

  return async (app: FastifyInstance) => {
    app.post('/api/auth/passkeys/options', { config: { access: 'staff' }, preHandler: requireRecentAuth(ctx) }, async (request, reply) => {
      const auth = request.staffAuth!;
      if ((await ctx.repos.passkeys.countFor(auth.staff.id)) >= passkeyPolicy.maxPerStaff) return tooMany(reply);
      const options = await passkeys.registrationOptions(auth.staff, auth.session.id, rp(request));
      return { options } satisfies PasskeyRegistrationOptionsResponse;
    });

    app.post('/api/auth/passkeys', { config: { access: 'staff' }, preHandler: requireRecentAuth(ctx) }, async (request, reply) => {
      const input = parseBody(addPasskeyRequestSchema, request.body);
      const auth = request.staffAuth!;
      if ((await ctx.repos.passkeys.countFor(auth.staff.id)) >= passkeyPolicy.maxPerStaff) return tooMany(reply);
      // The label is her own words: it stays out of the audit log.
      const added = await passkeys.register(auth.staff, auth.session.id, rp(request), input.credential, input.label, (tx, passkey) =>
        tx.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'passkey.added', targetType: 'passkey', targetId: passkey.id }),
      );
      if (!added) return sendError(reply, 400, 'passkey_failed', 'the passkey could not be checked; start again');
      return presentPasskey(added) satisfies PasskeyDto;
    });

    app.delete<{ Params: { id: string } }>('/api/auth/passkeys/:id', { config: { access: 'staff' }, preHandler: requireRecentAuth(ctx) }, async (request, reply) => {
      const { id } = parseBody(passkeyParamsSchema, request.params);
      const auth = request.staffAuth!;
      const removed = await ctx.repos.transaction(async (tx) => {
        if (!(await tx.passkeys.remove(auth.staff.id, id))) return false;
        await tx.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'passkey.removed', targetType: 'passkey', targetId: id });
        return true;
      });
      if (!removed) return sendError(reply, 404, 'not_found', 'no such passkey');
      return { ok: true };
    });

    // The fresh check before a sensitive action: password and passkey, the challenge bound to
    // this session (so an answer made for a sign-in cannot be replayed here, or the reverse).
    const reauthBinding = (sessionId: string) => `reauth:${sessionId}`;
    app.post('/api/auth/reauth/passkey/options', { config: { access: 'staff' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      const options = await passkeys.loginOptions(auth.staff.id, reauthBinding(auth.session.id), rp(request));
      if (!options) return sendError(reply, 404, 'not_found', 'this account has no passkey');
      return { options } satisfies PasskeyLoginOptionsResponse;
    });

    app.post('/api/auth/reauth/passkey', { config: { access: 'staff' } }, async (request, reply) => {
      const input = parseBody(passkeyReauthRequestSchema, request.body);
      const auth = request.staffAuth!;
      const username = auth.staff.username;
      if (!(await ctx.loginThrottle.allow(username, request.ip))) return throttled(reply);
      const staff = await ctx.sessions.checkPassword(username, input.password);
      // One answer for a wrong password and a refused passkey, as with a code.
      const used = staff ? await passkeys.authenticate(staff.id, reauthBinding(auth.session.id), rp(request), input.credential) : undefined;
      if (!staff || !used) {
        ctx.loginThrottle.fail(username, request.ip);
        await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: auth.staff.id, action: 'reauth.failed', detail: { factor: 'passkey' } });
        return sendError(reply, 403, 'reauth_failed', 'wrong password or passkey');
      }
      ctx.loginThrottle.succeed(username, request.ip);
      const now = ctx.clock.now();
      await ctx.repos.transaction(async (tx) => {
        await tx.sessions.markReauthenticated(auth.session.id, now);
        await tx.audit.append({ at: now, staffId: auth.staff.id, action: 'reauth', targetType: 'passkey', targetId: used.id, detail: { factor: 'passkey' } });
      });
      auth.session.reauthAt = now;
      return { reauthUntil: recentAuthUntil(now, now) };
    });

    // The second step of signing in, with a passkey instead of a code.
    app.post('/api/auth/login/passkey/options', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const input = parseBody(passkeyLoginOptionsRequestSchema, request.body);
      const pending = await pendingLogin(input.challenge, 'mfa');
      if (!pending) return expired(reply);
      if (!(await ctx.loginThrottle.allow(pending.staff.username, request.ip))) return throttled(reply);
      const options = await passkeys.loginOptions(pending.staff.id, pending.challenge.id, rp(request));
      if (!options) return sendError(reply, 404, 'not_found', 'this account has no passkey');
      return { options } satisfies PasskeyLoginOptionsResponse;
    });

    app.post('/api/auth/login/passkey', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const input = parseBody(passkeyLoginRequestSchema, request.body);
      const pending = await pendingLogin(input.challenge, 'mfa');
      if (!pending) return expired(reply);
      const { challenge, staff } = pending;
      if (!(await ctx.loginThrottle.allow(staff.username, request.ip))) return throttled(reply);
      const used = await passkeys.authenticate(staff.id, challenge.id, rp(request), input.credential);
      if (!used) {
        await failedSecondFactor(request, staff.username, challenge.id, staff.id, 'login.passkey_failed');
        return sendError(reply, 401, 'unauthenticated', 'this passkey was not accepted');
      }
      await ctx.repos.staffSecurity.deleteChallenge(challenge.id);
      ctx.loginThrottle.succeed(staff.username, request.ip);
      // After an administrator's reset: her own password first, then the session.
      const passwordStep = await passwordStepIfNeeded(staff);
      if (passwordStep) return passwordStep;
      // A new session counts as freshly authenticated, as after a code.
      const auth = await startSession(reply, { ...staff }, { action: 'login.passkey', targetType: 'passkey', targetId: used.id, detail: { factor: 'passkey' } });
      const recoveryCodesLeft = await ctx.repos.staffSecurity.recoveryCodesLeft(staff.id);
      return { ...presentMe(auth), factor: 'passkey', recoveryCodesLeft } satisfies LoginCompleteResponse;
    });
  };
}
