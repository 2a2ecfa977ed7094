// Administrators read and filter the audit log, page back through it, check that its hash
// chain is unbroken, and export the filtered log as CSV (itself audited, after a fresh sign-in).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.js';
import { auditExportMaxRows, auditExportQuerySchema, auditListQuerySchema } from '../../../protocol/auditApi.js';
import type { AuditListResponse, AuditStaffDto, AuditVerifyResponse } from '../../../protocol/auditApi.js';
import type { AuditRow } from '../../../store/auditRepository.js';
import { requireRecentAuth } from '../recentAuth.js';
import { sendError } from '../errors.js';
import { auditFilterFrom, presentAuditEntry, presentAuditStaff, renderAuditCsv, staffNamedIn } from './auditPresenter.js';

const exportBatch = 5000;

export function auditRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/audit', { config: { access: 'audit:read' } }, async (request): Promise<AuditListResponse> => {
      const query = auditListQuerySchema.parse(request.query ?? {});
      // One more than asked tells whether an older page exists without counting the log.
      const rows = await ctx.repos.audit.list({
        ...auditFilterFrom(query),
        ...(query.before !== undefined ? { beforeId: query.before } : {}),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        entries: page.map(presentAuditEntry),
        staff: staffNamedIn(page, await ctx.repos.staff.list()),
        nextBefore: rows.length > query.limit ? page.at(-1)!.id : null,
      };
    });

    // Everyone who could appear in the log, for the "staff member" filter (disabled accounts too).
    app.get('/api/audit/staff', { config: { access: 'audit:read' } }, async (): Promise<{ staff: AuditStaffDto[] }> => ({
      staff: (await ctx.repos.staff.list()).map(presentAuditStaff),
    }));

    app.get('/api/audit/verify', { config: { access: 'audit:read' } }, async (): Promise<AuditVerifyResponse> => ctx.repos.audit.verifyChain());

    // Exporting asks for the password and code again if the last check is over 5 minutes old.
    app.get('/api/audit.csv', { config: { access: 'audit:read' }, preHandler: requireRecentAuth(ctx) }, async (request, reply) => {
      const query = auditExportQuerySchema.parse(request.query ?? {});
      const filter = auditFilterFrom(query);
      const rows: AuditRow[] = [];
      let beforeId: number | undefined;
      for (;;) {
        const batch = await ctx.repos.audit.list({ ...filter, ...(beforeId !== undefined ? { beforeId } : {}), limit: exportBatch });
        rows.push(...batch);
        if (rows.length > auditExportMaxRows) {
          return sendError(reply, 413, 'too_large', `more than ${auditExportMaxRows} entries match; narrow the filter (a date range, say)`);
        }
        if (batch.length < exportBatch) break;
        beforeId = batch.at(-1)!.id;
      }
      const csv = renderAuditCsv(rows.reverse(), await ctx.repos.staff.list());
      // The filter holds ids, action names and times only.
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: request.staffAuth!.staff.id,
        action: 'audit.exported',
        detail: { filter: query, count: rows.length },
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="baken-audit-${new Date(ctx.clock.now()).toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    });
  };
}
