// The application layer for chats: takes a request that has already been validated and
// authorised, asks the domain what may happen, stores it, then announces it on the event bus.
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import {
  acceptsMessages,
  transition,
  type Actor,
  type EndReason,
  type LifecycleEvent,
} from '../../domain/conversation/conversationLifecycle.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { Language } from '../../protocol/common.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/eventBus.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { ServiceError } from './serviceError.js';
import { presentQueueItem } from './conversationPresenter.js';
import type { QueueItem } from '../../protocol/staffProtocol.js';
import type { AppendResult } from '../../store/messageRepository.js';

export type Sender = { kind: 'visitor' } | { kind: 'staff'; staff: StaffMember };

export class ConversationService {
  private readonly staffNames = new Map<string, string>();

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async startVisitorChat(input: {
    nickname: string | undefined;
    language: Language;
    preChat: Record<string, string> | undefined;
  }): Promise<{ conversation: Conversation; token: string }> {
    // The token lives only in the visitor's tab (sessionStorage); we keep its hash.
    const token = randomToken();
    const conversation = await this.repos.conversations.create({
      id: crypto.randomUUID(),
      tokenHash: sha256(token),
      nickname: input.nickname ?? null,
      language: input.language,
      preChat: input.preChat ?? null,
      now: this.clock.now(),
    });
    this.events.emit('queue.changed', {});
    return { conversation, token };
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

  async sendMessage(input: { conversationId: string; sender: Sender; clientId: string; body: string }): Promise<AppendResult> {
    const conversation = await this.get(input.conversationId);
    const { sender } = input;
    if (sender.kind === 'staff' && conversation.counsellorId !== sender.staff.id) {
      throw new ServiceError('forbidden', 'not your conversation');
    }
    const allowed = sender.kind === 'visitor' ? acceptsMessages(conversation.status) : conversation.status === 'active';
    if (!allowed) {
      // A resend of something stored before the chat ended is still answered with the original.
      const stored = await this.repos.messages.findByClientId(input.conversationId, input.clientId);
      if (stored) return { message: stored, duplicate: true };
      throw new ServiceError('invalid_state', `conversation is ${conversation.status}`);
    }
    const started = performance.now();
    const result = await this.repos.messages.append(this.newMessage(input));
    if (!result.duplicate) {
      this.events.emit('message.stored', { message: result.message, conversation, commitMs: performance.now() - started });
      if (conversation.status !== 'active' && result.message.seq <= 3) this.events.emit('queue.changed', {});
    }
    return result;
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

  async accept(conversationId: string, staff: StaffMember): Promise<Conversation> {
    const active = await this.repos.conversations.listForCounsellor(staff.id, ['active']);
    if (active.length >= staff.maxChats) {
      throw new ServiceError('conflict', `you already have ${active.length} chats (your maximum is ${staff.maxChats})`);
    }
    return this.apply(conversationId, { type: 'accept', counsellorId: staff.id }, { kind: 'staff', staffId: staff.id });
  }

  async end(conversationId: string, reason: EndReason, actor: Actor): Promise<Conversation> {
    return this.apply(conversationId, { type: 'end', reason }, actor);
  }

  /** Decide with the domain, then compare-and-set in the database; a lost race is a conflict. */
  private async apply(conversationId: string, event: LifecycleEvent, actor: Actor): Promise<Conversation> {
    const current = await this.get(conversationId);
    const decided = transition(current, event);
    if (!decided.ok) {
      throw new ServiceError(
        event.type === 'accept' && current.status === 'active' ? 'conflict' : 'invalid_state',
        `cannot ${event.type} a conversation that is ${current.status}`,
      );
    }
    const updated = await this.repos.conversations.applyTransition({
      current,
      next: decided.state,
      event: event.type,
      actor,
      now: this.clock.now(),
    });
    if (!updated) throw new ServiceError('conflict', 'the conversation changed meanwhile; try again');
    this.events.emit('conversation.changed', { conversation: updated, previousCounsellorId: current.counsellorId });
    if (current.status === 'waiting' || current.status === 'offered' || updated.status === 'waiting') {
      this.events.emit('queue.changed', {});
    }
    return updated;
  }

  messagesAfter(conversationId: string, afterSeq: number): Promise<StoredMessage[]> {
    return this.repos.messages.listAfter(conversationId, afterSeq);
  }

  async queue(): Promise<QueueItem[]> {
    const queued = await this.repos.conversations.listQueued();
    const counts = await this.repos.messages.countFor(queued.map((c) => c.id));
    return queued.map((c) => presentQueueItem(c, counts.get(c.id) ?? 0));
  }

  forCounsellor(staffId: string): Promise<Conversation[]> {
    return this.repos.conversations.listForCounsellor(staffId, ['active', 'offered']);
  }
}
