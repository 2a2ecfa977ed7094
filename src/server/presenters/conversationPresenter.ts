// What leaves the server about a conversation, per audience. Fields are whitelisted here.
import type { Conversation } from '../../store/conversationRepository.js';
import type { VisitorConversationView } from '../../protocol/visitorProtocol.js';
import type { BoardSnapshot, NoteView, QueueItem, StaffChatSnapshot, StaffConversationView, TriageReasonView } from '../../protocol/staffProtocol.js';
import type { TriageReason } from '../../domain/triage/assessTriage.js';
import type { QueuedChat } from '../../app/effects.js';
import type { StaffChat } from '../../app/conversations/counsellorChats.js';
import type { StoredNote } from '../../store/noteRepository.js';
import type { BoardData } from '../../app/queue/queueViews.js';
import type { Availability } from '../../app/queue/serviceAvailability.js';
import type { ArrivalBurstAlert } from '../../protocol/staffProtocol.js';

export function presentForVisitor(c: Conversation, counsellorName: string | null): VisitorConversationView {
  return {
    id: c.id,
    status: c.status,
    nickname: c.nickname,
    // The visitor learns who helps her only once the chat is accepted.
    counsellorName: c.status === 'active' || c.status === 'ended' || c.status === 'closed' ? counsellorName : null,
    endReason: c.endReason,
    lastSeq: c.lastSeq,
    handover: (c.status === 'waiting' || c.status === 'offered') && (c.acceptedAt !== null || c.transferredFrom !== null),
  };
}

/** One line per reason: the same rule matching in two messages says nothing new. */
function reasons(c: Conversation): TriageReasonView[] {
  return presentReasons(c.triage?.reasons ?? []);
}

export function presentReasons(list: readonly TriageReason[]): TriageReasonView[] {
  const seen = new Set<string>();
  const out: TriageReasonView[] = [];
  for (const r of list) {
    if (seen.has(r.reasonKey)) continue;
    seen.add(r.reasonKey);
    out.push({ ruleId: r.ruleId, category: r.category, reasonKey: r.reasonKey, snippet: r.snippet ?? null });
  }
  return out;
}

export function presentForStaff(c: Conversation, counsellorName: string | null): StaffConversationView {
  return {
    id: c.id,
    status: c.status,
    nickname: c.nickname,
    language: c.language,
    counsellorId: c.counsellorId,
    counsellorName,
    createdAt: c.createdAt,
    acceptedAt: c.acceptedAt,
    endedAt: c.endedAt,
    endReason: c.endReason,
    lastSeq: c.lastSeq,
    priority: c.priority,
    reasons: reasons(c),
    offeredAt: c.offeredAt,
    preChat: c.preChat,
    transferredFrom: c.transferredFrom,
    returningVisitor: c.visitorKey !== null,
  };
}

export function presentQueueItem({ conversation: c, messageCount }: QueuedChat, offerTimeoutMs: number): QueueItem {
  return {
    conversationId: c.id,
    nickname: c.nickname,
    language: c.language,
    status: c.status,
    createdAt: c.createdAt,
    enqueuedAt: c.enqueuedAt,
    priority: c.priority,
    reasons: reasons(c),
    priorityOverridden: c.prioritySetBy !== null,
    offeredTo: c.status === 'offered' ? c.counsellorId : null,
    offeredAt: c.offeredAt,
    offerExpiresAt: c.status === 'offered' && c.offeredAt !== null ? c.offeredAt + offerTimeoutMs : null,
    messageCount,
    preferredCounsellorId: c.preferredCounsellorId,
    visitorAway: c.visitorAwayUntil !== null,
  };
}

export function presentNote(note: StoredNote): NoteView {
  return { id: note.id, kind: note.kind, body: note.body, author: note.author, createdAt: note.createdAt };
}

export function presentStaffChat(chat: StaffChat): StaffChatSnapshot {
  return { conversation: presentForStaff(chat.conversation, chat.counsellorName), messages: chat.messages, notes: chat.notes.map(presentNote) };
}

export function presentBoard(
  board: BoardData,
  names: ReadonlyMap<string, string>,
  extra: { now: number; offerTimeoutMs: number; availability: Availability & { setting: 'auto' | 'open' | 'closed' }; alerts: ArrivalBurstAlert[] },
): BoardSnapshot {
  return {
    now: extra.now,
    queue: board.queue.map((q) => presentQueueItem(q, extra.offerTimeoutMs)),
    counsellors: board.counsellors,
    active: board.active.map((c) => presentForStaff(c, c.counsellorId ? (names.get(c.counsellorId) ?? null) : null)),
    abandonedLastHour: board.abandonedLastHour,
    startedLastHour: board.startedLastHour,
    availability: { open: extra.availability.open, reason: extra.availability.reason, busy: extra.availability.busy, setting: extra.availability.setting },
    alerts: extra.alerts,
  };
}
