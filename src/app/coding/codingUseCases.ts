// Coding after a chat: the form (codebook, current or pre-filled values, history), saving with
// validation (the primary coding closes the chat), the counsellor's "to code" list, and the
// supervisor's double-coding sample with per-field agreement. Every save and its audit entry
// commit together.
import type { Repositories } from '../../store/repositories.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { CodingHistoryEntry } from '../../store/codingRepository.js';
import type { Codebook } from '../../domain/codebook/codebookSchema.js';
import { prefillCoding } from '../../domain/codebook/prefillCoding.js';
import { validateCoding, type CodingErrorCode } from '../../domain/codebook/validateCoding.js';
import { isEmptyValue, type CodingValues } from '../../domain/codebook/codingValue.js';
import { computeAgreement, type FieldAgreement } from '../../domain/monitor/agreement.js';
import { transition, type ConversationStatus } from '../../domain/conversation/conversationLifecycle.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { AuditAction } from '../../domain/audit/auditActions.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import { outcome, type Effect, type Outcome } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import type { StaffNames } from '../staff/staffNames.js';

export type CodingMode = 'primary' | 'second';

export interface CodingFieldProblem {
  fieldId: string;
  code: CodingErrorCode | 'confirm_carried';
  message: string;
}

/** A coding the validation refused: one problem per field, nothing stored. */
export class InvalidCoding extends Error {
  constructor(readonly problems: CodingFieldProblem[]) {
    super('the coding has errors');
  }
}

export interface CodingForm {
  codebook: Codebook;
  conversation: Conversation;
  mode: CodingMode;
  saved: boolean;
  values: CodingValues;
  sources: Record<string, string>;
  toConfirm: string[];
  ageBandHint: string | null;
  updatedAt: number | null;
  history: CodingHistoryEntry[];
  historyNames: Map<string, string>;
}

export interface CodingCapabilities {
  supervises: boolean;
  /** Whether this staff member may code (checked for a coder a sample is assigned to). */
  codes: (staff: StaffMember) => boolean;
}

