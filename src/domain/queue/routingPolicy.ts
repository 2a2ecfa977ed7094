/**
 * Routing policy: pure decisions over a snapshot of the queue and the
 * counsellors. It never mutates anything; `queueModel.ts` applies the
 * decisions. Kept separate so the rules ("who gets which chat") can be read,
 * tested and explained on their own.
 */
import { priorityRank } from './priority.js';
import type { Priority } from './priority.js';
import { languageCandidates } from './languageMatch.js';

export type CounsellorStatus = 'available' | 'break' | 'wrapping_up' | 'offline';

/** automatic: the system offers chats; manual: counsellors pick or pull. */
export type RoutingMode = 'automatic' | 'manual';

export interface WaitingConversation {
  readonly id: string;
  readonly priority: Priority;
  /** When the visitor joined the queue; "longest waiting" goes first. */
  readonly enqueuedAt: number;
  /**
   * Set when the chat came back through no fault of the visitor (counsellor
   * disconnected, handed back to the queue): front of its priority band, so a
   * critical newcomer still comes before it.
   */
  readonly returnedToFront?: boolean | undefined;
  /** A returning visitor's previous counsellor. */
  readonly preferredCounsellorId?: string | undefined;
  /** Counsellors who declined this chat, let an offer time out or handed it back; oldest first. */
  readonly declinedBy: readonly string[];
  /** The visitor's language; offered first to counsellors who speak it (languageMatch.ts). */
  readonly language?: string | undefined;
}

export interface CounsellorLoad {
  readonly id: string;
  readonly status: CounsellorStatus;
  readonly capacity: number;
  readonly activeCount: number;
  /** Offered but not yet accepted: counts toward capacity. */
  readonly offeredCount: number;
  /** When the last chat ended (or the counsellor came on duty). */
  readonly idleSince: number;
  /** She has an ended chat to code first (when the service requires that): no new offers. */
  readonly mustCodeFirst?: boolean | undefined;
  /** The languages she chats in (the staff languages skill). */
  readonly languages?: readonly string[] | undefined;
}

export interface RoutingSnapshot {
  readonly mode: RoutingMode;
  /** Conversations waiting for a counsellor (not offered, not active). */
  readonly waiting: readonly WaitingConversation[];
  readonly counsellors: readonly CounsellorLoad[];
  /** Now: a chat held back for its language is only held for a short while. Absent: never held. */
  readonly at?: number | undefined;
}

export type OfferReason =
  /** The returning visitor's previous counsellor. */
  | 'preferred_counsellor'
  /** Fewest chats, ties to the longest idle. */
  | 'least_loaded'
  /** Every available counsellor has declined it before; offered again rather than left waiting. */
  | 'all_declined'
  /** Fewest chats among those who speak her language. */
  | 'language_match';

export interface AssignmentDecision {
  readonly conversationId: string;
  readonly counsellorId: string;
  readonly reason: OfferReason;
}

