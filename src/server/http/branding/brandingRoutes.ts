// Branding: the service's name (a setting, see serviceSettings.ts) and logo. The logo is an
// uploaded PNG, JPEG or WebP of at most 100 kB, recognised by its own first bytes and stored
// in the database; served from our own origin with its checked type (never SVG, so it can
// carry no script), nosniff and a download name. Changing it is audited.
import type { FastifyInstance } from 'fastify';
import { checkLogo } from '../../../domain/branding/logoImage.js';
import { logoPath, uploadLogoRequestSchema, type BrandingDto } from '../../../protocol/brandingApi.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';

const extension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

export async function currentBranding(ctx: AppContext): Promise<BrandingDto> {
  const settings = await ctx.repos.settings.get();
  const updatedAt = await ctx.repos.branding.logoUpdatedAt();
  return { serviceName: settings.serviceName ?? null, logoUrl: updatedAt === undefined ? null : `${logoPath}?v=${updatedAt}` };
}

export function brandingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    // Public: the console's sign-in page shows it too.
    app.get('/api/branding', { config: { access: 'public' } }, async () => currentBranding(ctx));

    app.get(logoPath, { config: { access: 'public' } }, async (_request, reply) => {
      const logo = await ctx.repos.branding.logo();
      if (!logo) return sendError(reply, 404, 'not_found', 'no logo');
      return reply
        .type(logo.contentType)
        .header('content-disposition', `inline; filename="logo.${extension[logo.contentType]}"`)
        .send(logo.data);
    });

    app.put('/api/settings/logo', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const { image } = parseBody(uploadLogoRequestSchema, request.body);
      const bytes = Buffer.from(image, 'base64');
      const checked = checkLogo(bytes);
      if (!checked.ok) {
        return checked.problem === 'too_large'
          ? sendError(reply, 413, 'too_large', 'the logo may be at most 100 kB')
          : sendError(reply, 415, 'unsupported_image', 'the logo must be a PNG, JPEG or WebP image');
      }
      const staffId = request.staffAuth!.staff.id;
      const now = ctx.clock.now();
      await ctx.repos.branding.setLogo({ contentType: checked.type, data: bytes }, staffId, now, {
        at: now,
        staffId,
        action: 'settings.logo_update',
        detail: { contentType: checked.type, bytes: bytes.length },
      });
      return currentBranding(ctx);
    });

    app.delete('/api/settings/logo', { config: { access: 'staff:manage' } }, async (request) => {
      const staffId = request.staffAuth!.staff.id;
      const now = ctx.clock.now();
      await ctx.repos.branding.removeLogo({ at: now, staffId, action: 'settings.logo_remove' });
      return currentBranding(ctx);
    });
  };
}
