// Warm handovers: the counsellor of a chat records one (with her consent, or the emergency
// route), reads those of her chat and prints the letter; supervisors list them and approve or
// refuse emergency ones. The use cases check who holds the chat; these routes check the role.
import type { FastifyInstance } from 'fastify';
import { handoverDecisionRequestSchema, handoverListQuerySchema, recordHandoverRequestSchema } from '../../../protocol/handoverApi.js';
import type { HandoverLetterResponse, HandoverListResponse, HandoverView } from '../../../protocol/handoverApi.js';
import type { StoredHandover } from '../../../store/handoverRepository.js';
import type { StaffMember } from '../../../store/staffRepository.js';
import type { AppContext } from '../../appContext.js';
import { can } from '../../auth/permissions.js';
import { parseBody } from '../errors.js';

const capabilities = (staff: StaffMember) => ({ supervises: can(staff.role, 'chat:supervise'), handlesChats: can(staff.role, 'chat:handle') });

export function handoverRoutes(ctx: AppContext) {
  const handovers = () => ctx.app.handovers;
  const present = (staff: StaffMember, h: StoredHandover): HandoverView => ({
    id: h.id,
    conversationId: h.conversationId,
    kind: h.kind,
    status: h.status,
    method: h.method,
    directoryEntryId: h.directoryEntryId,
    organisation: h.content?.organisation ?? null,
    consentSummary: h.content ? h.content.consentSummary || null : null,
    shared: h.content?.shared ?? null,
    reason: h.content ? h.content.reason || null : null,
    recordedBy: h.recordedBy,
    recordedByName: h.recordedByName,
    createdAt: h.createdAt,
    decidedByName: h.decidedByName,
    decidedAt: h.decidedAt,
    mayDecide: handovers().mayDecide(staff, capabilities(staff), h),
  });

  return async (app: FastifyInstance) => {
    app.post('/api/handovers', { config: { access: 'chat:handle' } }, async (request, reply) => {
      const input = parseBody(recordHandoverRequestSchema, request.body);
      const staff = request.staffAuth!.staff;
      const handover = await handovers().record(staff, { ...input, directoryEntryId: input.directoryEntryId });
      return reply.code(201).send({ handover: present(staff, handover) });
    });

    app.get('/api/handovers', { config: { access: 'chat:supervise' } }, async (request): Promise<HandoverListResponse> => {
      const query = parseBody(handoverListQuerySchema, request.query);
      const staff = request.staffAuth!.staff;
      return { handovers: (await handovers().list(staff, capabilities(staff), query.status)).map((h) => present(staff, h)) };
    });

    app.get<{ Params: { conversationId: string } }>('/api/handovers/for/:conversationId', { config: { access: 'chat:handle' } }, async (request): Promise<HandoverListResponse> => {
      const staff = request.staffAuth!.staff;
      return { handovers: (await handovers().forConversation(staff, capabilities(staff), request.params.conversationId)).map((h) => present(staff, h)) };
    });

    app.get<{ Params: { id: string } }>('/api/handovers/:id/letter', { config: { access: 'chat:handle' } }, async (request): Promise<HandoverLetterResponse> => {
      const staff = request.staffAuth!.staff;
      const h = await handovers().letter(staff, capabilities(staff), request.params.id);
      // Only what she agreed to share, and to whom: never her consent summary or an emergency's reason.
      return { id: h.id, organisation: h.content.organisation, method: h.method, shared: h.content.shared, createdAt: h.createdAt, counsellorName: h.recordedByName };
    });

    app.post<{ Params: { id: string } }>('/api/handovers/:id/decision', { config: { access: 'chat:supervise' } }, async (request) => {
      const { decision } = parseBody(handoverDecisionRequestSchema, request.body);
      const staff = request.staffAuth!.staff;
      return { handover: present(staff, await handovers().decide(staff, capabilities(staff), request.params.id, decision)) };
    });
  };
}
