// Slows down password and code guessing without handing an attacker a way to lock someone out.
//
// - Per account *and* address: a few free failures, then that pair waits (growing, capped).
//   Someone failing on her account from elsewhere does not block her own address.
// - Per address, across accounts: a larger allowance, then the address waits (one machine
//   trying many accounts).
// - Per account, from anywhere: no block at all, but once many failures pile up each attempt
//   from an address that has not signed in to it recently waits a little longer (slowly, to a
//   cap), right and wrong passwords alike, so a distributed attack is slowed and the answer's
//   timing says nothing.
//
// Accounts and addresses are kept only as keyed hashes in memory under a key that changes every
// day; nothing reaches disk or logs.
import type { Clock } from '../../app/clock.js';
import { DailyAddressHasher } from '../../app/abuse/dailyAddressHasher.js';

interface Counter {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export interface LoginThrottlePolicy {
  pairFreeAttempts: number;
  addressFreeAttempts: number;
  baseBlockMs: number;
  maxBlockMs: number;
  /** Failures on one account (from anywhere) before its attempts start to be slowed. */
  accountFreeAttempts: number;
  accountDelayStepMs: number;
  accountMaxDelayMs: number;
  /** Counters forget failures older than this. */
  windowMs: number;
}

export const defaultLoginThrottlePolicy: LoginThrottlePolicy = {
  pairFreeAttempts: 5,
  addressFreeAttempts: 30,
  baseBlockMs: 30_000,
  maxBlockMs: 15 * 60_000,
  accountFreeAttempts: 10,
  accountDelayStepMs: 250,
  accountMaxDelayMs: 5_000,
  windowMs: 3_600_000,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class LoginThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();
  /** Account+address pairs that signed in today: the account's slowing does not apply to them. */
  private readonly knownGood = new Set<string>();
  private readonly hasher: DailyAddressHasher;

  constructor(
    private readonly clock: Clock,
    private readonly policy: LoginThrottlePolicy = defaultLoginThrottlePolicy,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {
    this.hasher = new DailyAddressHasher(clock, () => {
      this.pairs.clear();
      this.addresses.clear();
      this.accounts.clear();
      this.knownGood.clear();
    });
  }

  /**
   * Whether an attempt for this account from this address may be checked now. Waits first while
   * the account is under pressure from elsewhere.
   */
  async allow(username: string, address: string): Promise<boolean> {
    const keys = this.keys(username, address);
    const now = this.clock.now();
    if (blocked(this.pairs.get(keys.pair), now) || blocked(this.addresses.get(keys.address), now)) return false;
    const delay = this.accountDelayMs(keys, now);
    if (delay > 0) await this.wait(delay);
    return true;
  }

  /** How long an attempt now would wait for the account's sake (for tests and reviewers). */
  accountDelayFor(username: string, address: string): number {
    return this.accountDelayMs(this.keys(username, address), this.clock.now());
  }

  fail(username: string, address: string): void {
    const now = this.clock.now();
    const keys = this.keys(username, address);
    this.count(this.pairs, keys.pair, now, this.policy.pairFreeAttempts);
    this.count(this.addresses, keys.address, now, this.policy.addressFreeAttempts);
    this.count(this.accounts, keys.account, now, Number.POSITIVE_INFINITY);
    if (this.pairs.size + this.addresses.size + this.accounts.size > 150_000) this.prune(now);
  }

  succeed(username: string, address: string): void {
    const keys = this.keys(username, address);
    this.pairs.delete(keys.pair);
    this.knownGood.add(keys.pair);
  }

  private accountDelayMs(keys: { pair: string; account: string }, now: number): number {
    if (this.knownGood.has(keys.pair)) return 0;
    const account = this.accounts.get(keys.account);
    if (!account || now - account.lastFailure > this.policy.windowMs) return 0;
    const over = account.failures - this.policy.accountFreeAttempts;
    return over <= 0 ? 0 : Math.min(over * this.policy.accountDelayStepMs, this.policy.accountMaxDelayMs);
  }

  private count(map: Map<string, Counter>, key: string, now: number, free: number): void {
    const existing = map.get(key);
    const c = existing && now - existing.lastFailure <= this.policy.windowMs ? existing : { failures: 0, blockedUntil: 0, lastFailure: now };
    c.failures += 1;
    c.lastFailure = now;
    if (c.failures >= free) {
      const delay = this.policy.baseBlockMs * 2 ** (c.failures - free);
      c.blockedUntil = now + Math.min(delay, this.policy.maxBlockMs);
    }
    map.set(key, c);
  }

  private keys(username: string, address: string) {
    const account = this.hasher.hash(`u:${username.toLowerCase()}`);
    return { account, address: this.hasher.hash(`a:${address}`), pair: this.hasher.hash(`p:${username.toLowerCase()}\u0000${address}`) };
  }

  private prune(now: number): void {
    for (const map of [this.pairs, this.addresses, this.accounts]) {
      for (const [k, c] of map) if (c.blockedUntil <= now && now - c.lastFailure > this.policy.windowMs) map.delete(k);
    }
  }
}

function blocked(counter: Counter | undefined, now: number): boolean {
  return (counter?.blockedUntil ?? 0) > now;
}
