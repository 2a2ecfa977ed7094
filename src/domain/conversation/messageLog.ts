// What one participant knows of a conversation's messages: the stored ones, ordered by the
// server's per-conversation sequence number, plus its own messages not yet acknowledged.
// Pure and immutable so the browser, the server tests and the fuzz harness share it.

export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  sender: 'visitor' | 'counsellor' | 'system';
  senderName: string | null;
  body: string;
  createdAt: number;
}

export interface PendingMessage {
  clientId: string;
  body: string;
  createdAt: number;
}

export interface MessageLog {
  /** Stored messages in strictly increasing seq order, without duplicates. */
  stored: readonly StoredMessage[];
  /** Sent but not yet acknowledged, in the order they were typed. */
  pending: readonly PendingMessage[];
}

export const emptyMessageLog: MessageLog = { stored: [], pending: [] };

/**
 * The highest seq we hold with nothing missing before it; a reconnecting client asks for
 * everything after it. Not simply the highest seq: the acknowledgement of her own message can
 * arrive while pushes of earlier messages were lost with the connection, and those must come too.
 */
export function lastSeq(log: MessageLog): number {
  let seq = 0;
  for (const m of log.stored) {
    if (m.seq !== seq + 1) break;
    seq = m.seq;
  }
  return seq;
}

export function addPending(log: MessageLog, message: PendingMessage): MessageLog {
  if (log.pending.some((p) => p.clientId === message.clientId)) return log;
  return { ...log, pending: [...log.pending, message] };
}

/**
 * Merge messages from the server (a live push, a resend's ack, or a resume batch).
 * Duplicates are dropped by seq, order is restored, and a stored message clears its pending twin.
 */
export function mergeStored(log: MessageLog, incoming: readonly StoredMessage[]): MessageLog {
  if (incoming.length === 0) return log;
  const bySeq = new Map<number, StoredMessage>();
  for (const m of log.stored) bySeq.set(m.seq, m);
  let changed = false;
  for (const m of incoming) {
    if (!bySeq.has(m.seq)) {
      bySeq.set(m.seq, m);
      changed = true;
    }
  }
  const storedClientIds = new Set(incoming.map((m) => m.clientId));
  const pending = log.pending.filter((p) => !storedClientIds.has(p.clientId));
  if (!changed && pending.length === log.pending.length) return log;
  const stored = changed ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : log.stored;
  return { stored, pending };
}

/** Seqs missing between 1 and the highest known one: a sign that a resume is needed. */
export function gaps(log: MessageLog): number[] {
  const missing: number[] = [];
  let expected = 1;
  for (const m of log.stored) {
    for (; expected < m.seq; expected++) missing.push(expected);
    expected = m.seq + 1;
  }
  return missing;
}
