import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.js';
import { safeEqual } from '../../auth/secrets.js';
import { sendError } from '../errors.js';

export function metricsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
      const expected = ctx.config.metricsToken;
      if (expected && !safeEqual(request.headers.authorization ?? '', `Bearer ${expected}`)) {
        return sendError(reply, 401, 'unauthenticated', 'metrics need a bearer token');
      }
      return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
    });
  };
}