/** Queue order: higher priority first, then returned-to-front, then longest waiting; id makes it total. */
export function compareQueueOrder(a: WaitingConversation, b: WaitingConversation): number {
  const byPriority = priorityRank(b.priority) - priorityRank(a.priority);
  if (byPriority !== 0) return byPriority;
  const byFront = Number(b.returnedToFront ?? false) - Number(a.returnedToFront ?? false);
  if (byFront !== 0) return byFront;
  if (a.enqueuedAt !== b.enqueuedAt) return a.enqueuedAt - b.enqueuedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderQueue(waiting: readonly WaitingConversation[]): WaitingConversation[] {
  return [...waiting].sort(compareQueueOrder);
}

export function loadOf(counsellor: CounsellorLoad): number {
  return counsellor.activeCount + counsellor.offeredCount;
}

export function freeSlots(counsellor: CounsellorLoad): number {
  return Math.max(0, counsellor.capacity - loadOf(counsellor));
}

/**
 * Which counsellors may be offered this conversation, judged by status only
 * (room is checked separately). A counsellor who declined is skipped unless
 * every available counsellor has declined: then the visitor is better served
 * by a second offer than by waiting for nobody.
 */
export function eligibleCounsellorIds(
  conversation: WaitingConversation,
  counsellors: readonly CounsellorLoad[],
): Set<string> {
  // Capacity 0 means "cannot take chats at all": such a counsellor must not hold a chat back.
  // An offer she may not accept until she has coded would only time out and put her on a break.
  const available = counsellors.filter((c) => c.status === 'available' && c.capacity > 0 && !c.mustCodeFirst);
  const fresh = available.filter((c) => !conversation.declinedBy.includes(c.id));
  return new Set((fresh.length > 0 ? fresh : available).map((c) => c.id));
}

/** Fewest chats first, ties to the longest idle, then id for determinism. */
function compareForOffer(a: CounsellorLoad, loadA: number, b: CounsellorLoad, loadB: number): number {
  if (loadA !== loadB) return loadA - loadB;
  if (a.idleSince !== b.idleSince) return a.idleSince - b.idleSince;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Automatic routing: walk the queue in order and offer each conversation to
 * the best eligible counsellor with room. Load is tracked across the round so
 * one pass never overfills anyone; each conversation gets at most one offer.
 * Manual mode makes no offers.
 */
export function planOffers(snapshot: RoutingSnapshot): AssignmentDecision[] {
  if (snapshot.mode !== 'automatic') return [];
  const load = new Map(snapshot.counsellors.map((c) => [c.id, loadOf(c)]));
  // Nobody who could take a chat has room (the usual state in a surge): nothing to walk.
  const couldTake = (c: CounsellorLoad) => c.status === 'available' && c.capacity > 0 && !c.mustCodeFirst;
  let room = snapshot.counsellors.filter((c) => couldTake(c) && (load.get(c.id) ?? 0) < c.capacity).length;
  if (room === 0) return [];
  const decisions: AssignmentDecision[] = [];
  for (const conversation of orderQueue(snapshot.waiting)) {
    if (room === 0) break;
    const eligible = eligibleCounsellorIds(conversation, snapshot.counsellors);
    const withAnyRoom = snapshot.counsellors.filter(
      (c) => eligible.has(c.id) && (load.get(c.id) ?? 0) < c.capacity,
    );
    // Her own counsellor (a returning visitor) comes first, whatever languages are recorded.
    const preferred = withAnyRoom.find((c) => c.id === conversation.preferredCounsellorId);
    const withRoom = preferred ? withAnyRoom : languageCandidates(conversation, withAnyRoom, snapshot.counsellors, snapshot.at);
    if (withRoom.length === 0) continue;
    const matched = conversation.language !== undefined && withRoom.length < withAnyRoom.length;
    let chosen: CounsellorLoad;
    let reason: OfferReason;
    if (preferred) {
      chosen = preferred;
      reason = 'preferred_counsellor';
    } else if (withRoom.every((c) => conversation.declinedBy.includes(c.id))) {
      // Everyone declined: round-robin, starting with whoever declined longest ago.
      const declineOrder = (c: CounsellorLoad) => conversation.declinedBy.indexOf(c.id);
      chosen = withRoom.reduce((best, c) => (declineOrder(c) < declineOrder(best) ? c : best));
      reason = 'all_declined';
    } else {
      chosen = withRoom.reduce((best, c) =>
        compareForOffer(c, load.get(c.id) ?? 0, best, load.get(best.id) ?? 0) < 0 ? c : best,
      );
      reason = matched ? 'language_match' : 'least_loaded';
    }
    const chosenLoad = (load.get(chosen.id) ?? 0) + 1;
    load.set(chosen.id, chosenLoad);
    if (chosenLoad >= chosen.capacity) room -= 1;
    decisions.push({ conversationId: conversation.id, counsellorId: chosen.id, reason });
  }
  return decisions;
}

/**
 * The next conversation for a counsellor who pulls one (allowed in both
 * modes, from any status but offline, as long as there is room). Same
 * order and eligibility as automatic offers; if only chats this counsellor
 * declined earlier are left, the first of those is returned: pulling is an
 * explicit request for work.
 */
export function pullNext(snapshot: RoutingSnapshot, counsellorId: string): WaitingConversation | undefined {
  const counsellor = snapshot.counsellors.find((c) => c.id === counsellorId);
  if (!counsellor || counsellor.status === 'offline' || freeSlots(counsellor) === 0) return undefined;
  const ordered = orderQueue(snapshot.waiting);
  // Status-based eligibility treats the puller as available: they asked for work.
  const asAvailable = snapshot.counsellors.map((c) =>
    c.id === counsellorId ? { ...c, status: 'available' as const } : c,
  );
  const eligible = ordered.find((w) => eligibleCounsellorIds(w, asAvailable).has(counsellorId));
  return eligible ?? ordered[0];
}
