// Coding after a chat: the form (codebook, current or pre-filled values, history), saving with
// validation (the primary coding closes the chat), the counsellor's "to code" list, and the
// supervisor's double-coding sample with per-field agreement.
import type { FastifyInstance } from 'fastify';
import { assignSampleRequestSchema, saveCodingRequestSchema } from '../../../protocol/codingApi.js';
import type { AgreementResponse, CodingFieldError, CodingFormResponse, CodingQueueResponse, CodingTranscriptResponse, SaveCodingResponse } from '../../../protocol/codingApi.js';
import { prefillCoding } from '../../../domain/codebook/prefillCoding.js';
import { validateCoding } from '../../../domain/codebook/validateCoding.js';
import { isEmptyValue } from '../../../domain/codebook/codingValue.js';
import type { CodingValues } from '../../../domain/codebook/codingValue.js';
import { computeAgreement } from '../../../domain/monitor/agreement.js';
import { transition } from '../../../domain/conversation/conversationLifecycle.js';
import type { Conversation } from '../../../store/conversationRepository.js';
import type { AuthenticatedStaff } from '../../auth/staffSessions.js';
import { can } from '../../auth/permissions.js';
import type { AppContext } from '../../appContext.js';
import { parseBody, sendError } from '../errors.js';
import { maskNickname, presentHistory } from './codingPresenter.js';
import type { AuditAction } from '../../../domain/audit/auditActions.js';

type Mode = 'primary' | 'second';

