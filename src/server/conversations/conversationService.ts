// The application layer for chats: takes a request that has already been validated and
// authorised, asks the domain what may happen, stores it, then announces it on the event bus.
// Everything that moves a chat between the queue and a counsellor goes through the queue
// coordinator, so routing decisions are made in one place, one at a time.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Repositories } from '../../store/repositories.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Database } from '../../store/schema.js';
import {
  acceptsMessages,
  conversationStatuses,
  isOpen,
  type Actor,
  type EndReason,
} from '../../domain/conversation/conversationLifecycle.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { QueueEffect } from '../../domain/queue/queueModel.js';
import type { CounsellorStatus } from '../../domain/queue/routingPolicy.js';
import type { Priority } from '../../domain/queue/priority.js';
import { queueAdmission } from '../../domain/queue/queueLimits.js';
import { assessTriage, TRIAGE_MESSAGE_LIMIT } from '../../domain/triage/assessTriage.js';
import { preChatAnswersSchema, type PreChatAnswers } from '../../domain/triage/preChatAnswers.js';
import type { Language } from '../../protocol/common.js';
import type { Clock } from '../../app/clock.js';
import type { EventBus } from '../events/eventBus.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { ServiceError } from '../../app/serviceError.js';
import { presentQueueItem } from './conversationPresenter.js';
import type { QueueItem } from '../../protocol/staffProtocol.js';
import type { AppendResult, SendRule } from '../../store/messageRepository.js';
import type { QueueActor, QueueCoordinator, QueueEventInput } from '../queue/queueCoordinator.js';
import { markConversationEnded } from '../../store/queueStateStore.js';
import { warningKey, type SystemMessageKey, type WarningReason } from '../../protocol/systemMessages.js';
import { serviceAvailability } from '../queue/serviceAvailability.js';
import type { ArrivalsBySource } from '../../app/abuse/arrivalsBySource.js';
import type { ArrivalBurstAlert } from '../../protocol/staffProtocol.js';
import type { ServiceSettings } from '../../protocol/serviceSettings.js';

export type Sender = { kind: 'visitor' } | { kind: 'staff'; staff: StaffMember };

/** A visitor may write while her chat is open; a counsellor only while she holds it and it is active. */
const visitorSendStatuses = conversationStatuses.filter(acceptsMessages);

const rejectionMessages: Record<string, [ServiceError['code'], string]> = {
  unknown_conversation: ['not_found', 'no such conversation in the queue'],
  unknown_counsellor: ['invalid_state', 'set your status first'],
  duplicate_conversation: ['conflict', 'already in the queue'],
  not_waiting: ['conflict', 'this chat is no longer waiting'],
  not_offered_to_counsellor: ['conflict', 'this chat was not offered to you (any more)'],
  not_active: ['invalid_state', 'this chat is not active'],
  no_capacity: ['conflict', 'you have no room for another chat'],
  counsellor_unavailable: ['invalid_state', 'you are offline; set your status to available first'],
  nothing_to_pull: ['not_found', 'nobody is waiting'],
  queue_full: ['unavailable', 'the queue is full'],
  invalid_capacity: ['invalid_request', 'invalid capacity'],
};

