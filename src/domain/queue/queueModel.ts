/**
 * The routing brain as a pure reducer: (state, event) → (state, effects).
 * The server feeds it every queue-relevant event with the time it happened,
 * persists/broadcasts the effects, and schedules a `tick` at `nextDeadline`.
 * Every event first expires overdue offers and disconnect grace periods (time
 * is passed in with each event). Invalid events (accepting an offer made to
 * someone else, ids that do not exist, an accept that came too late, ...)
 * change nothing else and produce a `rejected` effect, so a race between two
 * browser tabs can never corrupt the queue.
 *
 * Ended conversations leave this model; their lifecycle history is recorded
 * by the conversation state machine, not here.
 */
import { compareQueueOrder, planOffers, pullNext } from './routingPolicy.js';
import type {
  CounsellorLoad,
  CounsellorStatus,
  OfferReason,
  RoutingMode,
  RoutingSnapshot,
  WaitingConversation,
} from './routingPolicy.js';
import type { Priority } from './priority.js';
import { queueAdmission } from './queueLimits.js';
import { transition, type LifecycleEvent } from '../conversation/conversationLifecycle.js';
import { inLanguageWindow, languageWindowEnd } from './languageMatch.js';

export interface QueueConfig {
  /** An offer not accepted within this time goes to the next counsellor. */
  readonly offerTimeoutMs: number;
  /** A disconnected counsellor keeps their chats this long before they return to the queue. */
  readonly disconnectGraceMs: number;
  /** Maximum number of waiting visitors; undefined = no cap. */
  readonly queueCap?: number | undefined;
  /**
   * Put a counsellor who let an offer time out on a break (default true).
   * Otherwise an "available" counsellor who walked away stays the longest idle,
   * keeps winning offers and makes every visitor wait a full timeout first.
   */
  readonly pauseOnOfferTimeout?: boolean | undefined;
}

interface ConversationBase {
  readonly id: string;
  readonly priority: Priority;
  readonly enqueuedAt: number;
  readonly returnedToFront: boolean;
  readonly preferredCounsellorId?: string | undefined;
  readonly declinedBy: readonly string[];
  /**
   * The visitor's tab is gone (closed, or no connection): she keeps her place but is offered to
   * nobody, and the chat ends as abandoned at this time unless she comes back first.
   */
  readonly awayUntil?: number | undefined;
  /** The visitor's language: offered first to counsellors who speak it (languageMatch.ts). */
  readonly language?: string | undefined;
}

export interface WaitingEntry extends ConversationBase {
  readonly phase: 'waiting';
}

export interface OfferedEntry extends ConversationBase {
  readonly phase: 'offered';
  readonly counsellorId: string;
  readonly offeredAt: number;
  /** Set when offered as a named transfer: on decline it returns to the front. */
  readonly transferredFrom?: string | undefined;
}

export interface ActiveEntry extends ConversationBase {
  readonly phase: 'active';
  readonly counsellorId: string;
  readonly acceptedAt: number;
}

export type QueueEntry = WaitingEntry | OfferedEntry | ActiveEntry;

export interface CounsellorEntry {
  readonly id: string;
  readonly status: CounsellorStatus;
  readonly capacity: number;
  readonly idleSince: number;
  /** Set while the connection is lost; chats return to the queue after the grace period. */
  readonly disconnectedAt?: number | undefined;
  /** Read from the database each step, never written: an ended chat waits for her coding. */
  readonly mustCodeFirst?: boolean | undefined;
  /** Read from the database each step, never written: the languages she chats in. */
  readonly languages?: readonly string[] | undefined;
}

export interface QueueState {
  readonly mode: RoutingMode;
  readonly conversations: Readonly<Record<string, QueueEntry>>;
  readonly counsellors: Readonly<Record<string, CounsellorEntry>>;
}

