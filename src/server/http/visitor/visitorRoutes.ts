// The visitor's few HTTP routes. /end is a fallback for quick exit when her socket is down
// (offline, mid-reload): the page sends it with navigator.sendBeacon as it leaves, and the tab
// token is the credential. /history/delete lets her delete her chats with her return code.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { deleteHistoryRequestSchema, type DeleteHistoryResponse } from '../../../protocol/visitorProtocol.js';

const endRequestSchema = z.object({
  token: z.string().min(20).max(100),
  reason: z.enum(['visitor', 'quick_exit']),
});

const leaveRequestSchema = z.object({ token: z.string().min(20).max(100) });

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
      // The same answer whether or not the token existed: nothing to learn by probing.
      ctx.publish((await ctx.app.visitorChats.endByToken(token, reason)).effects);
      return reply.code(204).send();
    });

    // Her tab is closing (pagehide): hold her place briefly (a reload comes back within it) and
    // offer her to nobody meanwhile. Same answer whatever the token.
    app.post('/api/visitor/leave', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const { token } = parseBody(leaveRequestSchema, request.body);
      ctx.publish((await ctx.app.visitorChats.leaveByToken(token)).effects);
      return reply.code(204).send();
    });

    app.post('/api/visitor/history/delete', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const { returnCode } = parseBody(deleteHistoryRequestSchema, request.body);
      if (!ctx.returnCodeLimiter.take(request.ip)) return sendError(reply, 429, 'rate_limited', 'too many return codes tried; wait a while');
      const result = await ctx.app.returnCodes.deleteHistory(returnCode);
      if (result.outcome === 'unknown') return sendError(reply, 404, 'not_found', 'this return code is not known (any more)');
      if (result.outcome === 'chat_open') return sendError(reply, 409, 'conflict', 'end your chat first, then delete your history');
      const body: DeleteHistoryResponse = { conversations: result.conversations };
      return reply.send(body);
    });
  };
}
