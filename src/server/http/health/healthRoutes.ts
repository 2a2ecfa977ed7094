import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.js';
import type { PublicConfig } from '../../../protocol/staffApi.js';
import { isVisitorPageDisguised } from '../../../protocol/serviceSettings.js';
import { currentBranding } from '../branding/brandingRoutes.js';
import { offeredLanguages } from '../../../protocol/languageInfo.js';

export function healthRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
      const ready = !ctx.shuttingDown && (await ctx.repos.ready());
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
    });
    // What the visitor page and the console need of the settings; nothing else leaves here.
    app.get('/api/config', { config: { access: 'public' } }, async (): Promise<PublicConfig> => {
      const settings = await ctx.repos.settings.get();
      return {
        quickExitUrl: settings.quickExitUrl ?? ctx.config.quickExitUrl,
        // Only the languages the administrator has not switched off; Dutch always.
        languages: offeredLanguages(settings.disabledLanguages),
        retentionDays: settings.retentionDays,
        partnerOrigins: ctx.config.partnerOrigins,
        ...(settings.disguiseTitle ? { disguiseTitle: settings.disguiseTitle } : {}),
        disguiseIcon: settings.disguiseIcon,
        clickableLinks: settings.clickableLinks,
        confidentiality: { ...(settings.confidentialityNl ? { nl: settings.confidentialityNl } : {}), ...(settings.confidentialityEn ? { en: settings.confidentialityEn } : {}) },
        // A disguised page says nothing about the service, not even in its settings.
        ...(isVisitorPageDisguised(settings) ? {} : { branding: await currentBranding(ctx) }),
      };
    });
  };
}