export type QueueEvent =
  | {
      readonly type: 'visitor_arrived';
      readonly at: number;
      readonly conversationId: string;
      readonly priority: Priority;
      readonly preferredCounsellorId?: string | undefined;
      readonly language?: string | undefined;
    }
  /** Ended for any reason: by visitor, counsellor, idle timeout, quick exit, abandoned while waiting. */
  | { readonly type: 'conversation_ended'; readonly at: number; readonly conversationId: string }
  | { readonly type: 'priority_changed'; readonly at: number; readonly conversationId: string; readonly priority: Priority }
  | {
      readonly type: 'counsellor_status_changed';
      readonly at: number;
      readonly counsellorId: string;
      readonly status: CounsellorStatus;
      /** Required the first time a counsellor appears; defaults to 1 otherwise. */
      readonly capacity?: number | undefined;
    }
  | { readonly type: 'counsellor_capacity_changed'; readonly at: number; readonly counsellorId: string; readonly capacity: number }
  | { readonly type: 'counsellor_disconnected'; readonly at: number; readonly counsellorId: string }
  | { readonly type: 'counsellor_reconnected'; readonly at: number; readonly counsellorId: string }
  | { readonly type: 'offer_accepted'; readonly at: number; readonly conversationId: string; readonly counsellorId: string }
  | { readonly type: 'offer_declined'; readonly at: number; readonly conversationId: string; readonly counsellorId: string }
  /** Manual pick of a specific waiting chat. */
  | { readonly type: 'conversation_picked'; readonly at: number; readonly conversationId: string; readonly counsellorId: string }
  /** "Give me the next chat". */
  | { readonly type: 'next_pulled'; readonly at: number; readonly counsellorId: string }
  /** Handover to a named colleague (as an offer) or, without one, back to the queue. */
  | {
      readonly type: 'transferred';
      readonly at: number;
      readonly conversationId: string;
      readonly toCounsellorId?: string | undefined;
    }
  | { readonly type: 'mode_changed'; readonly at: number; readonly mode: RoutingMode }
  /** Her last connection went (or her tab said it was closing): hold her place until `until`. */
  | { readonly type: 'visitor_away'; readonly at: number; readonly conversationId: string; readonly until: number }
  | { readonly type: 'visitor_back'; readonly at: number; readonly conversationId: string }
  /**
   * Time passes. Every event expires overdue offers and grace periods first;
   * a tick (scheduled at `nextDeadline`) makes sure that happens on time.
   */
  | { readonly type: 'tick'; readonly at: number };

export type RequeueReason =
  | 'declined'
  | 'offer_timeout'
  | 'offer_withdrawn'
  | 'counsellor_disconnected'
  | 'counsellor_offline'
  | 'transferred_to_queue'
  | 'visitor_away';

export type RejectReason =
  | 'unknown_conversation'
  | 'unknown_counsellor'
  | 'duplicate_conversation'
  | 'not_waiting'
  | 'not_offered_to_counsellor'
  | 'not_active'
  | 'no_capacity'
  | 'counsellor_unavailable'
  | 'nothing_to_pull'
  | 'queue_full'
  | 'invalid_capacity';

export type QueueEffect =
  | {
      readonly type: 'offered';
      readonly conversationId: string;
      readonly counsellorId: string;
      readonly reason: OfferReason | 'named_transfer';
      /** A named transfer: who held the chat until now (and no longer follows it). */
      readonly fromCounsellorId?: string | undefined;
    }
  | { readonly type: 'assigned'; readonly conversationId: string; readonly counsellorId: string; readonly via: 'accepted' | 'picked' | 'pulled' }
  | { readonly type: 'requeued'; readonly conversationId: string; readonly fromCounsellorId: string; readonly reason: RequeueReason }
  | {
      readonly type: 'removed';
      readonly conversationId: string;
      readonly phase: QueueEntry['phase'];
      readonly counsellorId?: string | undefined;
      /** Ended by the queue itself: she was away past her grace time. The chat ends as abandoned. */
      readonly abandoned?: true | undefined;
    }
  /** Status set to break after a missed offer; the console should tell them why. */
  | { readonly type: 'counsellor_paused'; readonly counsellorId: string; readonly reason: 'missed_offer' }
  | { readonly type: 'rejected'; readonly event: QueueEvent['type']; readonly reason: RejectReason };