export class ConversationService {
  private readonly staffNames = new Map<string, string>();

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly queue: QueueCoordinator,
    private readonly arrivals: ArrivalsBySource,
  ) {}

  async startVisitorChat(input: {
    nickname: string | undefined;
    language: Language;
    preChat: Record<string, string> | undefined;
    visitorKey?: string | null;
    preferredCounsellorId?: string | null;
    /** Where she connects from, as a daily keyed hash: one source may not fill the queue. */
    source?: string;
  }): Promise<{ conversation: Conversation; token: string }> {
    const settings = await this.repos.settings.get();
    const availability = serviceAvailability(settings, this.clock.now());
    if (!availability.open) throw new ServiceError('unavailable', 'the chat is closed now');
    const reservation = input.source ? await this.arrivals.reserve(input.source) : undefined;
    if (input.source && !reservation) {
      this.announceBurst(this.arrivals.arrival(input.source, null));
      throw new ServiceError('unavailable', 'the queue is full');
    }
    try {
      const started = await this.admitVisitor(input, settings, reservation?.waitingBefore);
      reservation?.confirm(started.conversation.id);
      if (input.source) this.announceBurst(this.arrivals.arrival(input.source, started.conversation.id));
      return started;
    } finally {
      reservation?.release();
    }
  }

  private announceBurst(alert: ArrivalBurstAlert | undefined): void {
    if (alert) this.events.emit('arrivals.burst', { alert });
  }

  private async admitVisitor(
    input: { nickname: string | undefined; language: Language; preChat: Record<string, string> | undefined; visitorKey?: string | null; preferredCounsellorId?: string | null },
    settings: ServiceSettings,
    sourceWaiting: number | undefined,
  ): Promise<{ conversation: Conversation; token: string }> {
    const preChat = preChatAnswersSchema.safeParse(input.preChat ?? {});
    const triage = assessTriage({ preChat: preChat.success ? preChat.data : undefined, messages: [] });
    const counts = await this.repos.conversations.countOpen();
    const admission = queueAdmission({ waitingCount: counts.waiting + counts.offered, cap: settings.queueCap, priority: triage.priority, sourceWaiting });
    if (admission.kind === 'full') throw new ServiceError('unavailable', 'the queue is full');
    // The token lives only in the visitor's tab (sessionStorage); we keep its hash.
    const token = randomToken();
    const conversation = await this.repos.conversations.create({
      id: crypto.randomUUID(),
      tokenHash: sha256(token),
      nickname: input.nickname ?? null,
      language: input.language,
      preChat: preChat.success ? (preChat.data as Record<string, string>) : null,
      triage,
      visitorKey: input.visitorKey ?? null,
      preferredCounsellorId: input.preferredCounsellorId ?? null,
      now: this.clock.now(),
    });
    await this.step(
      {
        type: 'visitor_arrived',
        conversationId: conversation.id,
        priority: triage.priority,
        preferredCounsellorId: input.preferredCounsellorId ?? undefined,
      },
      { kind: 'visitor', id: null },
    );
    return { conversation: await this.get(conversation.id), token };
  }

  findByVisitorToken(token: string): Promise<Conversation | undefined> {
    return this.repos.conversations.findByTokenHash(sha256(token));
  }

  async get(conversationId: string): Promise<Conversation> {
    const c = await this.repos.conversations.findById(conversationId);
    if (!c) throw new ServiceError('not_found', 'no such conversation');
    return c;
  }

  async counsellorName(staffId: string | null): Promise<string | null> {
    if (!staffId) return null;
    const cached = this.staffNames.get(staffId);
    if (cached) return cached;
    const staff = await this.repos.staff.findById(staffId);
    if (!staff) return null;
    this.staffNames.set(staffId, staff.displayName);
    return staff.displayName;
  }

  forgetStaffName(staffId: string): void {
    this.staffNames.delete(staffId);
  }

  /**
   * The conversation's state and who holds it are checked by the write itself (on the row,
   * under its lock), so the common case costs no read beforehand; only a refusal reads the
   * row to say why.
   */
  async sendMessage(input: { conversationId: string; sender: Sender; clientId: string; body: string }): Promise<AppendResult> {
    const { sender } = input;
    const started = performance.now();
    const rule: SendRule = sender.kind === 'visitor' ? { statuses: visitorSendStatuses } : { statuses: ['active'], counsellorId: sender.staff.id };
    const result = await this.repos.messages.appendIfAllowed(this.newMessage(input), rule);
    if (!result) return this.refusedSend(input);
    if (!result.duplicate) {
      this.events.emit('message.stored', { message: result.message, commitMs: performance.now() - started });
      // Triage orders the queue; once a counsellor reads along it has done its work.
      const queued = result.status === 'waiting' || result.status === 'offered';
      if (sender.kind === 'visitor' && queued) {
        const stepped = result.message.seq <= TRIAGE_MESSAGE_LIMIT * 2 && (await this.retriage(await this.get(input.conversationId)));
        // The queue shows how many messages a waiting visitor has written.
        if (!stepped) this.events.emit('queue.stepped', { conversationIds: [input.conversationId], counsellorIds: [], effects: [] });
      }
    }
    return result;
  }

  /** Why a message was refused; a resend of something stored before the chat ended is still answered with the original. */
  private async refusedSend(input: { conversationId: string; sender: Sender; clientId: string }): Promise<AppendResult> {
    const conversation = await this.get(input.conversationId);
    if (input.sender.kind === 'staff' && conversation.counsellorId !== input.sender.staff.id) {
      throw new ServiceError('forbidden', 'not your conversation');
    }
    const stored = await this.repos.messages.findByClientId(input.conversationId, input.clientId);
    if (stored) return { message: stored, duplicate: true };
    throw new ServiceError('invalid_state', `conversation is ${conversation.status}`);
  }

  /** Triage reads her first messages too; a raised priority moves her up the queue. */
  /** Returns whether it took a routing step (which announces the change itself). */
  private async retriage(conversation: Conversation): Promise<boolean> {
    if (conversation.prioritySetBy) return false; // a supervisor's decision stands
    const first = (await this.repos.messages.listAfter(conversation.id, 0, TRIAGE_MESSAGE_LIMIT * 2))
      .filter((m) => m.sender === 'visitor')
      .slice(0, TRIAGE_MESSAGE_LIMIT)
      .map((m) => m.body);
    const preChat = preChatAnswersSchema.safeParse(conversation.preChat ?? {});
    const triage = assessTriage({ preChat: preChat.success ? (preChat.data as PreChatAnswers) : undefined, messages: first });
    const reasonsChanged = JSON.stringify(triage.reasons) !== JSON.stringify(conversation.triage?.reasons ?? []);
    if (!reasonsChanged) return false;
    await this.repos.conversations.updateDetails(conversation, { triage });
    if (triage.priority === conversation.priority) return false;
    await this.step({ type: 'priority_changed', conversationId: conversation.id, priority: triage.priority }, { kind: 'system', id: null });
    return true;
  }

  private newMessage(input: { conversationId: string; sender: Sender; clientId: string; body: string }) {
    return {
      id: crypto.randomUUID(),
      conversationId: input.conversationId,
      clientId: input.clientId,
      sender: input.sender.kind === 'visitor' ? ('visitor' as const) : ('counsellor' as const),
      senderStaffId: input.sender.kind === 'staff' ? input.sender.staff.id : null,
      senderName: input.sender.kind === 'staff' ? input.sender.staff.displayName : null,
      body: input.body,
      now: this.clock.now(),
    };
  }

  /** Accept an offer made to her, or pick a waiting chat from the queue. */
  /** With requireCodingBeforeNext on, a counsellor codes her ended chats before taking another. */
  private async ensureCoded(staff: StaffMember): Promise<void> {
    const { requireCodingBeforeNext } = await this.repos.settings.get();
    if (requireCodingBeforeNext && (await this.repos.codings.hasUncodedEnded(staff.id))) {
      throw new ServiceError('invalid_state', 'code your ended chats first');
    }
  }

  async accept(conversationId: string, staff: StaffMember): Promise<Conversation> {
    await this.ensureCoded(staff);
    // Coming on duty may itself route this chat to her as an offer: decide after that.
    await this.ensureOnDuty(staff);
    const current = await this.get(conversationId);
    if (current.status === 'active') throw new ServiceError('conflict', 'another counsellor already took this chat');
    if (current.status !== 'waiting' && current.status !== 'offered') throw new ServiceError('invalid_state', `this chat is ${current.status}`);
    const event: QueueEventInput =
      current.status === 'offered' && current.counsellorId === staff.id
        ? { type: 'offer_accepted', conversationId, counsellorId: staff.id }
        : { type: 'conversation_picked', conversationId, counsellorId: staff.id };
    await this.step(event, { kind: 'staff', id: staff.id });
    return this.get(conversationId);
  }

  async decline(conversationId: string, staff: StaffMember): Promise<void> {
    await this.step({ type: 'offer_declined', conversationId, counsellorId: staff.id }, { kind: 'staff', id: staff.id });
  }

  async pullNext(staff: StaffMember): Promise<Conversation> {
    await this.ensureCoded(staff);
    await this.ensureOnDuty(staff);
    const step = await this.step({ type: 'next_pulled', counsellorId: staff.id }, { kind: 'staff', id: staff.id });
    const assigned = step.find((e) => e.type === 'assigned');
    if (!assigned || assigned.type !== 'assigned') throw new ServiceError('not_found', 'nobody is waiting');
    return this.get(assigned.conversationId);
  }

  async transfer(conversationId: string, staff: StaffMember, toCounsellorId: string | undefined, note: string | undefined): Promise<void> {
    const current = await this.get(conversationId);
    if (current.status !== 'active' || current.counsellorId !== staff.id) throw new ServiceError('forbidden', 'only the counsellor of an active chat can hand it over');
    if (toCounsellorId === staff.id) throw new ServiceError('invalid_request', 'choose a colleague');
    if (note) await this.addNote(conversationId, staff, 'handover', note);
    await this.step({ type: 'transferred', conversationId, toCounsellorId }, { kind: 'staff', id: staff.id });
  }

  async setStatus(staff: StaffMember, status: CounsellorStatus): Promise<void> {
    await this.step({ type: 'counsellor_status_changed', counsellorId: staff.id, status, capacity: staff.maxChats }, { kind: 'staff', id: staff.id });
  }

  /** Signing in to the console puts a counsellor on duty; a reconnect within the grace period keeps her chats. */
  async counsellorConnected(staff: StaffMember): Promise<void> {
    const presence = await this.presence(staff.id);
    if (presence?.disconnected_at != null) {
      await this.step({ type: 'counsellor_reconnected', counsellorId: staff.id }, { kind: 'staff', id: staff.id });
    }
    if (!presence || presence.status === 'offline') await this.setStatus(staff, 'available');
  }

  async counsellorDisconnected(staffId: string): Promise<void> {
    const presence = await this.presence(staffId);
    if (!presence || presence.status === 'offline' || presence.disconnected_at != null) return;
    await this.step({ type: 'counsellor_disconnected', counsellorId: staffId }, { kind: 'system', id: null });
  }

  /** Her last connection went, or her tab said it is closing: hold her place, offer her to nobody. */
  async visitorAway(conversationId: string, graceMs: number): Promise<void> {
    await this.step({ type: 'visitor_away', conversationId, until: this.clock.now() + graceMs }, { kind: 'visitor', id: null }).catch((error: unknown) => {
      // Already answered, ended or gone from the queue: nothing to hold.
      if (!(error instanceof ServiceError)) throw error;
    });
  }

  async visitorBack(conversationId: string): Promise<void> {
    await this.step({ type: 'visitor_back', conversationId }, { kind: 'visitor', id: null }).catch((error: unknown) => {
      if (!(error instanceof ServiceError)) throw error;
    });
  }

  async setPriority(conversationId: string, priority: Priority, supervisor: StaffMember): Promise<void> {
    const current = await this.get(conversationId);
    if (!isOpen(current.status)) throw new ServiceError('invalid_state', 'this chat has ended');
    await this.step({ type: 'priority_changed', conversationId, priority }, { kind: 'staff', id: supervisor.id }, async (trx) => {
      await trx.updateTable('conversations').set({ priority_set_by: supervisor.id }).where('id', '=', conversationId).execute();
      await trx
        .insertInto('conversation_events')
        .values({
          conversation_id: conversationId,
          type: 'priority',
          from_status: current.status,
          to_status: current.status,
          actor_kind: 'staff',
          actor_id: supervisor.id,
          at: this.clock.now(),
          detail: JSON.stringify({ from: current.priority, to: priority }),
        })
        .execute();
    });
  }

  async end(conversationId: string, reason: EndReason, actor: Actor): Promise<Conversation> {
    const now = this.clock.now();
    let ended: Conversation | undefined;
    const queueActor: QueueActor = { kind: actor.kind, id: actor.kind === 'staff' ? actor.staffId : null };
    await this.step({ type: 'conversation_ended', conversationId }, queueActor, async (trx) => {
      ended = await this.endRow(trx, conversationId, reason, actor, now);
    });
    if (ended!.visitorKey && ended!.counsellorId) await this.repos.returnCodes.preferCounsellor(ended!.visitorKey, ended!.counsellorId);
    return ended!;
  }

  private async endRow(trx: Kysely<Database>, conversationId: string, reason: EndReason, actor: Actor, now: number): Promise<Conversation> {
    const outcome = await markConversationEnded(trx, conversationId, reason, actor, now);
    if (outcome.kind === 'missing') throw new ServiceError('not_found', 'no such conversation');
    if (outcome.kind === 'invalid') throw new ServiceError('invalid_state', `cannot end a conversation that is ${outcome.status}`);
    if (outcome.kind === 'raced') throw new ServiceError('conflict', 'the conversation changed meanwhile; try again');
    return this.repos.conversations.fromRow(outcome.row);
  }

  /** A visible join is said in the chat itself, so the visitor knows who reads along. */
  announceSupervisor(conversationId: string, supervisor: StaffMember): Promise<void> {
    return this.postSystemMessage(conversationId, supervisor, 'supervisor_joined');
  }

  /** A warning in her language; the audit log records who warned and why (no content). */
  async warnVisitor(conversationId: string, staff: StaffMember, reason: WarningReason): Promise<void> {
    await this.postSystemMessage(conversationId, staff, warningKey(reason));
    await this.repos.audit.append({ at: this.clock.now(), staffId: staff.id, action: 'visitor.warned', targetType: 'conversation', targetId: conversationId, detail: { reason } });
  }

  private async postSystemMessage(conversationId: string, staff: StaffMember, key: SystemMessageKey): Promise<void> {
    const now = this.clock.now();
    const result = await this.repos.messages.append({
      id: crypto.randomUUID(),
      conversationId,
      // Opaque: the visitor receives this id, so it must say nothing of who posted the line.
      clientId: `system-${crypto.randomUUID()}`,
      sender: 'system',
      senderStaffId: staff.id,
      senderName: staff.displayName,
      body: key,
      now,
    });
    this.events.emit('message.stored', { message: result.message, commitMs: 0 });
  }

  async addNote(conversationId: string, staff: StaffMember, kind: 'note' | 'whisper' | 'handover', body: string): Promise<void> {
    await this.repos.store.db
      .insertInto('conversation_notes')
      .values({
        id: crypto.randomUUID(),
        conversation_id: conversationId,
        staff_id: staff.id,
        kind,
        body: await this.repos.cipher.encrypt(conversationId, body),
        created_at: this.clock.now(),
      })
      .execute();
  }

  async notes(conversationId: string) {
    const rows = await this.repos.store.db
      .selectFrom('conversation_notes')
      .innerJoin('staff', 'staff.id', 'conversation_notes.staff_id')
      .select(['conversation_notes.id', 'kind', 'body', 'conversation_notes.created_at', 'staff.display_name'])
      .where('conversation_id', '=', conversationId)
      .orderBy('conversation_notes.created_at')
      .execute();
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        kind: r.kind as 'note' | 'whisper' | 'handover',
        body: await this.repos.cipher.decrypt(conversationId, r.body),
        author: r.display_name,
        createdAt: r.created_at,
      })),
    );
  }

  private async ensureOnDuty(staff: StaffMember): Promise<void> {
    const presence = await this.presence(staff.id);
    if (!presence || presence.status === 'offline') await this.setStatus(staff, 'available');
  }

  private presence(staffId: string) {
    return this.repos.store.db.selectFrom('counsellor_presence').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
  }

  private async step(event: QueueEventInput, actor: QueueActor, beforeReduce?: (trx: Kysely<Database>) => Promise<void>): Promise<readonly QueueEffect[]> {
    const result = await this.queue.step(event, actor, beforeReduce);
    const rejected = result.effects.find((e) => e.type === 'rejected');
    if (rejected && rejected.type === 'rejected') {
      const [code, message] = rejectionMessages[rejected.reason] ?? ['conflict', rejected.reason];
      throw new ServiceError(code, message);
    }
    return result.effects;
  }

  messagesAfter(conversationId: string, afterSeq: number): Promise<StoredMessage[]> {
    return this.repos.messages.listAfter(conversationId, afterSeq);
  }

  async queueItems(): Promise<QueueItem[]> {
    const queued = await this.repos.conversations.listQueued();
    const counts = await this.repos.messages.countFor(queued.map((c) => c.id));
    const { offerTimeoutSeconds } = await this.repos.settings.get();
    return queued.map((c) => presentQueueItem(c, counts.get(c.id) ?? 0, offerTimeoutSeconds * 1000));
  }

  forCounsellor(staffId: string): Promise<Conversation[]> {
    return this.repos.conversations.listForCounsellor(staffId, ['active', 'offered']);
  }
}