export class CodingUseCases {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
    private readonly names: StaffNames,
  ) {}

  get codebook(): Codebook {
    return this.repos.codings.codebook;
  }

  async awaiting(staffId: string) {
    const awaiting = await this.repos.codings.listAwaiting(staffId);
    const recent = await this.repos.codings.listRecentByCoder(staffId, 20);
    const nicknames = await this.repos.conversations.nicknames(awaiting.map((a) => a.conversationId));
    return { awaiting: awaiting.map((a) => ({ ...a, nickname: nicknames.get(a.conversationId) ?? null })), recent };
  }

  async form(staff: StaffMember, supervises: boolean, conversationId: string): Promise<CodingForm> {
    const { conversation, mode } = await this.codable(staff, supervises, conversationId);
    const book = this.codebook;
    let values: CodingValues = {};
    let saved = false;
    let updatedAt: number | null = null;
    let prefill = { values: {} as CodingValues, sources: {} as Record<string, string>, toConfirm: [] as readonly string[], ageBandHint: null as string | null };
    if (mode === 'primary') {
      const stored = await this.repos.codings.get(conversation.id);
      if (stored) {
        values = stored.values;
        updatedAt = stored.updatedAt;
        saved = true;
      }
    } else {
      const second = await this.repos.codings.getSecond(conversation.id);
      if (second?.values) {
        values = second.values;
        updatedAt = second.codedAt;
        saved = true;
      }
    }
    const previous = mode === 'primary' && !saved && conversation.visitorKey ? await this.repos.codings.previousForVisitor(conversation.visitorKey, conversation.id) : undefined;
    const draft = prefillCoding(book, {
      language: conversation.language,
      channel: conversation.channel,
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
    const history = (await this.repos.codings.history(conversation.id)).filter((h) => h.coding === mode);
    const historyNames = await this.names.many(history.flatMap((h) => (h.staffId ? [h.staffId] : [])));
    await this.audit(this.repos, staff.id, 'coding.view', conversation.id, { mode });
    return {
      codebook: book,
      conversation,
      mode,
      saved,
      values: Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmptyValue(v))) as CodingValues,
      sources: saved ? {} : prefill.sources,
      toConfirm: saved ? [] : [...prefill.toConfirm],
      ageBandHint: prefill.ageBandHint,
      updatedAt,
      history,
      historyNames,
    };
  }

  /** The transcript beside the form: only for whoever may code it, audited like reading it in the console. */
  async transcript(staff: StaffMember, supervises: boolean, conversationId: string): Promise<StoredMessage[]> {
    const { conversation, mode } = await this.codable(staff, supervises, conversationId);
    await this.audit(this.repos, staff.id, 'transcript.view', conversation.id, { purpose: 'coding', mode });
    return this.repos.messages.listAfter(conversation.id, 0);
  }

  async save(
    staff: StaffMember,
    supervises: boolean,
    conversationId: string,
    input: { values: CodingValues; confirmedFields: readonly string[] },
  ): Promise<Outcome<{ mode: CodingMode; changedFields: string[]; status: ConversationStatus }>> {
    const { conversation, mode } = await this.codable(staff, supervises, conversationId);
    const book = this.codebook;
    const values = input.values;
    const problems: CodingFieldProblem[] = validateCoding(book, values).errors.map((e) => ({ fieldId: e.fieldId, code: e.code, message: e.message }));
    if (mode === 'primary' && (await this.repos.codings.get(conversation.id)) === undefined && conversation.visitorKey) {
      // Answers carried from an earlier chat count only once the counsellor has confirmed them.
      const previous = await this.repos.codings.previousForVisitor(conversation.visitorKey, conversation.id);
      if (previous) {
        const draft = prefillCoding(book, { previous: previous.values });
        for (const fieldId of draft.toConfirm) {
          const same = JSON.stringify(values[fieldId]) === JSON.stringify(draft.values[fieldId]);
          if (same && !input.confirmedFields.includes(fieldId) && !problems.some((e) => e.fieldId === fieldId)) {
            problems.push({ fieldId, code: 'confirm_carried', message: 'This answer comes from an earlier chat: confirm it or change it.' });
          }
        }
      }
    }
    if (problems.length > 0) throw new InvalidCoding(problems);
    const now = this.clock.now();
    if (mode === 'second') {
      const changedFields = await this.repos.transaction(async (tx) => {
        const saved = await tx.codings.saveSecond({ conversationId: conversation.id, staffId: staff.id, codebookVersion: book.version, values, now });
        if (!saved) throw new ServiceError('forbidden', 'this conversation is not assigned to you');
        await this.audit(tx, staff.id, 'coding.second', conversation.id, { fields: saved.changedFields });
        return saved.changedFields;
      });
      return outcome({ mode, changedFields, status: conversation.status });
    }
    const closedAt = conversation.closedAt ?? now;
    const { result, closed } = await this.repos.transaction(async (tx) => {
      const result = await tx.codings.savePrimary({ conversationId: conversation.id, closedAt, visitorKey: conversation.visitorKey, codebookVersion: book.version, values, staffId: staff.id, now });
      let closed: Conversation | undefined;
      if (conversation.status === 'ended') {
        const decided = transition(conversation, { type: 'close' });
        if (decided.ok) closed = await tx.conversations.applyTransition({ current: conversation, next: decided.state, event: 'close', actor: { kind: 'staff', staffId: staff.id }, now: closedAt });
      }
      await this.audit(tx, staff.id, result.created ? 'coding.create' : 'coding.update', conversation.id, { fields: result.changedFields });
      return { result, closed };
    });
    const effects: Effect[] = [];
    let status = conversation.status;
    if (closed) {
      status = closed.status;
      effects.push({ type: 'conversation.changed', conversation: closed, counsellorName: await this.names.of(closed.counsellorId), formerHolders: [] });
      // Coded: if the service waits for coding before the next chat, she can get an offer now.
      const { effects: routed } = await this.queue.run({ type: 'tick' }, { kind: 'staff', id: staff.id });
      effects.push(...routed);
    } else if (conversation.status === 'ended') {
      status = (await this.repos.conversations.findById(conversation.id))?.status ?? status;
    }
    return outcome({ mode, changedFields: result.changedFields, status }, effects);
  }

  async assignSample(actor: StaffMember, input: { coderId: string; size: number; year?: number | undefined }, codes: (staff: StaffMember) => boolean): Promise<number> {
    const coder = await this.repos.staff.findById(input.coderId);
    if (!coder || coder.disabled || !codes(coder)) throw new ServiceError('not_found', 'no such coder');
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      const picked = await tx.codings.assignSecond({ coderId: coder.id, assignedBy: actor.id, size: input.size, ...(input.year === undefined ? {} : { year: input.year }), now });
      await tx.audit.append({ at: now, staffId: actor.id, action: 'coding.assign_sample', targetType: 'staff', targetId: coder.id, detail: { count: picked.length, requested: input.size, year: input.year ?? null } });
      return picked.length;
    });
  }

  async agreement(actor: StaffMember, year: number | undefined, codes: (staff: StaffMember) => boolean): Promise<{ assigned: number; coded: number; agreement: FieldAgreement[]; coders: StaffMember[] }> {
    const pairs = await this.repos.codings.doubleCoded(year);
    const status = await this.repos.codings.sampleStatus();
    const staff = await this.repos.staff.list();
    await this.repos.audit.append({ at: this.clock.now(), staffId: actor.id, action: 'coding.agreement_view', targetType: null, targetId: null, detail: { pairs: pairs.length } });
    return { ...status, agreement: computeAgreement(this.codebook, pairs), coders: staff.filter((s) => !s.disabled && codes(s)) };
  }

  /** Which coding this staff member may make of this conversation, or a refusal. */
  private async codable(staff: StaffMember, supervises: boolean, conversationId: string): Promise<{ conversation: Conversation; mode: CodingMode }> {
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation) throw new ServiceError('not_found', 'no such conversation');
    const second = await this.repos.codings.getSecond(conversation.id);
    if (second !== undefined && second.coderId === staff.id) return { conversation, mode: 'second' };
    const ended = conversation.status === 'ended' || conversation.status === 'closed';
    if (ended && (conversation.counsellorId === staff.id || supervises)) return { conversation, mode: 'primary' };
    throw new ServiceError('forbidden', 'you cannot code this conversation');
  }

  private audit(repos: Repositories, staffId: string, action: AuditAction, targetId: string, detail: Record<string, unknown>) {
    return repos.audit.append({ at: this.clock.now(), staffId, action, targetType: 'conversation', targetId, detail });
  }
}