export function codingRoutes(ctx: AppContext) {
  const codings = () => ctx.repos.codings;
  const codebook = () => ctx.repos.codings.codebook;

  /** Which coding this staff member may make of this conversation, if any. */
  async function modeFor(auth: AuthenticatedStaff, conversation: Conversation): Promise<Mode | undefined> {
    const second = await codings().getSecond(conversation.id);
    if (second !== undefined && second.coderId === auth.staff.id) return 'second';
    if (conversation.status !== 'ended' && conversation.status !== 'closed') return undefined;
    if (conversation.counsellorId === auth.staff.id) return 'primary';
    if (can(auth.staff.role, 'chat:supervise')) return 'primary';
    return undefined;
  }

  const audit = (staffId: string, action: AuditAction, targetId: string, detail: Record<string, unknown>) =>
    ctx.repos.audit.append({ at: ctx.clock.now(), staffId, action, targetType: 'conversation', targetId, detail });

  return async (app: FastifyInstance) => {
    app.get('/api/codings/queue', { config: { access: 'codings:write' } }, async (request): Promise<CodingQueueResponse> => {
      const me = request.staffAuth!.staff.id;
      const awaiting = await codings().listAwaiting(me);
      const recent = await codings().listRecentByCoder(me, 20);
      const nicknames = await ctx.repos.conversations.nicknames(awaiting.map((a) => a.conversationId));
      return {
        awaiting: awaiting.map((a) => ({ conversationId: a.conversationId, kind: a.kind, nickname: maskNickname(nicknames.get(a.conversationId) ?? null), endedAt: a.endedAt })),
        recent: recent.map((r) => ({ conversationId: r.conversationId, updatedAt: r.updatedAt, year: r.year })),
      };
    });

    app.get<{ Params: { id: string } }>('/api/codings/:id/form', { config: { access: 'codings:write' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      const conversation = await ctx.repos.conversations.findById(request.params.id);
      if (!conversation) return sendError(reply, 404, 'not_found', 'no such conversation');
      const mode = await modeFor(auth, conversation);
      if (mode === undefined) return sendError(reply, 403, 'forbidden', 'you cannot code this conversation');
      const book = codebook();
      let values: CodingValues = {};
      let saved = false;
      let updatedAt: number | null = null;
      let prefill = { values: {}, sources: {}, toConfirm: [] as readonly string[], ageBandHint: null as string | null };
      if (mode === 'primary') {
        const stored = await codings().get(conversation.id);
        if (stored) {
          values = stored.values;
          saved = true;
          updatedAt = stored.updatedAt;
        }
      } else {
        const second = await codings().getSecond(conversation.id);
        if (second?.values) {
          values = second.values;
          saved = true;
          updatedAt = second.codedAt;
        }
      }
      const previous = mode === 'primary' && !saved && conversation.visitorKey ? await codings().previousForVisitor(conversation.visitorKey, conversation.id) : undefined;
      const draft = prefillCoding(book, {
        language: conversation.language,
        preChat: conversation.preChat,
        triageCategories: conversation.triage?.categories,
        previous: previous?.values,
      });
      if (!saved) {
        // A second coder codes independently: the pre-chat answers are evidence, earlier codings are not.
        prefill = mode === 'primary' ? draft : { ...draft, values: Object.fromEntries(Object.entries(draft.values).filter(([k]) => draft.sources[k] !== 'carried')), toConfirm: [] };
        values = prefill.values;
      } else {
        prefill.ageBandHint = draft.ageBandHint;
      }
      // The second coding's history is its own; the primary coder never sees the second coding.
      const history = (await codings().history(conversation.id)).filter((h) => h.coding === mode);
      const names = new Map<string, string>();
      for (const staffId of new Set(history.flatMap((h) => (h.staffId ? [h.staffId] : [])))) {
        const s = await ctx.repos.staff.findById(staffId);
        if (s) names.set(staffId, s.displayName);
      }
      await audit(auth.staff.id, 'coding.view', conversation.id, { mode });
      const body: CodingFormResponse = {
        codebook: book,
        conversation: { id: conversation.id, status: conversation.status, nickname: conversation.nickname, language: conversation.language, endedAt: conversation.endedAt, closedAt: conversation.closedAt },
        mode,
        saved,
        values: Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmptyValue(v))) as CodingFormResponse['values'],
        sources: saved ? {} : prefill.sources,
        toConfirm: saved ? [] : [...prefill.toConfirm],
        ageBandHint: prefill.ageBandHint,
        updatedAt,
        history: presentHistory(history, names),
      };
      return body;
    });

    // The transcript beside the form: the coder needs to read the chat. Only for whoever may code
    // it, and audited like reading it in the chat console.
    app.get<{ Params: { id: string } }>('/api/codings/:id/transcript', { config: { access: 'codings:write' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      const conversation = await ctx.repos.conversations.findById(request.params.id);
      if (!conversation) return sendError(reply, 404, 'not_found', 'no such conversation');
      const mode = await modeFor(auth, conversation);
      if (mode === undefined) return sendError(reply, 403, 'forbidden', 'you cannot code this conversation');
      await audit(auth.staff.id, 'transcript.view', conversation.id, { purpose: 'coding', mode });
      const body: CodingTranscriptResponse = { messages: await ctx.repos.messages.listAfter(conversation.id, 0) };
      return body;
    });

    app.put<{ Params: { id: string } }>('/api/codings/:id', { config: { access: 'codings:write' } }, async (request, reply) => {
      const auth = request.staffAuth!;
      const input = parseBody(saveCodingRequestSchema, request.body);
      const conversation = await ctx.repos.conversations.findById(request.params.id);
      if (!conversation) return sendError(reply, 404, 'not_found', 'no such conversation');
      const mode = await modeFor(auth, conversation);
      if (mode === undefined) return sendError(reply, 403, 'forbidden', 'you cannot code this conversation');
      const book = codebook();
      const values = input.values as CodingValues;
      const errors: CodingFieldError[] = validateCoding(book, values).errors.map((e) => ({ fieldId: e.fieldId, code: e.code, message: e.message }));
      if (mode === 'primary' && (await codings().get(conversation.id)) === undefined && conversation.visitorKey) {
        // Answers carried from an earlier chat count only once the counsellor has confirmed them.
        const previous = await codings().previousForVisitor(conversation.visitorKey, conversation.id);
        if (previous) {
          const draft = prefillCoding(book, { previous: previous.values });
          for (const fieldId of draft.toConfirm) {
            const same = JSON.stringify(values[fieldId]) === JSON.stringify(draft.values[fieldId]);
            if (same && !input.confirmedFields.includes(fieldId) && !errors.some((e) => e.fieldId === fieldId)) {
              errors.push({ fieldId, code: 'confirm_carried', message: 'This answer comes from an earlier chat: confirm it or change it.' });
            }
          }
        }
      }
      if (errors.length > 0) {
        return reply.code(422).send({
          error: { code: 'invalid_coding', message: 'the coding has errors', issues: errors.map((e) => ({ path: e.fieldId, message: e.message, code: e.code })) },
          fieldErrors: errors,
        });
      }
      const now = ctx.clock.now();
      if (mode === 'second') {
        const saved = await codings().saveSecond({ conversationId: conversation.id, staffId: auth.staff.id, codebookVersion: book.version, values, now });
        if (!saved) return sendError(reply, 403, 'forbidden', 'this conversation is not assigned to you');
        await audit(auth.staff.id, 'coding.second', conversation.id, { fields: saved.changedFields });
        const body: SaveCodingResponse = { saved: true, mode, changedFields: saved.changedFields, status: conversation.status };
        return body;
      }
      let status = conversation.status;
      const closedAt = conversation.closedAt ?? now;
      const result = await codings().savePrimary({ conversationId: conversation.id, closedAt, visitorKey: conversation.visitorKey, codebookVersion: book.version, values, staffId: auth.staff.id, now });
      if (conversation.status === 'ended') {
        const decided = transition(conversation, { type: 'close' });
        if (decided.ok) {
          const closed = await ctx.repos.conversations.applyTransition({ current: conversation, next: decided.state, event: 'close', actor: { kind: 'staff', staffId: auth.staff.id }, now: closedAt });
          if (closed) {
            status = closed.status;
            ctx.publish([{ type: 'conversation.changed', conversation: closed, counsellorName: await ctx.app.names.of(closed.counsellorId), formerHolders: [] }]);
            // Coded: if the service waits for coding before the next chat, she can get an offer now.
            void ctx.app.queue.tick();
          } else {
            status = (await ctx.repos.conversations.findById(conversation.id))?.status ?? status;
          }
        }
      }
      await audit(auth.staff.id, result.created ? 'coding.create' : 'coding.update', conversation.id, { fields: result.changedFields });
      const body: SaveCodingResponse = { saved: true, mode, changedFields: result.changedFields, status };
      return body;
    });

    app.post('/api/codings/sample', { config: { access: 'codings:assign' } }, async (request, reply) => {
      const input = parseBody(assignSampleRequestSchema, request.body);
      const coder = await ctx.repos.staff.findById(input.coderId);
      if (!coder || coder.disabled || !can(coder.role, 'codings:write')) return sendError(reply, 404, 'not_found', 'no such coder');
      const picked = await codings().assignSecond({ coderId: coder.id, assignedBy: request.staffAuth!.staff.id, size: input.size, ...(input.year === undefined ? {} : { year: input.year }), now: ctx.clock.now() });
      await ctx.repos.audit.append({
        at: ctx.clock.now(),
        staffId: request.staffAuth!.staff.id,
        action: 'coding.assign_sample',
        targetType: 'staff',
        targetId: coder.id,
        detail: { count: picked.length, requested: input.size, year: input.year ?? null },
      });
      return reply.code(201).send({ assigned: picked.length });
    });

    app.get<{ Querystring: { year?: string } }>('/api/codings/agreement', { config: { access: 'codings:assign' } }, async (request): Promise<AgreementResponse> => {
      const year = request.query.year === undefined ? undefined : Number(request.query.year);
      const pairs = await codings().doubleCoded(Number.isInteger(year) ? year : undefined);
      const status = await codings().sampleStatus();
      const staff = await ctx.repos.staff.list();
      await ctx.repos.audit.append({ at: ctx.clock.now(), staffId: request.staffAuth!.staff.id, action: 'coding.agreement_view', targetType: null, targetId: null, detail: { pairs: pairs.length } });
      return {
        ...status,
        agreement: computeAgreement(codebook(), pairs),
        coders: staff.filter((s) => !s.disabled && can(s.role, 'codings:write')).map((s) => ({ id: s.id, displayName: s.displayName, role: s.role })),
      };
    });
  };
}
