// The anonymous mailbox over HTTP. Her two routes are public and take her return code as the
// credential (rate-limited per address like every return-code check); leaving letters has its
// own, tighter limit. The counsellors' routes need chat:handle; opening a letter is audited.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { can } from '../../auth/permissions.js';
import { leaveLetterRequestSchema, readLettersRequestSchema, replyLetterRequestSchema, type LeaveLetterResponse, type ReadLettersResponse } from '../../../protocol/mailboxApi.js';

export function mailboxRoutes(ctx: AppContext) {
  const mailbox = ctx.app.mailbox;
  return async (app: FastifyInstance) => {
    app.post('/api/visitor/mailbox/letters', { config: { access: 'public', skipCsrf: true }, bodyLimit: 64 * 1024 }, async (request, reply) => {
      const input = parseBody(leaveLetterRequestSchema, request.body);
      if (ctx.addressBlocks.isBlocked(request.ip)) return sendError(reply, 403, 'forbidden', 'you cannot leave a letter right now');
      if (!ctx.letterLimiter.take(request.ip)) return sendError(reply, 429, 'rate_limited', 'too many letters from here; wait a while');
      if (input.returnCode !== undefined && !ctx.returnCodeLimiter.take(request.ip)) return sendError(reply, 429, 'rate_limited', 'too many return codes tried; wait a while');
      const result = await mailbox.leaveLetter(input);
      if (result.outcome === 'unknown_code') return sendError(reply, 404, 'not_found', 'this return code is not known (any more)');
      const body: LeaveLetterResponse = { returnCode: result.returnCode, answerWithinDays: result.answerWithinDays };
      return reply.code(201).send(body);
    });

    app.post('/api/visitor/mailbox/read', { config: { access: 'public', skipCsrf: true } }, async (request, reply) => {
      const { returnCode } = parseBody(readLettersRequestSchema, request.body);
      if (!ctx.returnCodeLimiter.take(request.ip)) return sendError(reply, 429, 'rate_limited', 'too many return codes tried; wait a while');
      const result = await mailbox.readLetters(returnCode);
      if (result.outcome === 'unknown') return sendError(reply, 404, 'not_found', 'this return code is not known (any more)');
      const body: ReadLettersResponse = { letters: result.letters, answerWithinDays: result.answerWithinDays };
      return reply.header('cache-control', 'no-store').send(body);
    });

    app.get('/api/mailbox', { config: { access: 'chat:handle' } }, async (request) => ({ letters: await mailbox.listUnanswered(request.staffAuth!.staff) }));

    app.get<{ Params: { id: string } }>('/api/mailbox/:id', { config: { access: 'chat:handle' } }, async (request, reply) => {
      const staff = request.staffAuth!.staff;
      const letter = await mailbox.open(staff, request.params.id, can(staff.role, 'chat:supervise'));
      return reply.header('cache-control', 'no-store').send({ letter });
    });

    app.post<{ Params: { id: string } }>('/api/mailbox/:id/claim', { config: { access: 'chat:handle' } }, async (request) => {
      await mailbox.claim(request.staffAuth!.staff, request.params.id);
      return { ok: true };
    });

    app.post<{ Params: { id: string } }>('/api/mailbox/:id/release', { config: { access: 'chat:handle' } }, async (request) => {
      await mailbox.release(request.staffAuth!.staff, request.params.id);
      return { ok: true };
    });

    app.post<{ Params: { id: string } }>('/api/mailbox/:id/reply', { config: { access: 'chat:handle' }, bodyLimit: 64 * 1024 }, async (request) => {
      const { text } = parseBody(replyLetterRequestSchema, request.body);
      await mailbox.answer(request.staffAuth!.staff, request.params.id, text);
      return { ok: true };
    });
  };
}
