// Snippets: everyone who chats reads them (and counts a use when she picks one); supervisors
// and administrators add, change and remove them.
import type { FastifyInstance } from 'fastify';
import { snippetRequestSchema, toolkitIdParamsSchema, type SnippetListResponse } from '../../../protocol/toolkitApi.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';

export function snippetRoutes(ctx: AppContext) {
  const snippets = ctx.app.snippets;
  return async (app: FastifyInstance) => {
    app.get('/api/snippets', { config: { access: 'toolkit:read' } }, async (): Promise<SnippetListResponse> => ({ snippets: await snippets.list() }));

    app.post('/api/snippets/:id/used', { config: { access: 'toolkit:read' } }, async (request, reply) => {
      const { id } = parseBody(toolkitIdParamsSchema, request.params);
      await snippets.countUse(id);
      return reply.code(204).send();
    });

    app.post('/api/snippets', { config: { access: 'toolkit:edit' } }, async (request, reply) => {
      const content = parseBody(snippetRequestSchema, request.body);
      return reply.code(201).send({ snippet: await snippets.create(content, request.staffAuth!.staff) });
    });

    app.put('/api/snippets/:id', { config: { access: 'toolkit:edit' } }, async (request) => {
      const { id } = parseBody(toolkitIdParamsSchema, request.params);
      const content = parseBody(snippetRequestSchema, request.body);
      return { snippet: await snippets.update(id, content, request.staffAuth!.staff) };
    });

    app.delete('/api/snippets/:id', { config: { access: 'toolkit:edit' } }, async (request, reply) => {
      const { id } = parseBody(toolkitIdParamsSchema, request.params);
      await snippets.remove(id, request.staffAuth!.staff);
      return reply.code(204).send();
    });
  };
}
