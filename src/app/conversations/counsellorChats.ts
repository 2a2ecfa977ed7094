// The counsellor's use cases: coming on duty, taking chats (an offer, a pick, "next"), writing,
// handing over, warning, notes, ending. Every read of a transcript is in the audit log.
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { StoredNote } from '../../store/noteRepository.js';
import type { AppendResult } from '../../store/messageRepository.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { CounsellorStatus } from '../../domain/queue/routingPolicy.js';
import { warningKey, type WarningReason } from '../../protocol/systemMessages.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import { outcome, type Effect, type Outcome } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import type { StaffNames } from '../staff/staffNames.js';
import { assertHoldsActive, assertMayFollow, type StaffCapabilities } from '../policies/conversationPolicy.js';
import type { ChatMessages } from './chatMessages.js';
import { endConversation } from './visitorChats.js';

/** A chat as a staff member opens it: the conversation, its transcript after a point, and the notes. */
export interface StaffChat {
  conversation: Conversation;
  counsellorName: string | null;
  messages: StoredMessage[];
  notes: StoredNote[];
}

export class CounsellorChats {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
    private readonly messages: ChatMessages,
    private readonly names: StaffNames,
  ) {}

  /** Opening the console puts a counsellor on duty; a reconnect within the grace period keeps her chats. */
  async connected(staff: StaffMember): Promise<Outcome<Conversation[]>> {
    const effects: Effect[] = [];
    const presence = await this.repos.presence.find(staff.id);
    if (presence?.disconnectedAt != null) effects.push(...(await this.queue.run({ type: 'counsellor_reconnected', counsellorId: staff.id }, { kind: 'staff', id: staff.id })).effects);
    if (!presence || presence.status === 'offline') effects.push(...(await this.setStatus(staff, 'available')).effects);
    return outcome(await this.held(staff.id), effects);
  }

  /** Her last console anywhere closed: the grace period starts. */
  async disconnected(staffId: string): Promise<Outcome<null>> {
    const presence = await this.repos.presence.find(staffId);
    if (!presence || presence.status === 'offline' || presence.disconnectedAt !== null) return outcome(null);
    return outcome(null, (await this.queue.run({ type: 'counsellor_disconnected', counsellorId: staffId }, { kind: 'system', id: null })).effects);
  }

  /** Her chats (offered or active) and her status as routing has it, after a reload. */
  async mine(staffId: string): Promise<{ status: CounsellorStatus; conversations: { conversation: Conversation; counsellorName: string | null }[] }> {
    const presence = await this.repos.presence.find(staffId);
    const mine = await this.held(staffId);
    return { status: presence?.status ?? 'offline', conversations: await Promise.all(mine.map(async (c) => ({ conversation: c, counsellorName: await this.names.of(c.counsellorId) }))) };
  }

  held(staffId: string): Promise<Conversation[]> {
    return this.repos.conversations.listForCounsellor(staffId, ['active', 'offered']);
  }

  /** Accept an offer made to her, or pick a waiting chat from the queue. */
  async accept(staff: StaffMember, conversationId: string): Promise<Outcome<StaffChat>> {
    await this.ensureCoded(staff);
    // Coming on duty may itself route this chat to her as an offer: decide after that.
    const effects = await this.ensureOnDuty(staff);
    const current = await this.get(conversationId);
    if (current.status === 'active') throw new ServiceError('conflict', 'another counsellor already took this chat');
    if (current.status !== 'waiting' && current.status !== 'offered') throw new ServiceError('invalid_state', `this chat is ${current.status}`);
    const event =
      current.status === 'offered' && current.counsellorId === staff.id
        ? ({ type: 'offer_accepted', conversationId, counsellorId: staff.id } as const)
        : ({ type: 'conversation_picked', conversationId, counsellorId: staff.id } as const);
    effects.push(...(await this.queue.run(event, { kind: 'staff', id: staff.id })).effects);
    return outcome(await this.open(staff, conversationId, 0, 'accept'), effects);
  }

  async decline(staff: StaffMember, conversationId: string): Promise<Outcome<null>> {
    return outcome(null, (await this.queue.run({ type: 'offer_declined', conversationId, counsellorId: staff.id }, { kind: 'staff', id: staff.id })).effects);
  }

  /** "Give me the next chat", whatever the routing mode. */
  async pullNext(staff: StaffMember): Promise<Outcome<StaffChat>> {
    await this.ensureCoded(staff);
    const effects = await this.ensureOnDuty(staff);
    const { step, effects: pulled } = await this.queue.run({ type: 'next_pulled', counsellorId: staff.id }, { kind: 'staff', id: staff.id });
    const assigned = step.effects.find((e) => e.type === 'assigned');
    if (!assigned || assigned.type !== 'assigned') throw new ServiceError('not_found', 'nobody is waiting');
    return outcome(await this.open(staff, assigned.conversationId, 0, 'pull'), [...effects, ...pulled]);
  }

  /** Her own chat (or, for a supervisor, any) after a reload: everything after `afterSeq`. */
  async resume(staff: StaffMember, can: StaffCapabilities, conversationId: string, afterSeq: number): Promise<StaffChat> {
    assertMayFollow(staff, can, await this.get(conversationId));
    return this.open(staff, conversationId, afterSeq, 'resume');
  }

  async send(staff: StaffMember, conversationId: string, clientId: string, body: string): Promise<Outcome<AppendResult>> {
    const { result, effects } = await this.messages.send({ conversationId, sender: { kind: 'staff', staff }, clientId, body });
    return outcome(result, effects);
  }

  /** The typing indicator reaches the visitor only from whoever may follow the chat while it is in progress. */
  async typing(staff: StaffMember, can: StaffCapabilities, conversationId: string, typing: boolean): Promise<Outcome<null>> {
    const conversation = await this.get(conversationId);
    assertMayFollow(staff, can, conversation);
    return outcome(null, conversation.status === 'active' ? [{ type: 'typing', conversationId, from: 'staff', typing }] : []);
  }

  async end(staff: StaffMember, can: StaffCapabilities, conversationId: string): Promise<Outcome<{ conversation: Conversation; counsellorName: string | null }>> {
    assertMayFollow(staff, can, await this.get(conversationId));
    const ended = await endConversation(this.repos, this.queue, this.clock, conversationId, 'counsellor', { kind: 'staff', staffId: staff.id });
    return outcome({ conversation: ended.conversation, counsellorName: await this.names.of(ended.conversation.counsellorId) }, ended.effects);
  }

  /** To a named colleague (offered to her) or back to the front of the queue, with a note for colleagues. */
  async transfer(staff: StaffMember, input: { conversationId: string; toCounsellorId: string | undefined; note: string | undefined }, colleagueHandles: (id: string) => Promise<boolean>): Promise<Outcome<null>> {
    const current = await this.get(input.conversationId);
    if (current.status !== 'active' || current.counsellorId !== staff.id) throw new ServiceError('forbidden', 'only the counsellor of an active chat can hand it over');
    if (input.toCounsellorId === staff.id) throw new ServiceError('invalid_request', 'choose a colleague');
    if (input.toCounsellorId && !(await colleagueHandles(input.toCounsellorId))) throw new ServiceError('not_found', 'no such colleague');
    const now = this.clock.now();
    const noteId = crypto.randomUUID();
    const { effects } = await this.queue.run({ type: 'transferred', conversationId: input.conversationId, toCounsellorId: input.toCounsellorId }, { kind: 'staff', id: staff.id }, async (tx) => {
      // The handover note commits with the transfer, or neither does.
      if (input.note) await tx.notes.add({ id: noteId, conversationId: input.conversationId, staffId: staff.id, kind: 'handover', body: input.note, now });
    });
    return outcome(null, effects);
  }

  async setStatus(staff: StaffMember, status: CounsellorStatus): Promise<Outcome<null>> {
    return outcome(null, (await this.queue.run({ type: 'counsellor_status_changed', counsellorId: staff.id, status, capacity: staff.maxChats }, { kind: 'staff', id: staff.id })).effects);
  }

  /** A warning in her language; the audit log records who warned and why (no content), with the line. */
  async warn(staff: StaffMember, conversationId: string, reason: WarningReason): Promise<Outcome<null>> {
    assertHoldsActive(staff, await this.get(conversationId), 'warn the visitor');
    const effect = await this.repos.transaction(async (tx) => {
      const line = await this.messages.postSystemLine(tx, conversationId, staff, warningKey(reason));
      await tx.audit.append({ at: this.clock.now(), staffId: staff.id, action: 'visitor.warned', targetType: 'conversation', targetId: conversationId, detail: { reason } });
      return line;
    });
    return outcome(null, [effect]);
  }

  /** A note for colleagues, or (a supervisor's) whisper to the counsellor. The visitor never sees either. */
  async addNote(staff: StaffMember, can: StaffCapabilities, input: { conversationId: string; kind: 'note' | 'whisper'; body: string }): Promise<Outcome<StoredNote>> {
    if (input.kind === 'whisper' && !can.supervises) throw new ServiceError('forbidden', 'your role does not allow this');
    assertMayFollow(staff, can, await this.get(input.conversationId));
    const id = crypto.randomUUID();
    await this.repos.notes.add({ id, conversationId: input.conversationId, staffId: staff.id, kind: input.kind, body: input.body, now: this.clock.now() });
    const note = await this.repos.notes.find(input.conversationId, id);
    if (!note) throw new ServiceError('internal', 'the note was not stored');
    return outcome(note, [{ type: 'note.added', conversationId: input.conversationId, note }]);
  }

  /** Opens a chat for a staff member; the audit log says who read which transcript, and when. */
  async open(staff: StaffMember, conversationId: string, afterSeq: number, via: 'accept' | 'pull' | 'resume' | 'join'): Promise<StaffChat> {
    await this.repos.audit.append({ at: this.clock.now(), staffId: staff.id, action: 'transcript.view', targetType: 'conversation', targetId: conversationId, detail: { afterSeq, via } });
    const conversation = await this.get(conversationId);
    return {
      conversation,
      counsellorName: await this.names.of(conversation.counsellorId),
      messages: await this.messages.messagesAfter(conversationId, afterSeq),
      notes: await this.repos.notes.list(conversationId),
    };
  }

  /** With "code before the next chat" on, a counsellor codes her ended chats before taking another. */
  private async ensureCoded(staff: StaffMember): Promise<void> {
    const { requireCodingBeforeNext } = await this.queue.steps.settings();
    if (requireCodingBeforeNext && (await this.repos.codings.hasUncodedEnded(staff.id))) throw new ServiceError('invalid_state', 'code your ended chats first');
  }

  private async ensureOnDuty(staff: StaffMember): Promise<Effect[]> {
    const presence = await this.repos.presence.find(staff.id);
    if (!presence || presence.status === 'offline') return (await this.setStatus(staff, 'available')).effects;
    return [];
  }

  private async get(conversationId: string): Promise<Conversation> {
    const c = await this.repos.conversations.findById(conversationId);
    if (!c) throw new ServiceError('not_found', 'no such conversation');
    return c;
  }
}
