// Refuses a NUL character in any path, query or body string as a typed 400, for every route and
// after the access check decided who may ask at all. Without this PostgreSQL's text columns made
// such a request fail in the query: a 500 and an error in the log for anyone who sent `%00`.
import type { FastifyInstance } from 'fastify';
import { holdsNul } from '../../domain/text/holdsNul.js';
import { sendError } from './errors.js';

export function registerNulRefusal(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.is404 || reply.sent) return;
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      return sendError(reply, 400, 'invalid_request', 'text must not contain NUL characters');
    }
  });
}