export interface QueueStep {
  readonly state: QueueState;
  readonly effects: readonly QueueEffect[];
}

export function emptyQueueState(mode: RoutingMode = 'automatic'): QueueState {
  return { mode, conversations: {}, counsellors: {} };
}

// ---------------------------------------------------------------- derived views

export function entriesOf(state: QueueState): QueueEntry[] {
  return Object.values(state.conversations);
}

/** Waiting conversations in queue order. */
export function waitingInOrder(state: QueueState): WaitingEntry[] {
  return entriesOf(state)
    .filter((e): e is WaitingEntry => e.phase === 'waiting')
    .sort(compareQueueOrder);
}

export function counsellorLoad(state: QueueState, counsellorId: string): { active: number; offered: number } {
  let active = 0;
  let offered = 0;
  for (const e of entriesOf(state)) {
    if (e.phase === 'active' && e.counsellorId === counsellorId) active++;
    if (e.phase === 'offered' && e.counsellorId === counsellorId) offered++;
  }
  return { active, offered };
}

/** A disconnected counsellor is offline as far as routing is concerned. */
export function routingStatus(c: CounsellorEntry): CounsellorStatus {
  return c.disconnectedAt === undefined ? c.status : 'offline';
}

/** Active and offered chats per counsellor, in one pass over the conversations. */
function loadsByCounsellor(state: QueueState): Map<string, { active: number; offered: number }> {
  const loads = new Map<string, { active: number; offered: number }>();
  for (const e of entriesOf(state)) {
    if (e.phase === 'waiting') continue;
    const l = loads.get(e.counsellorId) ?? { active: 0, offered: 0 };
    if (e.phase === 'active') l.active++;
    else l.offered++;
    loads.set(e.counsellorId, l);
  }
  return loads;
}

/** `at`: now, for chats held back a short while for a counsellor who speaks their language. */
export function routingSnapshot(state: QueueState, at?: number): RoutingSnapshot {
  const loads = loadsByCounsellor(state);
  const counsellors: CounsellorLoad[] = Object.values(state.counsellors).map((c) => {
    const { active, offered } = loads.get(c.id) ?? { active: 0, offered: 0 };
    return {
      id: c.id,
      status: routingStatus(c),
      capacity: c.capacity,
      activeCount: active,
      offeredCount: offered,
      idleSince: c.idleSince,
      mustCodeFirst: c.mustCodeFirst,
      languages: c.languages,
    };
  });
  // Someone whose tab is gone keeps her place, but is offered to nobody until she is back.
  const waiting: WaitingConversation[] = waitingInOrder(state).filter((e) => e.awayUntil === undefined);
  return { mode: state.mode, waiting, counsellors, at };
}

/**
 * Earliest moment a `tick` would change something, so the server can set one timer. Given `now`,
 * also when a chat held back for its language may go to anyone.
 */
export function nextDeadline(state: QueueState, config: QueueConfig, now?: number): number | undefined {
  let next: number | undefined;
  const consider = (t: number) => {
    next = next === undefined ? t : Math.min(next, t);
  };
  for (const e of entriesOf(state)) {
    if (e.phase === 'offered') consider(e.offeredAt + config.offerTimeoutMs);
    if (e.phase !== 'active' && e.awayUntil !== undefined) consider(e.awayUntil);
    if (e.phase === 'waiting' && e.language !== undefined && inLanguageWindow(e, now)) consider(languageWindowEnd(e));
  }
  for (const c of Object.values(state.counsellors)) {
    if (c.disconnectedAt !== undefined) consider(c.disconnectedAt + config.disconnectGraceMs);
  }
  return next;
}

