// A counsellor blocks the visitor of a chat she holds for a set period (abuse, threats, fake
// chats); supervisors can block any. Every block and lift is in the audit log (no content).
import type { FastifyInstance } from 'fastify';
import { createBlockRequestSchema } from '../../../protocol/staffSecurityApi.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';
import { VisitorBlocks } from './visitorBlocks.js';

export function blockRoutes(ctx: AppContext) {
  const blocks = new VisitorBlocks(ctx.repos, () => ctx.clock.now());
  return async (app: FastifyInstance) => {
    app.get('/api/blocks', { config: { access: 'chat:handle' } }, async () => ({ blocks: await blocks.listActive() }));

    app.post('/api/blocks', { config: { access: 'chat:handle' } }, async (request, reply) => {
      const input = parseBody(createBlockRequestSchema, request.body);
      const actor = request.staffAuth!.staff;
      const block = await blocks.blockConversationVisitor({ ...input, actor });
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: actor.id,
        action: 'visitor.block',
        targetType: 'conversation',
        targetId: input.conversationId,
        detail: { hours: input.hours, reason: input.reason, kinds: block.kinds, blockId: block.id },
      });
      ctx.events.emit('visitor.blocked', { conversationId: input.conversationId, until: block.blockedUntil });
      return reply.code(201).send({ block });
    });

    app.delete<{ Params: { id: string } }>('/api/blocks/:id', { config: { access: 'chat:handle' } }, async (request) => {
      const actor = request.staffAuth!.staff;
      const block = await blocks.lift(request.params.id, actor);
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: actor.id,
        action: 'visitor.unblock',
        targetType: 'conversation',
        targetId: block.conversationId,
        detail: { blockId: block.id },
      });
      return { ok: true };
    });
  };
}
