// The service's own figures for the coordinator: JSON for the console page and a CSV download.
// Thin: validate the query, call the use case (which records the look in the audit log).
import type { FastifyInstance } from 'fastify';
import { figuresQuerySchema } from '../../../protocol/serviceFiguresApi.js';
import type { AppContext } from '../../appContext.js';

export function figuresRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/figures', { config: { access: 'figures:read' } }, async (request) => ctx.app.figures.view(figuresQuerySchema.parse(request.query), request.staffAuth!.staff));

    app.get('/api/figures.csv', { config: { access: 'figures:read' } }, async (request, reply) => {
      const { csv, fileName } = await ctx.app.figures.exportCsv(figuresQuerySchema.parse(request.query), request.staffAuth!.staff);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv);
    });
  };
}