// ---------------------------------------------------------------- reducer

/** Mutable working copy used inside one step; never escapes. */
interface Draft {
  mode: RoutingMode;
  conversations: Record<string, QueueEntry>;
  counsellors: Record<string, CounsellorEntry>;
  effects: QueueEffect[];
}

function toWaiting(e: QueueEntry, changes: Partial<ConversationBase> = {}): WaitingEntry {
  return {
    id: e.id,
    priority: e.priority,
    enqueuedAt: e.enqueuedAt,
    returnedToFront: e.returnedToFront,
    preferredCounsellorId: e.preferredCounsellorId,
    declinedBy: e.declinedBy,
    awayUntil: e.awayUntil,
    language: e.language,
    ...changes,
    phase: 'waiting',
  };
}

/** Oldest decline first: a repeated decline moves to the end (used for round-robin re-offers). */
function withDecliner(declinedBy: readonly string[], counsellorId: string): readonly string[] {
  return [...declinedBy.filter((id) => id !== counsellorId), counsellorId];
}

/**
 * Every move of a chat between waiting, offered, active and ended is one the conversation
 * lifecycle allows: the reducer asks it, so one state machine owns the status. A refusal here
 * is a bug in the reducer, not a client's mistake (those are rejected before).
 */
function follow(e: QueueEntry, event: LifecycleEvent): void {
  const decided = transition({ status: e.phase, counsellorId: e.phase === 'waiting' ? null : e.counsellorId, endReason: null }, event);
  if (!decided.ok) throw new Error(`the queue moved a chat against its lifecycle: ${decided.event} from ${decided.from}`);
}

function requeue(d: Draft, e: OfferedEntry | ActiveEntry, reason: RequeueReason, changes: Partial<ConversationBase> = {}): void {
  follow(e, e.phase === 'offered' ? { type: 'decline' } : { type: 'requeue' });
  d.conversations[e.id] = toWaiting(e, changes);
  d.effects.push({ type: 'requeued', conversationId: e.id, fromCounsellorId: e.counsellorId, reason });
}

/** A counsellor's chat ended or left them: they become idle from now for tie-breaking. */
function touchIdle(d: Draft, counsellorId: string, at: number): void {
  const c = d.counsellors[counsellorId];
  if (c) d.counsellors[counsellorId] = { ...c, idleSince: at };
}

function reject(d: Draft, event: QueueEvent, reason: RejectReason): void {
  d.effects.push({ type: 'rejected', event: event.type, reason });
}

function loadIn(d: Draft, counsellorId: string): number {
  let n = 0;
  for (const e of Object.values(d.conversations)) {
    if (e.phase !== 'waiting' && e.counsellorId === counsellorId) n++;
  }
  return n;
}

function hasRoom(d: Draft, counsellorId: string): boolean {
  const c = d.counsellors[counsellorId];
  return c !== undefined && loadIn(d, counsellorId) < c.capacity;
}

function withdrawOffers(d: Draft, counsellorId: string, reason: RequeueReason): void {
  for (const e of Object.values(d.conversations)) {
    if (e.phase === 'offered' && e.counsellorId === counsellorId) {
      // A withdrawn named transfer keeps its place at the front.
      requeue(d, e, reason, e.transferredFrom !== undefined ? { returnedToFront: true } : {});
    }
  }
}

function returnActiveChats(d: Draft, counsellorId: string, reason: RequeueReason): void {
  for (const e of Object.values(d.conversations)) {
    if (e.phase === 'active' && e.counsellorId === counsellorId) {
      requeue(d, e, reason, { returnedToFront: true });
    }
  }
}

