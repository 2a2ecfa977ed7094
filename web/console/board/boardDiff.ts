// Folds a board diff into the board a supervisor sees: replace what changed, drop what went.
import type { BoardDiff, BoardSnapshot } from '../../../src/protocol/staffProtocol.js';

function upsertBy<T>(list: readonly T[], key: (item: T) => string, upserted: readonly T[], removed: readonly string[]): T[] {
  const changed = new Map(upserted.map((u) => [key(u), u]));
  const gone = new Set(removed);
  const kept = list.filter((item) => !gone.has(key(item))).map((item) => changed.get(key(item)) ?? item);
  const known = new Set(kept.map(key));
  return [...kept, ...upserted.filter((u) => !known.has(key(u)))];
}

const rank = { critical: 0, high: 1, normal: 2, low: 3 } as const;

export function applyBoardDiff(board: BoardSnapshot, diff: BoardDiff): BoardSnapshot {
  const next: BoardSnapshot = { ...board, now: diff.now };
  if (diff.queue) {
    next.queue = upsertBy(board.queue, (q) => q.conversationId, diff.queue.upserted, diff.queue.removed).sort(
      (a, b) => rank[a.priority] - rank[b.priority] || a.enqueuedAt - b.enqueuedAt,
    );
  }
  if (diff.counsellors) next.counsellors = upsertBy(board.counsellors, (c) => c.id, diff.counsellors, []).sort((a, b) => a.displayName.localeCompare(b.displayName));
  if (diff.active) next.active = upsertBy(board.active, (c) => c.id, diff.active.upserted, diff.active.removed);
  if (diff.startedLastHour !== undefined) next.startedLastHour = diff.startedLastHour;
  if (diff.abandonedLastHour !== undefined) next.abandonedLastHour = diff.abandonedLastHour;
  if (diff.availability) next.availability = diff.availability;
  return next;
}
