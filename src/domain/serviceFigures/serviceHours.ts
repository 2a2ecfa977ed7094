// Closed and busy hours beside the service figures: when the opening hours had the chat closed,
// and the clock hours in which the waiting queue reached its cap (new visitors were refused,
// except one in danger). Pure. Both are derived, not recorded, so they come with their basis:
// the opening hours and queue cap as set now, and the queue as rebuilt from arrival, answer and
// end times (a chat sent back to the queue by a transfer is not seen waiting again).
import { openingsBetween, type OpeningSchedule } from '../schedule/openingHours.js';
import { periodKey, type Granularity } from './serviceFigures.js';

const HOUR = 3_600_000;

export interface QueuedChat {
  readonly createdAt: number;
  readonly acceptedAt: number | null;
  readonly endedAt: number | null;
}

export interface ServiceHours {
  /** hours: closed periods follow the opening hours; manual: a supervisor opens and closes by hand, so none are derived. */
  readonly closedBasis: 'hours' | 'manual';
  readonly queueCap: number | null;
  /** Closed stretches inside the range (at most `maxListed`; `closedTruncated` when there were more). */
  readonly closed: readonly { readonly from: number; readonly to: number }[];
  readonly closedTruncated: boolean;
  /** Starts of the clock hours in which as many visitors waited at once as the cap allows. */
  readonly fullQueueHours: readonly number[];
  readonly perPeriod: readonly { readonly period: string; readonly closedHours: number; readonly fullQueueHours: number }[];
}

export interface ServiceHoursInput {
  readonly from: number;
  readonly to: number;
  /** Up to when the queue is known (now, if the range runs into the future). */
  readonly until: number;
  readonly granularity: Granularity;
  readonly availability: 'auto' | 'open' | 'closed';
  readonly schedule: OpeningSchedule;
  readonly queueCap: number | undefined;
  readonly chats: readonly QueuedChat[];
  readonly maxListed?: number;
}

/** Instants of the clock hours in which the number waiting at once reached `cap`. */
export function hoursWithFullQueue(chats: readonly QueuedChat[], cap: number, until: number): number[] {
  const steps: [number, number][] = [];
  for (const c of chats) {
    const left = Math.min(until, c.acceptedAt ?? c.endedAt ?? until);
    if (left <= c.createdAt) continue;
    steps.push([c.createdAt, 1], [left, -1]);
  }
  // Leaving before arriving at the same instant: a place freed and taken is not a full queue.
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const hours = new Set<number>();
  let waiting = 0;
  for (const [at, delta] of steps) {
    waiting += delta;
    if (delta > 0 && waiting >= cap) hours.add(Math.floor(at / HOUR) * HOUR);
  }
  return [...hours].sort((a, b) => a - b);
}

function addByPeriod(into: Map<string, number>, from: number, to: number, granularity: Granularity): void {
  // Dutch offsets are whole hours, so UTC hour steps never straddle a local period boundary.
  for (let t = Math.floor(from / HOUR) * HOUR; t < to; t += HOUR) {
    const part = Math.min(to, t + HOUR) - Math.max(from, t);
    const key = periodKey(Math.max(from, t), granularity);
    into.set(key, (into.get(key) ?? 0) + part);
  }
}

export function serviceHours(input: ServiceHoursInput): ServiceHours {
  const maxListed = input.maxListed ?? 500;
  const closed: { from: number; to: number }[] = [];
  if (input.availability === 'auto') {
    let cursor = input.from;
    for (const o of openingsBetween(input.schedule, input.from, input.to)) {
      if (o.opensAt > cursor) closed.push({ from: cursor, to: o.opensAt });
      cursor = o.closesAt;
    }
    if (cursor < input.to) closed.push({ from: cursor, to: input.to });
  }
  const closedMs = new Map<string, number>();
  for (const c of closed) addByPeriod(closedMs, c.from, c.to, input.granularity);
  const full = input.queueCap === undefined ? [] : hoursWithFullQueue(input.chats, input.queueCap, input.until).filter((h) => h >= input.from && h < input.to);
  const fullCount = new Map<string, number>();
  for (const h of full) fullCount.set(periodKey(h, input.granularity), (fullCount.get(periodKey(h, input.granularity)) ?? 0) + 1);
  const periods = [...new Set([...closedMs.keys(), ...fullCount.keys()])].sort();
  return {
    closedBasis: input.availability === 'auto' ? 'hours' : 'manual',
    queueCap: input.queueCap ?? null,
    closed: closed.slice(0, maxListed),
    closedTruncated: closed.length > maxListed,
    fullQueueHours: full,
    perPeriod: periods.map((period) => ({ period, closedHours: Math.round(((closedMs.get(period) ?? 0) / HOUR) * 10) / 10, fullQueueHours: fullCount.get(period) ?? 0 })),
  };
}