function apply(d: Draft, event: QueueEvent, config: QueueConfig): void {
  switch (event.type) {
    case 'visitor_arrived': {
      if (d.conversations[event.conversationId]) return reject(d, event, 'duplicate_conversation');
      const waitingCount = Object.values(d.conversations).filter((e) => e.phase === 'waiting').length;
      if (queueAdmission({ waitingCount, cap: config.queueCap, priority: event.priority }).kind === 'full') {
        return reject(d, event, 'queue_full');
      }
      d.conversations[event.conversationId] = {
        id: event.conversationId,
        phase: 'waiting',
        priority: event.priority,
        enqueuedAt: event.at,
        returnedToFront: false,
        preferredCounsellorId: event.preferredCounsellorId,
        declinedBy: [],
        ...(event.language !== undefined ? { language: event.language } : {}),
      };
      return;
    }
    case 'conversation_ended': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      follow(e, { type: 'end', reason: 'visitor' });
      delete d.conversations[event.conversationId];
      if (e.phase === 'active') touchIdle(d, e.counsellorId, event.at);
      d.effects.push({
        type: 'removed',
        conversationId: e.id,
        phase: e.phase,
        counsellorId: e.phase === 'waiting' ? undefined : e.counsellorId,
      });
      return;
    }
    case 'priority_changed': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      d.conversations[e.id] = { ...e, priority: event.priority };
      return;
    }
    case 'counsellor_status_changed': {
      const existing = d.counsellors[event.counsellorId];
      const capacity = event.capacity ?? existing?.capacity ?? 1;
      if (!Number.isInteger(capacity) || capacity < 0) return reject(d, event, 'invalid_capacity');
      d.counsellors[event.counsellorId] = {
        id: event.counsellorId,
        status: event.status,
        capacity,
        idleSince: existing?.idleSince ?? event.at,
        disconnectedAt: existing?.disconnectedAt,
        ...(existing?.languages !== undefined ? { languages: existing.languages } : {}),
      };
      // Anyone not available, or now over capacity, should not sit on pending offers.
      if (event.status !== 'available' || loadIn(d, event.counsellorId) > capacity) {
        withdrawOffers(d, event.counsellorId, 'offer_withdrawn');
      }
      // Going offline with chats open: the visitors must not be stranded.
      if (event.status === 'offline') returnActiveChats(d, event.counsellorId, 'counsellor_offline');
      return;
    }
    case 'counsellor_capacity_changed': {
      const c = d.counsellors[event.counsellorId];
      if (!c) return reject(d, event, 'unknown_counsellor');
      if (!Number.isInteger(event.capacity) || event.capacity < 0) return reject(d, event, 'invalid_capacity');
      d.counsellors[c.id] = { ...c, capacity: event.capacity };
      // Lowered below the current load: pending offers go back to the queue; active chats
      // stay with the counsellor (nobody is cut off), and no new ones arrive until below capacity.
      if (loadIn(d, c.id) > event.capacity) withdrawOffers(d, c.id, 'offer_withdrawn');
      return;
    }
    case 'counsellor_disconnected': {
      const c = d.counsellors[event.counsellorId];
      if (!c) return reject(d, event, 'unknown_counsellor');
      if (c.disconnectedAt !== undefined) return;
      d.counsellors[c.id] = { ...c, disconnectedAt: event.at };
      // They cannot accept while gone; not held against them as a decline.
      withdrawOffers(d, c.id, 'offer_withdrawn');
      return;
    }
    case 'counsellor_reconnected': {
      const c = d.counsellors[event.counsellorId];
      if (!c) return reject(d, event, 'unknown_counsellor');
      d.counsellors[c.id] = { ...c, disconnectedAt: undefined };
      return;
    }
    case 'offer_accepted': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      if (e.phase !== 'offered' || e.counsellorId !== event.counsellorId) {
        return reject(d, event, 'not_offered_to_counsellor');
      }
      const { offeredAt: _o, transferredFrom: _t, ...base } = e;
      follow(e, { type: 'accept', counsellorId: e.counsellorId });
      d.conversations[e.id] = { ...base, phase: 'active', acceptedAt: event.at, awayUntil: undefined };
      d.effects.push({ type: 'assigned', conversationId: e.id, counsellorId: e.counsellorId, via: 'accepted' });
      return;
    }
    case 'offer_declined': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      if (e.phase !== 'offered' || e.counsellorId !== event.counsellorId) {
        return reject(d, event, 'not_offered_to_counsellor');
      }
      requeue(d, e, 'declined', {
        declinedBy: withDecliner(e.declinedBy, e.counsellorId),
        returnedToFront: e.returnedToFront || e.transferredFrom !== undefined,
      });
      return;
    }
    case 'conversation_picked': {
      const e = d.conversations[event.conversationId];
      const c = d.counsellors[event.counsellorId];
      if (!e) return reject(d, event, 'unknown_conversation');
      if (!c) return reject(d, event, 'unknown_counsellor');
      if (e.phase !== 'waiting') return reject(d, event, 'not_waiting');
      if (routingStatus(c) === 'offline') return reject(d, event, 'counsellor_unavailable');
      if (!hasRoom(d, c.id)) return reject(d, event, 'no_capacity');
      follow(e, { type: 'accept', counsellorId: c.id });
      d.conversations[e.id] = { ...e, phase: 'active', counsellorId: c.id, acceptedAt: event.at, awayUntil: undefined };
      d.effects.push({ type: 'assigned', conversationId: e.id, counsellorId: c.id, via: 'picked' });
      return;
    }
    case 'next_pulled': {
      const c = d.counsellors[event.counsellorId];
      if (!c) return reject(d, event, 'unknown_counsellor');
      if (routingStatus(c) === 'offline') return reject(d, event, 'counsellor_unavailable');
      if (!hasRoom(d, c.id)) return reject(d, event, 'no_capacity');
      const next = pullNext(snapshotOf(d), c.id);
      const e = next ? d.conversations[next.id] : undefined;
      if (!e || e.phase !== 'waiting') return reject(d, event, 'nothing_to_pull');
      follow(e, { type: 'accept', counsellorId: c.id });
      d.conversations[e.id] = { ...e, phase: 'active', counsellorId: c.id, acceptedAt: event.at, awayUntil: undefined };
      d.effects.push({ type: 'assigned', conversationId: e.id, counsellorId: c.id, via: 'pulled' });
      return;
    }
    case 'transferred': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      if (e.phase !== 'active') return reject(d, event, 'not_active');
      const from = e.counsellorId;
      if (event.toCounsellorId === undefined) {
        // Handed back: front of its band, and preferably not to the same counsellor again.
        requeue(d, e, 'transferred_to_queue', { returnedToFront: true, declinedBy: withDecliner(e.declinedBy, from) });
        touchIdle(d, from, event.at);
        return;
      }
      const to = d.counsellors[event.toCounsellorId];
      if (!to) return reject(d, event, 'unknown_counsellor');
      if (to.id === from) return reject(d, event, 'not_active');
      if (routingStatus(to) === 'offline') return reject(d, event, 'counsellor_unavailable');
      if (!hasRoom(d, to.id)) return reject(d, event, 'no_capacity');
      follow(e, { type: 'transfer', toCounsellorId: to.id });
      const { acceptedAt: _a, ...base } = e;
      d.conversations[e.id] = {
        ...base,
        phase: 'offered',
        counsellorId: to.id,
        offeredAt: event.at,
        transferredFrom: from,
        declinedBy: withDecliner(e.declinedBy, from),
      };
      touchIdle(d, from, event.at);
      d.effects.push({ type: 'offered', conversationId: e.id, counsellorId: to.id, reason: 'named_transfer', fromCounsellorId: from });
      return;
    }
    case 'mode_changed': {
      d.mode = event.mode;
      return;
    }
    case 'visitor_away': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      // A chat in progress is the counsellor's to end; only the queue holds places.
      if (e.phase === 'active') return;
      const until = e.awayUntil === undefined ? event.until : Math.min(e.awayUntil, event.until);
      if (e.phase === 'offered') requeue(d, e, 'visitor_away', { awayUntil: until, returnedToFront: e.returnedToFront || e.transferredFrom !== undefined });
      else d.conversations[e.id] = { ...e, awayUntil: until };
      return;
    }
    case 'visitor_back': {
      const e = d.conversations[event.conversationId];
      if (!e) return reject(d, event, 'unknown_conversation');
      if (e.awayUntil === undefined) return;
      const { awayUntil: _gone, ...rest } = e;
      d.conversations[e.id] = rest as QueueEntry;
      return;
    }
    case 'tick':
      // Deadlines are handled for every event in expireDeadlines; a tick only lets time pass.
      return;
  }
}

