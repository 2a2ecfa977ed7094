// Limits costly anonymous requests (checking a return code, deleting a history) per address,
// known here only by its daily keyed hash.
import type { Clock } from '../../app/clock.js';
import { RateLimiter } from '../realtime/rateLimiter.js';
import { DailyAddressHasher } from '../../app/abuse/dailyAddressHasher.js';

export interface AddressRatePolicy {
  /** Attempts allowed in a burst. */
  burst: number;
  /** Attempts regained per hour after the burst is used. */
  perHour: number;
}

/** Generous for a person typing her code, useless for guessing one (codes have ~10^9 values). */
export const returnCodePolicy: AddressRatePolicy = { burst: 10, perHour: 20 };

/** A few letters in a row (she may rewrite hers), not a flood of them into the mailbox. */
export const letterPolicy: AddressRatePolicy = { burst: 3, perHour: 4 };

const maxTrackedAddresses = 100_000;

export class AddressRateLimiter {
  private readonly buckets = new Map<string, RateLimiter>();
  private readonly hasher: DailyAddressHasher;

  constructor(
    private readonly clock: Clock,
    private readonly policy: AddressRatePolicy = returnCodePolicy,
  ) {
    this.hasher = new DailyAddressHasher(clock, () => this.buckets.clear());
  }

  /** Whether this address may make one more attempt now (and counts it). */
  take(address: string): boolean {
    const id = this.hasher.hash(address);
    let bucket = this.buckets.get(id);
    if (!bucket) {
      // A flood from very many addresses must not grow memory without bound; the oldest go first.
      if (this.buckets.size >= maxTrackedAddresses) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = new RateLimiter(this.policy.burst, this.policy.perHour / 3600, () => this.clock.now());
      this.buckets.set(id, bucket);
    }
    return bucket.take();
  }
}
