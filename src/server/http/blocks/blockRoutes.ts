// A counsellor blocks the visitor of a chat she holds for a set period (abuse, threats, fake
// chats); supervisors can block any. Every block and lift is in the audit log (no content),
// written with the block itself.
import type { FastifyInstance } from 'fastify';
import { createBlockRequestSchema, type VisitorBlockDto } from '../../../protocol/staffSecurityApi.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';
import { can } from '../../auth/permissions.js';
import type { StaffMember } from '../../../store/staffRepository.js';
import type { VisitorBlockRow } from '../../../store/visitorBlockRepository.js';
import { kindsOf, type BlockReason } from '../../../app/visitors/visitorBlocks.js';

function presentBlock(row: VisitorBlockRow): VisitorBlockDto {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    kinds: kindsOf(row),
    reason: row.reason as BlockReason,
    blockedBy: row.blocked_by,
    createdAt: Number(row.created_at),
    blockedUntil: Number(row.blocked_until),
  };
}

const capabilities = (staff: StaffMember) => ({ supervises: can(staff.role, 'chat:supervise'), handlesChats: can(staff.role, 'chat:handle') });

export function blockRoutes(ctx: AppContext) {
  const blocks = ctx.app.visitorBlocks;
  return async (app: FastifyInstance) => {
    app.get('/api/blocks', { config: { access: 'chat:handle' } }, async () => ({ blocks: (await blocks.listActive()).map(presentBlock) }));

    app.post('/api/blocks', { config: { access: 'chat:handle' } }, async (request, reply) => {
      const input = parseBody(createBlockRequestSchema, request.body);
      const actor = request.staffAuth!.staff;
      const row = await blocks.block({ ...input, actor, can: capabilities(actor) });
      ctx.publish([{ type: 'visitor.blocked', conversationId: input.conversationId, until: Number(row.blocked_until) }]);
      return reply.code(201).send({ block: presentBlock(row) });
    });

    app.delete<{ Params: { id: string } }>('/api/blocks/:id', { config: { access: 'chat:handle' } }, async (request) => {
      const actor = request.staffAuth!.staff;
      await blocks.lift(request.params.id, actor, capabilities(actor));
      return { ok: true };
    });
  };
}
