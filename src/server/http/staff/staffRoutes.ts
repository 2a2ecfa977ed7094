import type { FastifyInstance } from 'fastify';
import { createStaffRequestSchema, updateStaffRequestSchema } from '../../../protocol/staffApi.js';
import { hashPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';
import { presentStaff } from './staffPresenter.js';
import { refuseWeakPassword } from '../weakPassword.js';

export function staffRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/staff', { config: { access: 'staff:manage' } }, async () => {
      const staff = await ctx.app.staffAccounts.list();
      return { staff: staff.map(presentStaff) };
    });

    app.post('/api/staff', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const input = parseBody(createStaffRequestSchema, request.body);
      const weak = refuseWeakPassword(reply, input.password, [input.username, input.displayName]);
      if (weak) return weak;
      const created = await ctx.app.staffAccounts.create(
        { username: input.username, displayName: input.displayName, passwordHash: await hashPassword(input.password), role: input.role, maxChats: input.maxChats, languages: input.languages },
        request.staffAuth!.staff,
      );
      return reply.code(201).send({ staff: presentStaff(created) });
    });

    app.patch<{ Params: { id: string } }>('/api/staff/:id', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const input = parseBody(updateStaffRequestSchema, request.body);
      const { password, ...rest } = input;
      if (password) {
        const existing = await ctx.repos.staff.findById(request.params.id);
        const weak = refuseWeakPassword(reply, password, existing ? [existing.username, existing.displayName] : []);
        if (weak) return weak;
      }
      const { value, effects } = await ctx.app.staffAccounts.update(
        request.params.id,
        { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
        Object.keys(input),
        request.staffAuth!.staff,
      );
      ctx.publish(effects);
      return { staff: presentStaff(value) };
    });
  };
}