/** Offer timeouts and disconnect grace periods that have passed by `at`. Runs before every event. */
function expireDeadlines(d: Draft, at: number, config: QueueConfig): void {
  for (const e of Object.values(d.conversations)) {
    if (e.phase !== 'active' && e.awayUntil !== undefined && at >= e.awayUntil) {
      follow(e, { type: 'end', reason: 'visitor' });
      delete d.conversations[e.id];
      d.effects.push({ type: 'removed', conversationId: e.id, phase: e.phase, counsellorId: e.phase === 'offered' ? e.counsellorId : undefined, abandoned: true });
    }
  }
  const missed = new Set<string>();
  for (const e of Object.values(d.conversations)) {
    if (e.phase === 'offered' && at >= e.offeredAt + config.offerTimeoutMs) {
      requeue(d, e, 'offer_timeout', {
        declinedBy: withDecliner(e.declinedBy, e.counsellorId),
        returnedToFront: e.returnedToFront || e.transferredFrom !== undefined,
      });
      missed.add(e.counsellorId);
    }
  }
  if (config.pauseOnOfferTimeout ?? true) {
    for (const id of missed) {
      const c = d.counsellors[id];
      if (!c || c.status !== 'available') continue;
      d.counsellors[id] = { ...c, status: 'break' };
      d.effects.push({ type: 'counsellor_paused', counsellorId: id, reason: 'missed_offer' });
      withdrawOffers(d, id, 'offer_withdrawn');
    }
  }
  for (const c of Object.values(d.counsellors)) {
    if (c.disconnectedAt !== undefined && at >= c.disconnectedAt + config.disconnectGraceMs) {
      returnActiveChats(d, c.id, 'counsellor_disconnected');
      // Gone for good: they must set themselves available again after reconnecting.
      d.counsellors[c.id] = { ...c, status: 'offline', disconnectedAt: undefined };
    }
  }
}

