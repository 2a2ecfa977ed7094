// What deserves her attention on a night shift, decided from two states of the console: a chat new
// in the queue, an offer made to her, a message in a chat she is not looking at. Pure, so the
// rules are tested without a browser; the hook turns the answer into a sound, the title badge and
// a desktop notification. Nothing here carries message text or a nickname: only ids and kinds.

export interface NoticeInput {
  /** The queue as she sees it: waiting chats and chats offered to someone. */
  queue: readonly { conversationId: string; status: string }[];
  /** Offers made to her. */
  offers: readonly { conversationId: string }[];
  /** Unread messages per chat she holds. */
  unread: Readonly<Record<string, number>>;
}

export type NoticeKind = 'offer' | 'queued' | 'message';
export interface Notice {
  kind: NoticeKind;
  conversationId: string;
}

/** Most urgent first: an offer runs out, a waiting visitor has nobody yet, a message can wait a moment. */
export const noticeKinds: readonly NoticeKind[] = ['offer', 'queued', 'message'];

export function noticesBetween(before: NoticeInput, after: NoticeInput): Notice[] {
  const queuedBefore = new Set(before.queue.map((q) => q.conversationId));
  const offeredBefore = new Set(before.offers.map((o) => o.conversationId));
  const offered = after.offers.filter((o) => !offeredBefore.has(o.conversationId)).map((o) => ({ kind: 'offer' as const, conversationId: o.conversationId }));
  // Only chats that came into the queue: one moving between waiting and offered was seen already.
  const queued = after.queue
    .filter((q) => q.status === 'waiting' && !queuedBefore.has(q.conversationId))
    .map((q) => ({ kind: 'queued' as const, conversationId: q.conversationId }));
  const messages = Object.entries(after.unread)
    .filter(([id, count]) => count > (before.unread[id] ?? 0))
    .map(([id]) => ({ kind: 'message' as const, conversationId: id }));
  return [...offered, ...queued, ...messages];
}

/** The most urgent kind among notices that came together (one sound, one notification). */
export function mostUrgent(notices: readonly Notice[]): Notice | null {
  for (const kind of noticeKinds) {
    const found = notices.find((n) => n.kind === kind);
    if (found) return found;
  }
  return null;
}

/** For the title badge: unread messages, offers to her, and visitors waiting in the queue. */
export function attentionCount(input: NoticeInput): number {
  const unread = Object.values(input.unread).reduce((sum, n) => sum + Math.max(0, n), 0);
  return unread + input.offers.length + input.queue.filter((q) => q.status === 'waiting').length;
}

/** "(3) Baken console": the count first, so it stays readable on a narrow browser tab. */
export function titleWithBadge(name: string, count: number): string {
  if (count <= 0) return name;
  return `(${count > 99 ? '99+' : count}) ${name}`;
}
