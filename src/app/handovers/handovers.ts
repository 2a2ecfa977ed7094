// Warm handovers to an organisation. With her consent the counsellor records it and it stands;
// without it only the emergency route applies, which waits for another supervisor's decision.
// Every change commits with its audit entry; every read of the contents is audited too.
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StoredHandover } from '../../store/handoverRepository.js';
import { decisionRefusal, handoverStands, initialStatus, missingForKind, statusAfter, type HandoverDecision, type HandoverKind, type HandoverMethod, type HandoverStatus } from '../../domain/handover/handoverRules.js';
import { holds, type StaffCapabilities } from '../policies/conversationPolicy.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';

export interface NewHandover {
  conversationId: string;
  kind: HandoverKind;
  organisation: string;
  directoryEntryId: string | undefined;
  method: HandoverMethod;
  consentSummary: string;
  shared: string;
  reason: string;
}

export class Handovers {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The counsellor who holds (or held) the chat records a handover she agreed to, or an emergency one. */
  async record(staff: StaffMember, input: NewHandover): Promise<StoredHandover> {
    const conversation = await this.conversation(input.conversationId);
    if (!holds(staff, conversation)) throw new ServiceError('forbidden', 'only the counsellor of this chat can record a handover');
    if (conversation.acceptedAt === null) throw new ServiceError('invalid_state', 'this chat has not started');
    const missing = missingForKind(input.kind, input);
    if (missing) throw new ServiceError('invalid_request', missing === 'reason' ? 'an emergency handover needs its reason' : 'write down her consent in her own words');
    // The link is stored in plain text (the rest is sealed): only an id of the directory, never
    // whatever a client writes there, which could be about her.
    if (input.directoryEntryId !== undefined && !(await this.repos.directory.get(input.directoryEntryId))) throw new ServiceError('invalid_request', 'no such entry in the referral directory');
    const id = crypto.randomUUID();
    const status = initialStatus(input.kind);
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      await tx.handovers.add({
        id,
        conversationId: conversation.id,
        staffId: staff.id,
        kind: input.kind,
        status,
        method: input.method,
        directoryEntryId: input.directoryEntryId ?? null,
        // An emergency has no consent to summarise, and a consented one no emergency reason.
        content: { organisation: input.organisation, consentSummary: input.kind === 'consent' ? input.consentSummary : '', shared: input.shared, reason: input.kind === 'emergency' ? input.reason : '' },
        now,
      });
      await tx.audit.append({ at: now, staffId: staff.id, action: 'handover.recorded', targetType: 'conversation', targetId: conversation.id, detail: { handoverId: id, kind: input.kind, method: input.method, status } });
    });
    return this.found(await this.repos.handovers.find(id));
  }

  /** The handovers of one chat: for its counsellor, or a supervisor. */
  async forConversation(staff: StaffMember, can: StaffCapabilities, conversationId: string): Promise<StoredHandover[]> {
    const conversation = await this.conversation(conversationId);
    if (!holds(staff, conversation) && !can.supervises) throw new ServiceError('forbidden', 'not your conversation');
    const list = await this.repos.handovers.listForConversation(conversationId);
    if (list.length > 0) await this.audit(staff.id, conversationId, { purpose: 'chat', count: list.length });
    return list;
  }

  /** The printable letter: only once the handover stands, for whoever may read the handover. */
  async letter(staff: StaffMember, can: StaffCapabilities, handoverId: string): Promise<StoredHandover & { content: NonNullable<StoredHandover['content']> }> {
    const handover = this.found(await this.repos.handovers.find(handoverId));
    await this.assertMayRead(staff, can, handover);
    if (!handoverStands(handover.status)) throw new ServiceError('invalid_state', 'an emergency handover needs a supervisor\'s approval first');
    if (!handover.content) throw new ServiceError('not_found', 'the contents were deleted with the transcript');
    await this.audit(staff.id, handover.conversationId, { handoverId, purpose: 'letter' });
    return { ...handover, content: handover.content };
  }

  /** The supervisors' list, newest first. */
  async list(supervisor: StaffMember, can: StaffCapabilities, status: HandoverStatus | undefined): Promise<StoredHandover[]> {
    if (!can.supervises) throw new ServiceError('forbidden', 'your role does not allow this');
    const list = await this.repos.handovers.listRecent({ ...(status ? { status } : {}), limit: 200 });
    await this.repos.audit.append({ at: this.clock.now(), staffId: supervisor.id, action: 'handover.view', detail: { purpose: 'list', count: list.length, ...(status ? { status } : {}) } });
    return list;
  }

  /** Another supervisor approves or refuses an emergency handover; the decision commits with its audit entry. */
  async decide(supervisor: StaffMember, can: StaffCapabilities, handoverId: string, decision: HandoverDecision): Promise<StoredHandover> {
    if (!can.supervises) throw new ServiceError('forbidden', 'your role does not allow this');
    const handover = this.found(await this.repos.handovers.find(handoverId));
    const refusal = decisionRefusal(handover, supervisor.id);
    if (refusal === 'own_handover') throw new ServiceError('forbidden', 'another supervisor decides on a handover you recorded');
    if (refusal === 'not_pending') throw new ServiceError('invalid_state', `this handover is ${handover.status}`);
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      if (!(await tx.handovers.decide(handoverId, statusAfter(decision), supervisor.id, now))) throw new ServiceError('conflict', 'someone decided on this handover meanwhile');
      await tx.audit.append({ at: now, staffId: supervisor.id, action: decision === 'approve' ? 'handover.approved' : 'handover.refused', targetType: 'conversation', targetId: handover.conversationId, detail: { handoverId } });
    });
    return this.found(await this.repos.handovers.find(handoverId));
  }

  /** Whether this person may approve or refuse it now (for the list's buttons). */
  mayDecide(staff: StaffMember, can: StaffCapabilities, handover: StoredHandover): boolean {
    return can.supervises && decisionRefusal(handover, staff.id) === null;
  }

  /** Whoever recorded it, whoever holds its chat now, or a supervisor. */
  private async assertMayRead(staff: StaffMember, can: StaffCapabilities, handover: StoredHandover): Promise<void> {
    if (can.supervises || handover.recordedBy === staff.id) return;
    if (holds(staff, await this.conversation(handover.conversationId))) return;
    throw new ServiceError('forbidden', 'not your conversation');
  }

  private audit(staffId: string, conversationId: string, detail: Record<string, unknown>) {
    return this.repos.audit.append({ at: this.clock.now(), staffId, action: 'handover.view', targetType: 'conversation', targetId: conversationId, detail });
  }

  private async conversation(id: string): Promise<Conversation> {
    const c = await this.repos.conversations.findById(id);
    if (!c) throw new ServiceError('not_found', 'no such conversation');
    return c;
  }

  private found(handover: StoredHandover | undefined): StoredHandover {
    if (!handover) throw new ServiceError('not_found', 'no such handover');
    return handover;
  }
}