function snapshotOf(d: Draft, at?: number): RoutingSnapshot {
  return routingSnapshot({ mode: d.mode, conversations: d.conversations, counsellors: d.counsellors }, at);
}

/** Offer waiting chats to counsellors with room (automatic mode only). */
function routeWaiting(d: Draft, at: number): void {
  for (const decision of planOffers(snapshotOf(d, at))) {
    const e = d.conversations[decision.conversationId];
    if (!e || e.phase !== 'waiting') continue;
    follow(e, { type: 'offer', counsellorId: decision.counsellorId });
    d.conversations[e.id] = { ...e, phase: 'offered', counsellorId: decision.counsellorId, offeredAt: at };
    d.effects.push({ type: 'offered', conversationId: e.id, counsellorId: decision.counsellorId, reason: decision.reason });
  }
}

export function reduceQueue(state: QueueState, event: QueueEvent, config: QueueConfig): QueueStep {
  const d: Draft = {
    mode: state.mode,
    conversations: { ...state.conversations },
    counsellors: { ...state.counsellors },
    effects: [],
  };
  expireDeadlines(d, event.at, config);
  apply(d, event, config);
  routeWaiting(d, event.at);
  return { state: { mode: d.mode, conversations: d.conversations, counsellors: d.counsellors }, effects: d.effects };
}
