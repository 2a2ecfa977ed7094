// Side effects (broadcasts, audit, metrics) subscribe to what happened instead of being
// sprinkled through the code that made it happen.
import { EventEmitter } from 'node:events';
import type { Conversation } from '../../store/conversationRepository.js';
import type { StoredMessage } from '../../domain/conversation/messageLog.js';
import type { QueueEffect } from '../../domain/queue/queueModel.js';
import type { ArrivalBurstAlert } from '../../protocol/staffProtocol.js';

export interface DomainEvents {
  'conversation.changed': { conversation: Conversation; previousCounsellorId: string | null };
  'message.stored': { message: StoredMessage; commitMs: number };
  'queue.changed': Record<string, never>;
  /** A routing step changed these conversations and counsellors. */
  'queue.stepped': { conversationIds: string[]; counsellorIds: string[]; effects: readonly QueueEffect[] };
  /** A counsellor blocked the visitor of this conversation until then. */
  'visitor.blocked': { conversationId: string; until: number };
  /** Many arrivals from one source: supervisors see one grouped alert. */
  'arrivals.burst': { alert: ArrivalBurstAlert };
  /** sessionId null: every session of that staff member ended. */
  'staff.sessionEnded': { staffId: string; sessionId: string | null };
}

export class EventBus {
  private readonly emitter = new EventEmitter({ captureRejections: false });

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
