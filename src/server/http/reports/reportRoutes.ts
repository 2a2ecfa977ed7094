// The research monitor over HTTP: JSON for the reports page, CSV / HTML / PDF downloads, and
// export and import of coded conversations in the documented format (docs/coded-data-format.md).
// Every access is audited (year and format, never a figure); nothing here carries message text.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { codedDataExportQuerySchema, importCodedDataRequestSchema, monitorQuerySchema } from '../../../protocol/codingApi.js';
import type { ImportCodedDataResponse } from '../../../protocol/codingApi.js';
import { exportCodedConversationsCsv, importCodedConversationsCsv } from '../../../domain/codebook/codedConversationCsv.js';
import { exportCodedConversationsJson, importCodedConversationsJson } from '../../../domain/codebook/codedConversationJson.js';
import { amsterdamYearBounds } from '../../../domain/monitor/amsterdamYear.js';
import { monitorPeriods } from '../../../domain/monitor/computeMonitor.js';
import type { MonitorReport } from '../../../domain/monitor/monitorReport.js';
import { computeMonitorPacked } from '../../../domain/monitor/packedCodings.js';
import type { HandoverYearCounts } from '../../../domain/monitor/handoverTable.js';
import { renderReportCsv } from '../../../reporting/renderReportCsv.js';
import { renderReportHtml } from '../../../reporting/renderReportHtml.js';
import { requireRecentAuth } from '../recentAuth.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { PdfUnavailableError, renderPdf } from './renderPdf.js';
import type { AuditAction } from '../../../domain/audit/auditActions.js';

export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const MAX_ISSUES_SHOWN = 200;

/** The monitor for a year from the database, with the same options the CLI uses for --years. */
export async function monitorFromStore(ctx: AppContext, year: number, pooled?: { from: number; to: number }): Promise<MonitorReport> {
  const codings = ctx.repos.codings;
  const options = {
    codebook: codings.codebook,
    year,
    ...(pooled === undefined ? {} : { pooledRanges: [pooled], seriesFrom: Math.min(pooled.from, year - 4) }),
  };
  const { first, last } = monitorPeriods(options);
  const packed = await codings.loadPacked(amsterdamYearBounds(first)[0], amsterdamYearBounds(last)[1]);
  const doubleCoded = await codings.doubleCoded(year);
  const handovers = await handoversByYear(ctx, monitorPeriods(options).seriesRange);
  const report = computeMonitorPacked(packed, { ...options, ...(doubleCoded.length > 0 ? { doubleCoded } : {}), ...(handovers ? { handovers } : {}) });
  // Arrivals → chats per source, from day counters (never linked to the coded conversations).
  const visibility = await ctx.app.visibility.reportTables(`${year}-01-01`, `${year}-12-31`, String(year));
  return { ...report, tables: [...report.tables, ...visibility] };
}

/**
 * Standing handovers (with consent, or approved emergencies) per Dutch calendar year of the
 * series; undefined while the service has recorded none in it (imported history has none).
 */
async function handoversByYear(ctx: AppContext, range: { from: number; to: number }): Promise<Map<number, HandoverYearCounts> | undefined> {
  const years = new Map<number, HandoverYearCounts>();
  for (let y = range.from; y <= range.to; y += 1) {
    const [from, to] = amsterdamYearBounds(y);
    years.set(y, await ctx.repos.handovers.countStanding(from, to));
  }
  return [...years.values()].some((c) => c.consent + c.emergency > 0) ? years : undefined;
}

