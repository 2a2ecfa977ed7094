// Prometheus metrics. Never public by accident: without METRICS_TOKEN they are served only by a
// listener of their own on loopback (METRICS_HOST:METRICS_PORT), which a reverse proxy in front
// of the main port does not reach. With a token the main port serves them too, behind it.
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.js';
import { safeEqual } from '../../auth/secrets.js';
import { sendError } from '../errors.js';

const bearerOk = (ctx: AppContext, authorization: string | undefined) => {
  const expected = ctx.config.metricsToken;
  return !expected || safeEqual(authorization ?? '', `Bearer ${expected}`);
};

export function metricsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    if (!ctx.config.metricsToken) return;
    app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
      if (!bearerOk(ctx, request.headers.authorization)) return sendError(reply, 401, 'unauthenticated', 'metrics need a bearer token');
      return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
    });
  };
}

/** The metrics-only listener: GET /metrics and nothing else. */
export function createMetricsListener(ctx: AppContext): http.Server {
  return http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!bearerOk(ctx, request.headers.authorization)) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('metrics need a bearer token\n');
      return;
    }
    ctx.metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': ctx.metrics.registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
}
