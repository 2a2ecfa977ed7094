// Whether the chat is open, for the visitor page; and the supervisor's hand on it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceStatus } from '../../../protocol/visitorProtocol.js';
import type { AppContext } from '../../appContext.js';
import { serviceAvailability } from '../../../app/queue/serviceAvailability.js';
import { queueAdmission } from '../../../domain/queue/queueLimits.js';
import { parseBody } from '../errors.js';
import { languageSchema } from '../../../protocol/common.js';

// Any visitor language; one we do not know is refused (400), not silently taken for Dutch.
const languageQuery = z.object({ lang: languageSchema.default('nl') });
const availabilityPatch = z
  .object({ availability: z.enum(['auto', 'open', 'closed']).optional(), busy: z.boolean().optional() })
  .refine((v) => v.availability !== undefined || v.busy !== undefined, 'nothing to change');

export function serviceRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/service', { config: { access: 'public' } }, async (request): Promise<ServiceStatus> => {
      const { lang } = languageQuery.parse(request.query ?? {});
      const settings = await ctx.repos.settings.get();
      const availability = serviceAvailability(settings, ctx.clock.now());
      const open = await ctx.repos.conversations.countOpen();
      return {
        open: availability.open,
        nextOpensAt: availability.nextOpensAt,
        busy: availability.busy,
        queueFull: queueAdmission({ waitingCount: open.waiting + open.offered, cap: settings.queueCap }).kind === 'full',
        askHowFound: settings.askHowFound,
        alternatives: settings.alternatives.map((a) => ({
          name: a.name,
          phone: a.phone,
          url: a.url,
          // Descriptions are written in Dutch and English: a visitor reading another language
          // more likely reads English than Dutch.
          description: lang === 'nl' ? (a.descriptionNl ?? a.descriptionEn) : (a.descriptionEn ?? a.descriptionNl),
        })),
      };
    });

    // Supervisors open or close the chat by hand, or switch busy mode.
    app.patch('/api/service', { config: { access: 'chat:supervise' } }, async (request) => {
      const patch = parseBody(availabilityPatch, request.body);
      const { value: updated, effects } = await ctx.app.settings.setAvailability(patch, request.staffAuth!.staff);
      ctx.publish(effects);
      return { availability: updated.availability, busy: updated.busy };
    });
  };
}
