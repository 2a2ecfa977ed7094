// Slows down password guessing per account and per address. Both are kept only as a
// keyed hash in memory, under a key that changes every day, and never reach disk or logs.
import type { Clock } from '../clock.js';
import { DailyAddressHasher } from '../abuse/dailyAddressHasher.js';

interface Counter {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export class LoginThrottle {
  private readonly counters = new Map<string, Counter>();
  private readonly hasher: DailyAddressHasher;

  constructor(
    private readonly clock: Clock,
    private readonly policy = { freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  ) {
    this.hasher = new DailyAddressHasher(clock, () => this.counters.clear());
  }

  allow(username: string, ip: string): boolean {
    const now = this.clock.now();
    return this.keys(username, ip).every((k) => (this.counters.get(k)?.blockedUntil ?? 0) <= now);
  }

  fail(username: string, ip: string): void {
    const now = this.clock.now();
    for (const k of this.keys(username, ip)) {
      const c = this.counters.get(k) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
      c.failures += 1;
      c.lastFailure = now;
      if (c.failures >= this.policy.freeAttempts) {
        const delay = this.policy.baseDelayMs * 2 ** (c.failures - this.policy.freeAttempts);
        c.blockedUntil = now + Math.min(delay, this.policy.maxDelayMs);
      }
      this.counters.set(k, c);
    }
    if (this.counters.size > 50_000) this.prune(now);
  }

  succeed(username: string, ip: string): void {
    this.counters.delete(this.keys(username, ip)[0]!);
  }

  private keys(username: string, ip: string): [string, string] {
    return [`u:${this.hasher.hash(username)}`, `a:${this.hasher.hash(ip)}`];
  }

  private prune(now: number): void {
    for (const [k, c] of this.counters) if (c.blockedUntil <= now && now - c.lastFailure > 3_600_000) this.counters.delete(k);
  }
}
