// Coding after a chat: the form (codebook, current or pre-filled values, history), saving with
// validation (the primary coding closes the chat), the counsellor's "to code" list, and the
// supervisor's double-coding sample with per-field agreement.
import type { FastifyInstance } from 'fastify';
import { assignSampleRequestSchema, saveCodingRequestSchema } from '../../../protocol/codingApi.js';
import type { AgreementResponse, CodingFieldError, CodingFormResponse, CodingQueueResponse, CodingTranscriptResponse, SaveCodingResponse } from '../../../protocol/codingApi.js';
import type { CodingValues } from '../../../domain/codebook/codingValue.js';
import type { StaffMember } from '../../../store/staffRepository.js';
import type { AuthenticatedStaff } from '../../auth/staffSessions.js';
import { can } from '../../auth/permissions.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';
import { maskNickname, presentHistory } from './codingPresenter.js';
import { InvalidCoding } from '../../../app/coding/codingUseCases.js';

export function codingRoutes(ctx: AppContext) {
  const codings = () => ctx.app.codings;
  const supervises = (auth: AuthenticatedStaff) => can(auth.staff.role, 'chat:supervise');
  const codes = (staff: StaffMember) => can(staff.role, 'codings:write');

  return async (app: FastifyInstance) => {
    app.get('/api/codings/queue', { config: { access: 'codings:write' } }, async (request): Promise<CodingQueueResponse> => {
      const { awaiting, recent } = await codings().awaiting(request.staffAuth!.staff.id);
      return {
        awaiting: awaiting.map((a) => ({ conversationId: a.conversationId, kind: a.kind, nickname: maskNickname(a.nickname), endedAt: a.endedAt })),
        recent: recent.map((r) => ({ conversationId: r.conversationId, updatedAt: r.updatedAt, year: r.year })),
      };
    });

    app.get<{ Params: { id: string } }>('/api/codings/:id/form', { config: { access: 'codings:write' } }, async (request): Promise<CodingFormResponse> => {
      const auth = request.staffAuth!;
      const form = await codings().form(auth.staff, supervises(auth), request.params.id);
      const c = form.conversation;
      return {
        codebook: form.codebook,
        conversation: { id: c.id, status: c.status, nickname: c.nickname, language: c.language, endedAt: c.endedAt, closedAt: c.closedAt },
        mode: form.mode,
        saved: form.saved,
        values: form.values as CodingFormResponse['values'],
        sources: form.sources as CodingFormResponse['sources'],
        toConfirm: form.toConfirm,
        ageBandHint: form.ageBandHint,
        updatedAt: form.updatedAt,
        history: presentHistory(form.history, form.historyNames),
      };
    });

    // The transcript beside the form: the coder needs to read the chat.
    app.get<{ Params: { id: string } }>('/api/codings/:id/transcript', { config: { access: 'codings:write' } }, async (request): Promise<CodingTranscriptResponse> => {
      const auth = request.staffAuth!;
      return { messages: await codings().transcript(auth.staff, supervises(auth), request.params.id) };
    });

    app.put<{ Params: { id: string } }>('/api/codings/:id', { config: { access: 'codings:write' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      const input = parseBody(saveCodingRequestSchema, request.body);
      try {
        const { value, effects } = await codings().save(auth.staff, supervises(auth), request.params.id, { values: input.values as CodingValues, confirmedFields: input.confirmedFields });
        ctx.publish(effects);
        const body: SaveCodingResponse = { saved: true, mode: value.mode, changedFields: value.changedFields, status: value.status };
        return body;
      } catch (error) {
        if (!(error instanceof InvalidCoding)) throw error;
        const fieldErrors: CodingFieldError[] = error.problems;
        return reply.code(422).send({
          error: { code: 'invalid_coding', message: 'the coding has errors', issues: fieldErrors.map((e) => ({ path: e.fieldId, message: e.message, code: e.code })) },
          fieldErrors,
        });
      }
    });

    app.post('/api/codings/sample', { config: { access: 'codings:assign' } }, async (request, reply) => {
      const input = parseBody(assignSampleRequestSchema, request.body);
      const assigned = await codings().assignSample(request.staffAuth!.staff, input, codes);
      return reply.code(201).send({ assigned });
    });

    app.get<{ Querystring: { year?: string } }>('/api/codings/agreement', { config: { access: 'codings:assign' } }, async (request): Promise<AgreementResponse> => {
      const year = request.query.year === undefined ? undefined : Number(request.query.year);
      const result = await codings().agreement(request.staffAuth!.staff, Number.isInteger(year) ? year : undefined, codes);
      return {
        assigned: result.assigned,
        coded: result.coded,
        agreement: result.agreement,
        coders: result.coders.map((s) => ({ id: s.id, displayName: s.displayName, role: s.role })),
      };
    });
  };
}
