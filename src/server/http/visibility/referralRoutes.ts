// The administrator's referral tokens (each change audited), the printable poster of one, and
// the visibility table per source for the reports area.
import type { FastifyInstance } from 'fastify';
import { createReferralRequestSchema, referralParamsSchema, visibilityQuerySchema } from '../../../protocol/visibilityApi.js';
import type { PosterDto, ReferralDto, VisibilityReportDto } from '../../../protocol/visibilityApi.js';
import type { AppContext } from '../../appContext.js';
import { qrPath } from '../../auth/totpQr.js';
import { parseBody, sendError } from '../errors.js';
import { visibilityNote } from '../../../domain/monitor/visibilityTables.js';

export function referralRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/referrals', { config: { access: 'staff:manage' } }, async (): Promise<{ referrals: ReferralDto[] }> => ({ referrals: await ctx.app.referrals.list() }));

    app.post('/api/referrals', { config: { access: 'staff:manage' }, bodyLimit: 4096 }, async (request, reply) => {
      const input = parseBody(createReferralRequestSchema, request.body);
      const created = await ctx.app.referrals.create(input, request.staffAuth!.staff);
      return reply.code(201).send(created satisfies ReferralDto);
    });

    app.delete('/api/referrals/:token', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const { token } = referralParamsSchema.parse(request.params);
      await ctx.app.referrals.remove(token, request.staffAuth!.staff);
      return reply.code(204).send();
    });

    // The QR code is drawn here (offline, the qrcode package) as path data the console puts in an
    // <svg>: no markup from elsewhere in the page.
    app.get('/api/referrals/:token/poster', { config: { access: 'staff:manage' } }, async (request, reply): Promise<PosterDto> => {
      const { token } = referralParamsSchema.parse(request.params);
      const referral = await ctx.app.referrals.find(token);
      if (!referral) return sendError(reply, 404, 'not_found', 'no such token');
      const settings = await ctx.repos.settings.get();
      const base = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).origin : `${request.protocol}://${request.host}`;
      const link = `${base}/?via=${encodeURIComponent(referral.token)}`;
      return { token: referral.token, label: referral.label, serviceName: settings.serviceName ?? 'Baken', link, qr: qrPath(link, 4) };
    });

    app.get('/api/reports/visibility', { config: { access: 'reports:read' } }, async (request): Promise<VisibilityReportDto> => {
      const { from, to } = visibilityQuerySchema.parse(request.query);
      const tables = await ctx.app.visibility.reportTables(from, to, from === to ? from : `${from} – ${to}`);
      await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: request.staffAuth!.staff.id, action: 'report.view', targetType: 'report', targetId: null, detail: { table: 'visibility', from, to } });
      return { from, to, tables, note: visibilityNote };
    });
  };
}
