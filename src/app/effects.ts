// What a use case changed, and for whom. The application layer returns these; the transports
// (socket gateways, HTTP routes) turn them into pushes. A use case never emits anything itself,
// so what one step costs on the wire is exactly what it changed.
import type { MessageTranslation } from '../protocol/translation.js';
import type { Conversation } from '../store/conversationRepository.js';
import type { StoredMessage } from '../domain/conversation/messageLog.js';
import type { StoredNote } from '../store/noteRepository.js';
import type { QueueStatus } from '../protocol/visitorProtocol.js';
import type { CounsellorStatus } from '../domain/queue/routingPolicy.js';
import type { ArrivalBurstAlert, CounsellorView } from '../protocol/staffProtocol.js';
import type { TriageReason } from '../domain/triage/assessTriage.js';
import type { Priority } from '../domain/queue/priority.js';

/** A queued chat as the queue lists it: the row, and how many messages she wrote while waiting. */
export interface QueuedChat {
  conversation: Conversation;
  messageCount: number;
}

export type Effect =
  /** A stored message: to everyone in the chat (visitor and staff). */
  /** `translation`: of a visitor's message, for staff only (translation on, her language not theirs). */
  | { type: 'message.stored'; message: StoredMessage; commitMs: number; translation?: MessageTranslation }
  /** A note or whisper: staff in the chat only, never the visitor. */
  | { type: 'note.added'; conversationId: string; note: StoredNote }
  /** The chat's state changed: its visitor, whoever follows it, and the holders named here. */
  | { type: 'conversation.changed'; conversation: Conversation; counsellorName: string | null; formerHolders: readonly string[] }
  /** Every tab of this staff member stops following the chat (need to know). */
  | { type: 'room.left'; conversationId: string; staffId: string }
  /** Every tab of this staff member follows the chat (she took it). */
  | { type: 'room.joined'; conversationId: string; staffId: string }
  /** An offer to one counsellor. */
  | { type: 'offer.made'; chat: QueuedChat; counsellorId: string }
  /** What changed in the queue: counsellors (and the board) get exactly this. */
  | { type: 'queue.changed'; upserted: readonly QueuedChat[]; removed: readonly string[] }
  /** Waiting visitors whose place or estimate changed, each told only her own. */
  | { type: 'queue.positions'; positions: readonly { conversationId: string; status: QueueStatus }[] }
  /** The board: counsellors whose status or load changed, chats that started or stopped being in progress. */
  | { type: 'board.changed'; counsellors: readonly CounsellorView[]; activeUpserted: readonly Conversation[]; activeRemoved: readonly string[] }
  /** Her own status changed without her asking (a missed offer put her on a break). */
  | { type: 'counsellor.status'; counsellorId: string; status: CounsellorStatus; reason: 'missed_offer' | 'set' }
  /** Triage saw danger during a chat in progress: its counsellor and the supervisors are told. */
  | { type: 'danger.seen'; conversationId: string; counsellorId: string | null; priority: Priority; reasons: readonly TriageReason[] }
  /** The typing indicator, to the other side of the chat. */
  | { type: 'typing'; conversationId: string; from: 'visitor' | 'staff'; typing: boolean }
  /** A visitor was blocked: her connection's address is refused for a short while too. */
  | { type: 'visitor.blocked'; conversationId: string; until: number }
  /** Sessions ended: their sockets close (sessionId null: every session of that person). */
  | { type: 'session.ended'; staffId: string; sessionId: string | null }
  /** Open, closed or busy was changed by hand or by the hours: the board shows it. */
  | { type: 'service.changed'; availability: { open: boolean; reason: 'hours' | 'manual'; busy: boolean; setting: 'auto' | 'open' | 'closed' } }
  /** Many arrivals from one source: supervisors see one grouped alert. */
  | { type: 'arrivals.burst'; alert: ArrivalBurstAlert };

/** A use case's answer and what it changed. */
export interface Outcome<T> {
  value: T;
  effects: Effect[];
}

export function outcome<T>(value: T, effects: Effect[] = []): Outcome<T> {
  return { value, effects };
}
