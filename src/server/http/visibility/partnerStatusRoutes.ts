// What partner sites and the visitor's start page tell the server, without anyone being
// followed: the live status any partner page may read (no cookie, any origin, a short cache),
// and the count of one arrival when the start page was opened with a referral token.
import type { FastifyInstance } from 'fastify';
import { arrivalRequestSchema, type PublicStatusDto } from '../../../protocol/visibilityApi.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';
import { AddressRateLimiter, type AddressRatePolicy } from '../../abuse/addressRateLimiter.js';

/** Partner pages refresh every minute; a cache in between may keep the answer this long. */
export const statusMaxAgeSeconds = 30;

/**
 * Arrivals one address may add: enough for a class on one school network opening the poster's
 * link, too few for a script that wants to inflate a partner's figures. Per node, in memory, by
 * daily keyed hash. Behind a reverse proxy this needs TRUST_PROXY, or every visitor is one address.
 */
export const arrivalPolicy: AddressRatePolicy = { burst: 30, perHour: 60 };

export function partnerStatusRoutes(ctx: AppContext) {
  const arrivals = new AddressRateLimiter(ctx.clock, arrivalPolicy);
  return async (app: FastifyInstance) => {
    // Read from partner pages with fetch(credentials: 'omit'): a simple GET, so no preflight. No
    // credentials are allowed (no Access-Control-Allow-Credentials), and nothing is set.
    app.get('/api/status', { config: { access: 'public', publicCacheSeconds: statusMaxAgeSeconds } }, async (_request, reply): Promise<PublicStatusDto> => {
      reply.header('Access-Control-Allow-Origin', '*');
      return ctx.app.publicStatus.current();
    });

    // Same origin only (the visitor page): no CORS header. The token is counted and forgotten.
    app.post('/api/visibility/arrivals', { config: { access: 'public' }, bodyLimit: 1024 }, async (request, reply) => {
      const { via } = parseBody(arrivalRequestSchema, request.body);
      // Over the limit the answer is the same: only the count is left out.
      if (arrivals.take(request.ip)) await ctx.app.visibility.arrival(via);
      return reply.code(204).send();
    });
  };
}
