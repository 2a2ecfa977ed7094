// The administrator's settings: retention, routing, opening hours, alternatives, disguise.
import type { FastifyInstance } from 'fastify';
import { serviceSettingsPatchSchema } from '../../../protocol/serviceSettings.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';

export function settingsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/settings', { config: { access: 'staff:manage' } }, async () => ({ settings: await ctx.repos.settings.get() }));
    app.put('/api/settings', { config: { access: 'staff:manage' } }, async (request) => {
      const patch = parseBody(serviceSettingsPatchSchema, request.body);
      const settings = await ctx.repos.settings.update(patch, request.staffAuth!.staff.id, ctx.clock.now());
      await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: request.staffAuth!.staff.id, action: 'settings.update', detail: { fields: Object.keys(patch) } });
      // A new routing mode or offer time takes effect at the next step: take one now.
      await ctx.app.queue.tick();
      return { settings };
    });
  };
}
