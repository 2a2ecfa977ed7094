/**
 * Queue position and an honest estimated wait for the visitor's waiting screen.
 * Honest means: a range, rounded to 5 minutes, widened by the spread of recent
 * chat lengths; "unknown" when there is not enough data or nobody on duty;
 * never "3 minutes 12 seconds".
 *
 * When she sees a range (waitEstimatePolicy): at least 3 chats were handled
 * (accepted, then ended) in the last 7 days, and at least one counsellor is on
 * duty (available or wrapping up) with all places taken. A free place says
 * "soon"; nobody on duty, or fewer handled chats, says "we can't say yet".
 *
 * It used to need 5 chats that ended in the last 24 hours. A service that handles
 * a handful of chats an evening never had that when it mattered (early in a
 * shift, after a quiet day, on the first evening of the week), so the waiting
 * screen always said it could not tell. How long a chat takes changes slowly;
 * who is on duty now is taken live, so a longer window does not make it stale.
 */
import { orderQueue } from './routingPolicy.js';
import type { CounsellorLoad, WaitingConversation } from './routingPolicy.js';

export type WaitEstimate =
  /** A free place exists now: an offer should follow within moments. */
  | { readonly kind: 'soon' }
  /** Between min and max minutes; max null means "more than min minutes". */
  | { readonly kind: 'range'; readonly minMinutes: number; readonly maxMinutes: number | null }
  | { readonly kind: 'unknown'; readonly reason: 'not_enough_recent_chats' | 'no_counsellor_on_duty' };

export interface WaitEstimateInput {
  /** 1 = next in line. */
  readonly position: number;
  /** Durations (ms) of recently finished chats. */
  readonly recentHandlingMs: readonly number[];
  /** Chat places of counsellors on duty (available or wrapping up). */
  readonly totalSlots: number;
  /** Places free right now with available counsellors. */
  readonly freeSlots: number;
  /** Fewer finished chats than this → "unknown" (default waitEstimatePolicy.minSamples). */
  readonly minSamples?: number | undefined;
}

/** How much history the estimate needs and looks at. */
export const waitEstimatePolicy = {
  /** Fewer handled chats than this in the window: "unknown". */
  minSamples: 3,
  /** Chats that ended longer ago than this are not looked at. */
  historyWindowMs: 7 * 24 * 60 * 60_000,
  /** At most this many of the newest handled chats are used. */
  maxSamples: 30,
} as const;

const STEP_MINUTES = 5;
/** Beyond this, a number means little: say "more than …". */
const OPEN_ENDED_AFTER_MINUTES = 90;
const MINUTE_MS = 60_000;

/** 1-based position in queue order, or undefined if not waiting. */
export function queuePosition(waiting: readonly WaitingConversation[], conversationId: string): number | undefined {
  const index = orderQueue(waiting).findIndex((c) => c.id === conversationId);
  return index < 0 ? undefined : index + 1;
}

/** On-duty capacity from the counsellor snapshot. Counsellors on a break are not counted: optimism is not honest. */
export function dutySlots(counsellors: readonly CounsellorLoad[]): { totalSlots: number; freeSlots: number } {
  let totalSlots = 0;
  let freeSlots = 0;
  for (const c of counsellors) {
    if (c.status === 'available' || c.status === 'wrapping_up') totalSlots += c.capacity;
    if (c.status === 'available') freeSlots += Math.max(0, c.capacity - c.activeCount - c.offeredCount);
  }
  return { totalSlots, freeSlots };
}

/** Durations of the most recent finished chats within a window (newest first, at most `max`). */
export function recentHandlingDurations(
  chats: readonly { readonly endedAt: number; readonly durationMs: number }[],
  nowMs: number,
  { windowMs = waitEstimatePolicy.historyWindowMs, max = waitEstimatePolicy.maxSamples }: { windowMs?: number; max?: number } = {},
): number[] {
  return chats
    .filter((c) => c.endedAt <= nowMs && nowMs - c.endedAt <= windowMs && c.durationMs > 0)
    .sort((a, b) => b.endedAt - a.endedAt)
    .slice(0, max)
    .map((c) => c.durationMs);
}

/** Nearest-rank quantile of a non-empty sorted list. */
function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * Expected time until the k-th place frees up. With S busy places whose
 * remaining time is roughly uniform over a chat length H, the k-th frees after
 * about k·H/(S+1); once every place has to turn over (k > S), about k·H/S.
 */
function timeUntilPlace(k: number, slots: number, handlingMs: number): number {
  return k <= slots ? (k * handlingMs) / (slots + 1) : (k * handlingMs) / slots;
}

export function estimateWait(input: WaitEstimateInput): WaitEstimate {
  const minSamples = input.minSamples ?? waitEstimatePolicy.minSamples;
  if (input.freeSlots >= input.position) return { kind: 'soon' };
  if (input.totalSlots <= 0) return { kind: 'unknown', reason: 'no_counsellor_on_duty' };
  const samples = input.recentHandlingMs.filter((ms) => Number.isFinite(ms) && ms > 0).sort((a, b) => a - b);
  if (samples.length < minSamples) return { kind: 'unknown', reason: 'not_enough_recent_chats' };

  // Places that must free up before it is her turn (free places serve those ahead first).
  const k = input.position - Math.max(0, input.freeSlots);
  const lowMs = timeUntilPlace(k, input.totalSlots, quantile(samples, 0.25));
  const highMs = timeUntilPlace(k, input.totalSlots, quantile(samples, 0.75));

  const minMinutes = Math.floor(lowMs / MINUTE_MS / STEP_MINUTES) * STEP_MINUTES;
  const maxMinutes = Math.max(minMinutes + STEP_MINUTES, Math.ceil(highMs / MINUTE_MS / STEP_MINUTES) * STEP_MINUTES);
  if (maxMinutes > OPEN_ENDED_AFTER_MINUTES) {
    return { kind: 'range', minMinutes: Math.min(minMinutes, OPEN_ENDED_AFTER_MINUTES), maxMinutes: null };
  }
  return { kind: 'range', minMinutes, maxMinutes };
}
