// The visitor's use cases. She is anonymous: known only by the random token her tab holds,
// which maps to exactly one conversation (we keep its hash), and by a return code if she asked
// for one.
import crypto from 'node:crypto';
import type { Repositories } from '../../store/repositories.js';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import { isOpen, type EndReason } from '../../domain/conversation/conversationLifecycle.js';
import { queueAdmission } from '../../domain/queue/queueLimits.js';
import { assessTriage } from '../../domain/triage/assessTriage.js';
import { preChatAnswersSchema } from '../../domain/triage/preChatAnswers.js';
import type { Language } from '../../protocol/common.js';
import { offeredLanguages } from '../../protocol/languageInfo.js';
import type { QueueStatus } from '../../protocol/visitorProtocol.js';
import type { ServiceSettings } from '../../protocol/serviceSettings.js';
import { serviceAvailability } from '../queue/serviceAvailability.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';
import { outcome, type Effect, type Outcome } from '../effects.js';
import type { Queue } from '../queue/queue.js';
import { visitorAwayGrace } from '../queue/routingSteps.js';
import type { ArrivalsBySource } from '../abuse/arrivalsBySource.js';
import type { ReturnCodes } from '../visitors/returnCodes.js';
import { visitorBlockedError, type VisitorBlocks } from '../visitors/visitorBlocks.js';
import type { StaffNames } from '../staff/staffNames.js';
import type { ChatMessages } from './chatMessages.js';
import type { AppendResult } from '../../store/messageRepository.js';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

/** What her page may show of her chat. */
export interface VisitorChatView {
  conversation: Conversation;
  counsellorName: string | null;
  messages: StoredMessage[];
}

export interface StartChatInput {
  nickname: string | undefined;
  language: Language;
  preChat: Record<string, string> | undefined;
  returnCode: string | undefined;
  /** The tab token her page came back with, if any (to recognise a blocked tab). */
  tabToken: string | undefined;
  /** Where she connects from, as a daily keyed hash: one source may not fill the queue. */
  source: string | undefined;
  /** Her address is in a short cooling-off block (a blocked visitor trying a fresh tab). */
  addressBlocked: boolean;
}

