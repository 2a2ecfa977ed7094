// First start of an empty installation: a one-time link lets the first administrator in.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { setupRequestSchema } from '../../../protocol/staffApi.js';
import { hashPassword } from '../../auth/passwords.js';
import { safeEqual } from '../../auth/secrets.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { refuseWeakPassword } from '../weakPassword.js';

export function setupRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/setup', { config: { access: 'public' } }, async () => ({
      needed: (await ctx.repos.staff.count()) === 0,
    }));

    app.post('/api/setup', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const input = parseBody(setupRequestSchema, request.body);
      const expected = ctx.setup.token;
      if (!expected || (await ctx.repos.staff.count()) > 0) {
        return sendError(reply, 409, 'conflict', 'this installation has already been set up');
      }
      if (!safeEqual(input.token, expected)) return sendError(reply, 403, 'forbidden', 'this setup link is not valid');
      const weak = refuseWeakPassword(reply, input.password, [input.username, input.displayName]);
      if (weak) return weak;
      const passwordHash = await hashPassword(input.password);
      ctx.setup.token = undefined;
      await ctx.repos.transaction(async (tx) => {
        const admin = await tx.staff.create({ id: crypto.randomUUID(), username: input.username, displayName: input.displayName, passwordHash, role: 'admin', now: ctx.clock.now() });
        await tx.audit.append({ at: ctx.clock.now(), staffId: admin.id, action: 'setup.admin_created', targetType: 'staff', targetId: admin.id });
      });
      // The new administrator signs in next, which starts the enrolment of her second factor.
      return reply.code(201).send({ ok: true, next: 'enrol' });
    });
  };
}
