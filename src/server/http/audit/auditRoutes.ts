// Administrators read and filter the audit log, and check that its hash chain is unbroken.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../appContext.js';

const filterSchema = z.object({
  staffId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function auditRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/audit', { config: { access: 'audit:read' } }, async (request) => {
      const filter = filterSchema.parse(request.query ?? {});
      const rows = await ctx.repos.audit.list(filter);
      return {
        entries: rows.map((r) => ({
          id: r.id,
          at: r.at,
          staffId: r.staff_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
        })),
      };
    });
    app.get('/api/audit/verify', { config: { access: 'audit:read' } }, async () => ctx.repos.audit.verifyChain());
  };
}
