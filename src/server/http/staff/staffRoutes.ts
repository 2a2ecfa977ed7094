import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createStaffRequestSchema, updateStaffRequestSchema } from '../../../protocol/staffApi.js';
import { hashPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { presentStaff } from './staffPresenter.js';
import { refuseWeakPassword } from '../weakPassword.js';

export function staffRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/api/staff', { config: { access: 'staff:manage' } }, async () => {
      const staff = await ctx.repos.staff.list();
      return { staff: staff.map(presentStaff) };
    });

    app.post('/api/staff', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const input = parseBody(createStaffRequestSchema, request.body);
      if (await ctx.repos.staff.findByUsername(input.username)) {
        return sendError(reply, 409, 'conflict', 'that username is taken');
      }
      const weak = refuseWeakPassword(reply, input.password, [input.username, input.displayName]);
      if (weak) return weak;
      const created = await ctx.repos.staff.create({
        id: crypto.randomUUID(),
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        maxChats: input.maxChats,
        // The administrator chose it: she chooses her own at her first sign-in.
        mustChangePassword: true,
        now: ctx.clock.now(),
      });
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: request.staffAuth!.staff.id,
        action: 'staff.create',
        targetType: 'staff',
        targetId: created.id,
        detail: { role: created.role },
      });
      return reply.code(201).send({ staff: presentStaff(created) });
    });

    app.patch<{ Params: { id: string } }>('/api/staff/:id', { config: { access: 'staff:manage' } }, async (request, reply) => {
      const input = parseBody(updateStaffRequestSchema, request.body);
      const actor = request.staffAuth!.staff;
      if (request.params.id === actor.id && (input.disabled === true || (input.role && input.role !== 'admin'))) {
        return sendError(reply, 409, 'conflict', 'you cannot disable yourself or drop your own admin role');
      }
      const { password, ...rest } = input;
      if (password) {
        const existing = await ctx.repos.staff.findById(request.params.id);
        const weak = refuseWeakPassword(reply, password, existing ? [existing.username, existing.displayName] : []);
        if (weak) return weak;
      }
      const updated = await ctx.repos.staff.update(
        request.params.id,
        // A password someone else chose is temporary: she changes it at her next sign-in.
        { ...rest, ...(password ? { passwordHash: await hashPassword(password), mustChangePassword: request.params.id !== actor.id } : {}) },
        ctx.clock.now(),
      );
      if (!updated) return sendError(reply, 404, 'not_found', 'no such staff member');
      ctx.conversations.forgetStaffName(updated.id);
      // A changed role, password or a disabled account ends every session of that person.
      if (input.role || input.disabled || password) {
        await ctx.sessions.endAllFor(updated.id);
        ctx.events.emit('staff.sessionEnded', { staffId: updated.id, sessionId: null });
      }
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: actor.id,
        action: 'staff.update',
        targetType: 'staff',
        targetId: updated.id,
        detail: { fields: Object.keys(input) },
      });
      return { staff: presentStaff(updated) };
    });
  };
}
