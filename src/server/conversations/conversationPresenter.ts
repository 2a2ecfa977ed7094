// What leaves the server about a conversation, per audience. Fields are whitelisted here.
import type { Conversation } from '../../store/conversationRepository.js';
import type { VisitorConversationView } from '../../protocol/visitorProtocol.js';
import type { QueueItem, StaffConversationView, TriageReasonView } from '../../protocol/staffProtocol.js';

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
  const seen = new Set<string>();
  const out: TriageReasonView[] = [];
  for (const r of c.triage?.reasons ?? []) {
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

export function presentQueueItem(c: Conversation, messageCount: number, offerTimeoutMs: number): QueueItem {
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
