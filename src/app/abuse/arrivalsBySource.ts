// One source (a hashed address) may not fill the queue: it may hold only a few waiting chats at
// a time, and a burst of arrivals from it is shown to supervisors as one grouped alert. Sources
// are daily keyed hashes in memory only (see DailyAddressHasher); with several nodes each node
// counts the arrivals it saw.
import crypto from 'node:crypto';
import type { Clock } from '../clock.js';
import { DailyAddressHasher } from './dailyAddressHasher.js';
import type { ArrivalBurstAlert } from '../../protocol/staffProtocol.js';

export interface ArrivalLimits {
  /** Open waiting chats one source may have at once. */
  waitingPerSource: number;
  /** This many arrivals from one source within the window make an alert. */
  burstThreshold: number;
  burstWindowMs: number;
}

export const defaultArrivalLimits: ArrivalLimits = { waitingPerSource: 3, burstThreshold: 4, burstWindowMs: 10 * 60_000 };

interface Burst {
  alertId: string | undefined;
  arrivals: number[];
  refused: number;
  conversationIds: string[];
}

export interface Reservation {
  /** This source's chats waiting now (before this one). */
  readonly waitingBefore: number;
  confirm(conversationId: string): void;
  release(): void;
}

export class ArrivalsBySource {
  private readonly hasher: DailyAddressHasher;
  /** Waiting chats per source, plus reservations for starts still in progress. */
  private readonly waiting = new Map<string, Set<string>>();
  private readonly reserved = new Map<string, number>();
  private readonly bursts = new Map<string, Burst>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ArrivalLimits,
    /** Asks the database which of these are still waiting, so chats ended on another node are not counted. */
    private readonly stillQueued: (ids: readonly string[]) => Promise<Set<string>>,
  ) {
    this.hasher = new DailyAddressHasher(clock, () => {
      this.waiting.clear();
      this.reserved.clear();
      this.bursts.clear();
    });
  }

  sourceOf(address: string): string {
    return this.hasher.hash(`arrival:${address}`);
  }

  /**
   * A place for one more waiting chat from this source, or undefined when it has its share.
   * Synchronous between the count and the reservation, so forty sockets at once get no more
   * than the limit.
   */
  async reserve(source: string): Promise<Reservation | undefined> {
    if (this.count(source) >= this.limits.waitingPerSource) {
      // Perhaps some have been answered or ended meanwhile (on this node or another).
      const ids = [...(this.waiting.get(source) ?? [])];
      const still = await this.stillQueued(ids);
      for (const id of ids) if (!still.has(id)) this.waiting.get(source)?.delete(id);
      if (this.count(source) >= this.limits.waitingPerSource) return undefined;
    }
    const waitingBefore = this.count(source);
    this.reserved.set(source, (this.reserved.get(source) ?? 0) + 1);
    let done = false;
    const unreserve = () => {
      if (done) return;
      done = true;
      const n = (this.reserved.get(source) ?? 1) - 1;
      if (n <= 0) this.reserved.delete(source);
      else this.reserved.set(source, n);
    };
    return {
      waitingBefore,
      confirm: (conversationId) => {
        unreserve();
        const set = this.waiting.get(source) ?? new Set<string>();
        set.add(conversationId);
        this.waiting.set(source, set);
      },
      release: unreserve,
    };
  }

  /** A chat left the queue (taken by a counsellor, or ended). */
  left(conversationId: string): void {
    for (const [source, set] of this.waiting) {
      if (set.delete(conversationId) && set.size === 0) this.waiting.delete(source);
    }
  }

  /**
   * Counts an attempt to start a chat (admitted with its id, or refused) and returns the grouped
   * alert for this source once its arrivals reach the threshold within the window.
   */
  arrival(source: string, conversationId: string | null): ArrivalBurstAlert | undefined {
    const now = this.clock.now();
    const burst = this.bursts.get(source) ?? { alertId: undefined, arrivals: [], refused: 0, conversationIds: [] };
    burst.arrivals = burst.arrivals.filter((t) => now - t <= this.limits.burstWindowMs);
    if (burst.arrivals.length === 0) Object.assign(burst, { alertId: undefined, refused: 0, conversationIds: [] });
    burst.arrivals.push(now);
    if (conversationId) burst.conversationIds.push(conversationId);
    else burst.refused += 1;
    this.bursts.set(source, burst);
    if (burst.arrivals.length < this.limits.burstThreshold) return undefined;
    burst.alertId ??= crypto.randomUUID();
    return this.alertOf(burst);
  }

  /** Alerts of bursts still within their window, newest first. */
  alerts(): ArrivalBurstAlert[] {
    const now = this.clock.now();
    const out: ArrivalBurstAlert[] = [];
    for (const [source, burst] of this.bursts) {
      if (burst.arrivals.every((t) => now - t > this.limits.burstWindowMs)) {
        this.bursts.delete(source);
        continue;
      }
      if (burst.alertId) out.push(this.alertOf(burst));
    }
    return out.sort((a, b) => b.lastAt - a.lastAt);
  }

  private alertOf(burst: Burst): ArrivalBurstAlert {
    return {
      alertId: burst.alertId!,
      arrivals: burst.arrivals.length,
      refused: burst.refused,
      firstAt: burst.arrivals[0]!,
      lastAt: burst.arrivals.at(-1)!,
      conversationIds: [...burst.conversationIds],
    };
  }

  private count(source: string): number {
    return (this.waiting.get(source)?.size ?? 0) + (this.reserved.get(source) ?? 0);
  }
}
