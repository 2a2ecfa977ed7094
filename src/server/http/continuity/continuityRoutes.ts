// Continuity for a returning visitor, for the counsellor who holds her chat only: the case
// summary and her earlier chats; an earlier transcript opens by an explicit call with a reason.
import type { FastifyInstance } from 'fastify';
import { openEarlierChatRequestSchema, saveCaseSummaryRequestSchema } from '../../../protocol/continuityApi.js';
import type { ContinuityResponse, EarlierTranscriptResponse } from '../../../protocol/continuityApi.js';
import type { StoredCaseSummary } from '../../../store/continuityRepository.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';

const presentSummary = (s: StoredCaseSummary) => ({ body: s.body, updatedByName: s.updatedByName, updatedAt: s.updatedAt });

export function continuityRoutes(ctx: AppContext) {
  const continuity = () => ctx.app.continuity;
  return async (app: FastifyInstance) => {
    app.get<{ Params: { conversationId: string } }>('/api/continuity/:conversationId', { config: { access: 'chat:handle' } }, async (request): Promise<ContinuityResponse> => {
      const view = await continuity().view(request.staffAuth!.staff, request.params.conversationId);
      return { returning: view.returning, canKeepSummary: view.canKeepSummary, summary: view.summary ? presentSummary(view.summary) : null, earlierChats: view.earlierChats };
    });

    app.put<{ Params: { conversationId: string } }>('/api/continuity/:conversationId/summary', { config: { access: 'chat:handle' } }, async (request) => {
      const input = parseBody(saveCaseSummaryRequestSchema, request.body);
      return { summary: presentSummary(await continuity().saveSummary(request.staffAuth!.staff, request.params.conversationId, input.body, input.baseUpdatedAt)) };
    });

    // A POST, not a GET: opening an earlier transcript is a deliberate, audited act with a reason.
    app.post<{ Params: { conversationId: string; earlierId: string } }>(
      '/api/continuity/:conversationId/earlier/:earlierId',
      { config: { access: 'chat:handle' } },
      async (request): Promise<EarlierTranscriptResponse> => {
        const { reason } = parseBody(openEarlierChatRequestSchema, request.body);
        const opened = await continuity().openEarlier(request.staffAuth!.staff, request.params.conversationId, request.params.earlierId, reason);
        return { conversationId: opened.conversation.id, createdAt: opened.conversation.createdAt, messages: opened.messages };
      },
    );
  };
}
