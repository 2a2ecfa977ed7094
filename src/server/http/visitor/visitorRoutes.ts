// A fallback for quick exit when the visitor's socket is down (offline, mid-reload): the page
// sends this with navigator.sendBeacon as it leaves. The tab token is the credential.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isOpen } from '../../../domain/conversation/conversationLifecycle.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';

const endRequestSchema = z.object({
  token: z.string().min(20).max(100),
  reason: z.enum(['visitor', 'quick_exit']),
});

export function visitorRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    // sendBeacon posts text/plain; accept it as JSON on this one route.
    app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(null, {});
      }
    });
    app.post('/api/visitor/end', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const { token, reason } = parseBody(endRequestSchema, request.body);
      const conversation = await ctx.conversations.findByVisitorToken(token);
      // The same answer whether or not the token existed: nothing to learn by probing.
      if (conversation && isOpen(conversation.status)) {
        await ctx.conversations.end(conversation.id, reason, { kind: 'visitor' }).catch(() => undefined);
      }
      return reply.code(204).send();
    });
  };
}
