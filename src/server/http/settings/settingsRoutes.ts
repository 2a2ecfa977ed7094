// The administrator's settings: retention, routing, opening hours, alternatives, disguise.
import type { FastifyInstance } from 'fastify';
import { serviceSettingsPatchSchema } from '../../../protocol/serviceSettings.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';

export function settingsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/settings', { config: { access: 'staff:manage' } }, async () => ({ settings: await ctx.app.settings.get() }));
    app.put('/api/settings', { config: { access: 'staff:manage' } }, async (request) => {
      const patch = parseBody(serviceSettingsPatchSchema, request.body);
      const { value, effects } = await ctx.app.settings.update(patch, request.staffAuth!.staff);
      ctx.publish(effects);
      return { settings: value };
    });
  };
}