export class VisitorChats {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly queue: Queue,
    private readonly messages: ChatMessages,
    private readonly names: StaffNames,
    private readonly arrivals: ArrivalsBySource,
    private readonly returnCodes: ReturnCodes,
    private readonly blocks: VisitorBlocks,
  ) {}

  /** Her tab came back (a reload, a new connection): the chat it holds, and she is offered again if she was away. */
  async attach(token: string): Promise<Outcome<Conversation | undefined>> {
    const conversation = await this.repos.conversations.findByTokenHash(sha256(token));
    if (!conversation || conversation.visitorAwayUntil === null) return outcome(conversation);
    return outcome(conversation, await this.back(conversation.id));
  }

  async start(input: StartChatInput): Promise<Outcome<{ token: string; chat: VisitorChatView }>> {
    const returning = input.returnCode ? await this.returnCodes.redeem(input.returnCode) : undefined;
    // A blocked visitor gets the same neutral answer as a closed service.
    const blocked = await this.blocks.blockedUntil({ token: input.tabToken, visitorKey: returning?.visitorKey });
    if (blocked !== null || input.addressBlocked) throw visitorBlockedError();
    if (input.returnCode && !returning) throw new ServiceError('not_found', 'this return code is not known (any more)');

    const settings = await this.queue.steps.settings();
    if (!serviceAvailability(settings, this.clock.now()).open) throw new ServiceError('unavailable', 'the chat is closed now');
    const effects: Effect[] = [];
    const reservation = input.source ? await this.arrivals.reserve(input.source) : undefined;
    if (input.source && !reservation) {
      const alert = this.arrivals.arrival(input.source, null);
      if (alert) effects.push({ type: 'arrivals.burst', alert });
      throw Object.assign(new ServiceError('unavailable', 'the queue is full'), { effects });
    }
    try {
      const started = await this.admit(input, settings, returning, reservation?.waitingBefore);
      reservation?.confirm(started.value.chat.conversation.id);
      if (input.source) {
        const alert = this.arrivals.arrival(input.source, started.value.chat.conversation.id);
        if (alert) started.effects.push({ type: 'arrivals.burst', alert });
      }
      return started;
    } finally {
      reservation?.release();
    }
  }

  /** Her chat as it is now (whether this tab's chat is still open, say). */
  conversation(conversationId: string): Promise<Conversation> {
    return this.get(conversationId);
  }

  /** Everything after `afterSeq` while the chat is open; after the end, only that it ended. */
  async resume(conversationId: string, afterSeq: number): Promise<{ chat: VisitorChatView; queue: QueueStatus | undefined }> {
    const conversation = await this.get(conversationId);
    const open = isOpen(conversation.status);
    // A browser restores a closed tab's sessionStorage: after the end the token shows no message.
    const messages = open ? await this.messages.messagesAfter(conversationId, afterSeq) : [];
    const queue = conversation.status === 'waiting' || conversation.status === 'offered' ? await this.queue.views.positionOf(conversationId) : undefined;
    return { chat: { conversation, counsellorName: await this.names.of(conversation.counsellorId), messages }, queue };
  }

  async send(conversationId: string, clientId: string, body: string): Promise<Outcome<AppendResult>> {
    const { result, effects } = await this.messages.send({ conversationId, sender: { kind: 'visitor' }, clientId, body });
    return outcome(result, effects);
  }

  /** She ends it (or quick exit). Ending an ended chat changes nothing and says how it ended. */
  async end(conversationId: string, reason: Extract<EndReason, 'visitor' | 'quick_exit'>): Promise<Outcome<{ conversation: Conversation; counsellorName: string | null }>> {
    const current = await this.get(conversationId);
    if (!isOpen(current.status)) return outcome({ conversation: current, counsellorName: await this.names.of(current.counsellorId) });
    const ended = await endConversation(this.repos, this.queue, this.clock, conversationId, reason, { kind: 'visitor' });
    return outcome({ conversation: ended.conversation, counsellorName: await this.names.of(ended.conversation.counsellorId) }, ended.effects);
  }

  /** The fallback when her socket is down (the page's beacon): the token is the credential. */
  async endByToken(token: string, reason: Extract<EndReason, 'visitor' | 'quick_exit'>): Promise<Outcome<null>> {
    const conversation = await this.repos.conversations.findByTokenHash(sha256(token));
    if (!conversation || !isOpen(conversation.status)) return outcome(null);
    try {
      return outcome(null, (await this.end(conversation.id, reason)).effects);
    } catch {
      return outcome(null);
    }
  }

  /** Her tab is closing (the page's beacon): hold her place briefly and offer her to nobody. */
  async leaveByToken(token: string): Promise<Outcome<null>> {
    const conversation = await this.repos.conversations.findByTokenHash(sha256(token));
    if (!conversation || (conversation.status !== 'waiting' && conversation.status !== 'offered')) return outcome(null);
    return outcome(null, await this.away(conversation.id, visitorAwayGrace.tabClosedMs));
  }

  /** Her last connection went while she waits: her place is held, longer. */
  async connectionLost(conversationId: string): Promise<Outcome<null>> {
    const conversation = await this.repos.conversations.findById(conversationId);
    if (!conversation || (conversation.status !== 'waiting' && conversation.status !== 'offered') || conversation.visitorAwayUntil !== null) return outcome(null);
    return outcome(null, await this.away(conversationId, visitorAwayGrace.connectionLostMs));
  }

  async createReturnCode(conversationId: string): Promise<string> {
    return this.returnCodes.create(conversationId);
  }

  private async admit(
    input: StartChatInput,
    settings: ServiceSettings,
    returning: { visitorKey: string; preferredCounsellorId: string | null } | undefined,
    sourceWaiting: number | undefined,
  ): Promise<Outcome<{ token: string; chat: VisitorChatView }>> {
    // A language the administrator switched off is not offered: her chat is in Dutch.
    const language = offeredLanguages(settings.disabledLanguages).includes(input.language) ? input.language : 'nl';
    const preChat = preChatAnswersSchema.safeParse(input.preChat ?? {});
    const triage = assessTriage({ preChat: preChat.success ? preChat.data : undefined, messages: [] });
    const counts = await this.repos.conversations.countOpen();
    const admission = queueAdmission({ waitingCount: counts.waiting + counts.offered, cap: settings.queueCap, priority: triage.priority, sourceWaiting });
    if (admission.kind === 'full') throw new ServiceError('unavailable', 'the queue is full');
    // The token lives only in her tab (sessionStorage); we keep its hash.
    const token = randomToken();
    const id = crypto.randomUUID();
    const { effects } = await this.queue.run(
      { type: 'visitor_arrived', conversationId: id, priority: triage.priority, preferredCounsellorId: returning?.preferredCounsellorId ?? undefined, language },
      { kind: 'visitor', id: null },
      // The row is written in the step's transaction: a refused arrival leaves nothing behind.
      async (tx) => {
        await tx.conversations.create({
          id,
          tokenHash: sha256(token),
          nickname: input.nickname ?? null,
          language,
          preChat: preChat.success ? (preChat.data as Record<string, string>) : null,
          triage,
          visitorKey: returning?.visitorKey ?? null,
          preferredCounsellorId: returning?.preferredCounsellorId ?? null,
          now: this.clock.now(),
        });
      },
    );
    const conversation = await this.get(id);
    return outcome({ token, chat: { conversation, counsellorName: await this.names.of(conversation.counsellorId), messages: [] } }, effects);
  }

  private async away(conversationId: string, graceMs: number): Promise<Effect[]> {
    try {
      return (await this.queue.run({ type: 'visitor_away', conversationId, until: this.clock.now() + graceMs }, { kind: 'visitor', id: null })).effects;
    } catch (error) {
      // Answered, ended or gone from the queue meanwhile: nothing to hold.
      if (error instanceof ServiceError) return [];
      throw error;
    }
  }

  private async back(conversationId: string): Promise<Effect[]> {
    try {
      return (await this.queue.run({ type: 'visitor_back', conversationId }, { kind: 'visitor', id: null })).effects;
    } catch (error) {
      if (error instanceof ServiceError) return [];
      throw error;
    }
  }

  private async get(conversationId: string): Promise<Conversation> {
    const c = await this.repos.conversations.findById(conversationId);
    if (!c) throw new ServiceError('not_found', 'no such conversation');
    return c;
  }
}

