// Messages in a chat: storing one (once, whatever the resends), system lines, and what triage
// makes of the visitor's words. The hot path: a send costs the write and nothing else, unless
// she is still waiting (her message count and maybe her priority change in the queue).
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { AppendResult, SendRule } from '../../store/messageRepository.js';
import { acceptsMessages, conversationStatuses } from '../../domain/conversation/conversationLifecycle.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import { assessMessage, raised, startTriage, type TriageResult } from '../../domain/triage/assessTriage.js';
import type { MessageTranslation } from '../../protocol/translation.js';
import { preChatAnswersSchema, type PreChatAnswers } from '../../domain/triage/preChatAnswers.js';
import { priorityRank } from '../../domain/queue/priority.js';
import type { SystemMessageKey } from '../../protocol/systemMessages.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import type { Effect } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import type { MessageTranslations } from '../translation/messageTranslations.js';

export type Sender = { kind: 'visitor' } | { kind: 'staff'; staff: StaffMember };

/** A visitor may write while her chat is open; a counsellor only while she holds it and it is active. */
const visitorSendStatuses = conversationStatuses.filter(acceptsMessages);

export class ChatMessages {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
    private readonly translations: MessageTranslations,
  ) {}

  /**
   * The conversation's state and who holds it are checked by the write itself (on the row,
   * under its lock), so the common case costs no read beforehand; only a refusal reads the row
   * to say why.
   */
  async send(input: { conversationId: string; sender: Sender; clientId: string; body: string }): Promise<{ result: AppendResult; effects: Effect[] }> {
    const { sender } = input;
    const started = performance.now();
    const rule: SendRule = sender.kind === 'visitor' ? { statuses: visitorSendStatuses } : { statuses: ['active'], counsellorId: sender.staff.id };
    const result = await this.repos.messages.appendIfAllowed(this.newMessage(input), rule);
    if (!result) return { result: await this.refused(input), effects: [] };
    if (result.duplicate) return { result, effects: [] };
    const stored: Effect & { type: 'message.stored' } = { type: 'message.stored', message: result.message, commitMs: performance.now() - started };
    const effects: Effect[] = [stored];
    if (sender.kind === 'visitor') {
      const translation = await this.translate(result.message);
      if (translation) stored.translation = translation;
      effects.push(...(await this.afterVisitorMessage(input.conversationId, result, translation?.body)));
    }
    return { result, effects };
  }

  /** A fixed line (a supervisor joined, a warning) each side reads in its own language. */
  async postSystemLine(tx: Repositories, conversationId: string, staff: StaffMember, key: SystemMessageKey): Promise<Effect> {
    const now = this.clock.now();
    const result = await tx.messages.append({
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
    return { type: 'message.stored', message: result.message, commitMs: 0 };
  }

  /** With translation on, her language is read to know whether (and from what) to translate. */
  private async translate(message: StoredMessage): Promise<MessageTranslation | null> {
    if (!this.translations.enabled) return null;
    const conversation = await this.repos.conversations.findById(message.conversationId);
    return conversation ? this.translations.of(message, conversation.language) : null;
  }

  messagesAfter(conversationId: string, afterSeq: number): Promise<StoredMessage[]> {
    return this.repos.messages.listAfter(conversationId, afterSeq);
  }

  /** Why a message was refused; a resend of something stored before the chat ended is still answered with the original. */
  private async refused(input: { conversationId: string; sender: Sender; clientId: string }): Promise<AppendResult> {
    const conversation = await this.repos.conversations.findById(input.conversationId);
    if (!conversation) throw new ServiceError('not_found', 'no such conversation');
    if (input.sender.kind === 'staff' && conversation.counsellorId !== input.sender.staff.id) throw new ServiceError('forbidden', 'not your conversation');
    const stored = await this.repos.messages.findByClientId(input.conversationId, input.clientId);
    if (stored) return { message: stored, duplicate: true };
    throw new ServiceError('invalid_state', `conversation is ${conversation.status}`);
  }

  /**
   * Triage reads every message she writes, at a bounded cost per message. While she waits, a
   * raised priority moves her up the queue (and the queue shows how many messages she wrote);
   * during a chat in progress, danger in what she writes is shown to her counsellor and the
   * supervisors at once. With translation on, triage reads the translation (its rules know the
   * counsellors' language best) and the original, as one message.
   */
  private async afterVisitorMessage(conversationId: string, result: AppendResult, translated?: string): Promise<Effect[]> {
    const waiting = result.status === 'waiting' || result.status === 'offered';
    if (!waiting && result.status !== 'active') return [];
    const index = result.message.seq - 1;
    // One text, so the learned layer counts one message; the translation first, within triage's length cap.
    const text = translated === undefined ? result.message.body : `${translated}\n${result.message.body}`;
    const assess = (state: TriageResult) => assessMessage(state, text, index);
    // The message alone first: most say nothing alarming, and then a chat in progress costs no read.
    const alone = assess(startTriage());
    const signals = alone.reasons.length > 0 || (alone.pending?.length ?? 0) > 0;
    if (!signals && !waiting) return [];
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation) return [];
    const effects: Effect[] = [];
    let current = conversation;
    if (signals) {
      const preChat = preChatAnswersSchema.safeParse(conversation.preChat ?? {});
      const previous = conversation.triage ?? startTriage(preChat.success ? (preChat.data as PreChatAnswers) : undefined);
      const next = assess(previous);
      if (raised(previous, next) || next.reasons.length !== previous.reasons.length) {
        await this.repos.conversations.updateDetails(conversation, { triage: next });
        current = { ...conversation, triage: next };
        if (!waiting && raised(previous, next)) {
          const known = new Set(previous.reasons.map((r) => `${r.ruleId}:${r.messageIndex ?? ''}`));
          effects.push({ type: 'danger.seen', conversationId, counsellorId: conversation.counsellorId, priority: next.priority, reasons: next.reasons.filter((r) => !known.has(`${r.ruleId}:${r.messageIndex ?? ''}`)) });
        }
        // A supervisor's decision stands; otherwise a raised priority moves her up (or marks the chat).
        if (!conversation.prioritySetBy && priorityRank(next.priority) > priorityRank(conversation.priority)) {
          const stepped = await this.queue.run({ type: 'priority_changed', conversationId, priority: next.priority }, { kind: 'system', id: null });
          return [...effects, ...stepped.effects];
        }
      }
    }
    if (!waiting) return effects;
    const counts = await this.repos.messages.countFor([conversationId]);
    return [...effects, { type: 'queue.changed', upserted: [{ conversation: current, messageCount: counts.get(conversationId) ?? 0 }], removed: [] }];
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
}