function attachment(reply: FastifyReply, type: string, name: string): FastifyReply {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`);
}

export function reportRoutes(ctx: AppContext) {
  const audit = (staffId: string, action: AuditAction, detail: Record<string, unknown>) =>
    ctx.repos.audit.append({ at: ctx.clock.now(), staffId, action, targetType: 'report', targetId: null, detail });

  return async (app: FastifyInstance) => {
    app.get('/api/reports/years', { config: { access: 'reports:read' } }, async () => ({ years: await ctx.repos.codings.years() }));

    for (const format of ['json', 'csv', 'html', 'pdf'] as const) {
      const path = format === 'json' ? '/api/reports/monitor' : `/api/reports/monitor.${format}`;
      app.get(path, { config: { access: 'reports:read' } }, async (request, reply) => {
        const query = monitorQuerySchema.parse(request.query);
        const pooled = query.from === undefined ? undefined : { from: query.from, to: query.to! };
        const report = await monitorFromStore(ctx, query.year, pooled);
        await audit(request.staffAuth!.staff.id, format === 'json' ? 'report.view' : 'report.export', { year: query.year, pooled: pooled ?? null, format });
        const base = `baken-monitor-${query.year}${pooled ? `-${pooled.from}-${pooled.to}` : ''}-${query.lang}`;
        if (format === 'json') return report;
        if (format === 'csv') return attachment(reply, 'text/csv; charset=utf-8', `${base}.csv`).send(renderReportCsv(report, query.lang));
        const html = renderReportHtml(report, { language: query.lang });
        if (format === 'html') return attachment(reply, 'text/html; charset=utf-8', `${base}.html`).send(html);
        try {
          const pdf = await renderPdf(html, { language: query.lang });
          return attachment(reply, 'application/pdf', `${base}.pdf`).send(pdf);
        } catch (error) {
          if (error instanceof PdfUnavailableError) {
            return sendError(reply, 503, 'unavailable', `PDF needs Debian's Chromium: ${error.message}. Install the "chromium" package, or download the HTML report and print it.`);
          }
          throw error;
        }
      });
    }

    // Exporting data asks for the password and code again if the last check is over 5 minutes old.
    app.get('/api/reports/coded-data', { config: { access: 'reports:read' }, preHandler: requireRecentAuth(ctx) }, async (request, reply) => {
      const query = codedDataExportQuerySchema.parse(request.query);
      const codings = ctx.repos.codings;
      const conversations = await codings.exportCoded({ ...(query.from === undefined ? {} : { fromYear: query.from }), ...(query.to === undefined ? {} : { toYear: query.to }) });
      await audit(request.staffAuth!.staff.id, 'coded_data.export', { format: query.format, from: query.from ?? null, to: query.to ?? null, count: conversations.length });
      const range = query.from === undefined && query.to === undefined ? 'all' : `${query.from ?? 'start'}-${query.to ?? 'end'}`;
      const name = `baken-coded-${range}.${query.format}`;
      return query.format === 'csv'
        ? attachment(reply, 'text/csv; charset=utf-8', name).send(exportCodedConversationsCsv(codings.codebook, conversations))
        : attachment(reply, 'application/json; charset=utf-8', name).send(exportCodedConversationsJson(codings.codebook, conversations));
    });

    app.post('/api/reports/coded-data', { config: { access: 'codings:import' }, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
      const input = parseBody(importCodedDataRequestSchema, request.body);
      const codings = ctx.repos.codings;
      const parsed = input.format === 'csv' ? importCodedConversationsCsv(codings.codebook, input.content) : importCodedConversationsJson(codings.codebook, input.content);
      const rows = parsed.conversations.length + new Set(parsed.issues.filter((i) => i.row > 1 || input.format === 'json').map((i) => i.row)).size;
      // All or nothing: figures must be reproducible, so a file with errors is not half imported.
      let inserted = 0;
      let skippedExisting = 0;
      if (parsed.issues.length === 0 && !input.dryRun) {
        const result = await codings.importMany(parsed.conversations, request.staffAuth!.staff.id, ctx.clock.now());
        inserted = result.inserted;
        skippedExisting = result.skipped.length;
      }
      await audit(request.staffAuth!.staff.id, 'coded_data.import', { format: input.format, dryRun: input.dryRun, rows, inserted, skippedExisting, issues: parsed.issues.length });
      const body: ImportCodedDataResponse = {
        dryRun: input.dryRun,
        rows,
        inserted,
        skippedExisting,
        issueCount: parsed.issues.length,
        issues: parsed.issues.slice(0, MAX_ISSUES_SHOWN),
      };
      return reply.code(parsed.issues.length > 0 ? 422 : input.dryRun ? 200 : 201).send(body);
    });
  };
}