/**
 * Ends a conversation in a routing step (whoever ends it): the lifecycle decides the reason,
 * and a returning visitor's next chat goes to the counsellor she spoke to last.
 */
export async function endConversation(
  repos: Repositories,
  queue: Queue,
  clock: Clock,
  conversationId: string,
  reason: EndReason,
  actor: { kind: 'visitor' } | { kind: 'staff'; staffId: string } | { kind: 'system' },
  alsoInTransaction?: (tx: Repositories) => Promise<void>,
): Promise<{ conversation: Conversation; effects: Effect[] }> {
  const now = clock.now();
  let ended: Conversation | undefined;
  const { effects } = await queue.run({ type: 'conversation_ended', conversationId }, { kind: actor.kind, id: actor.kind === 'staff' ? actor.staffId : null }, async (tx) => {
    const result = await tx.queueState.markEnded(conversationId, reason, actor, now);
    if (result.kind === 'missing') throw new ServiceError('not_found', 'no such conversation');
    if (result.kind === 'invalid') throw new ServiceError('invalid_state', `cannot end a conversation that is ${result.status}`);
    if (result.kind === 'raced') throw new ServiceError('conflict', 'the conversation changed meanwhile; try again');
    ended = tx.conversations.fromRow(result.row);
    if (ended.visitorKey && ended.counsellorId) await tx.returnCodes.preferCounsellor(ended.visitorKey, ended.counsellorId);
    if (alsoInTransaction) await alsoInTransaction(tx);
  });
  return { conversation: ended!, effects };
}
