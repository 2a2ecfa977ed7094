// When a counsellor blocks a visitor who has no return code, her chat tab is all Baken knows of
// her, and a new chat in a fresh tab would walk straight back in. So for a short cooling-off
// time the address she was connected from is refused too — known only by its daily keyed hash,
// in memory, never stored. Kept short because a school or a public wifi shares one address.
import type { Clock } from '../../app/clock.js';
import { DailyAddressHasher } from '../../app/abuse/dailyAddressHasher.js';

export const addressBlockMaxMs = 2 * 3_600_000;
const maxEntries = 100_000;

export class AddressBlockList {
  private readonly until = new Map<string, number>();
  private readonly hasher: DailyAddressHasher;

  constructor(private readonly clock: Clock) {
    this.hasher = new DailyAddressHasher(clock, () => this.until.clear());
  }

  /** Refuses this address until `until`, but never longer than the cooling-off time. */
  block(address: string, until: number): void {
    const id = this.hasher.hash(address);
    if (this.until.size >= maxEntries) this.until.delete(this.until.keys().next().value!);
    this.until.set(id, Math.min(until, this.clock.now() + addressBlockMaxMs));
  }

  isBlocked(address: string): boolean {
    const id = this.hasher.hash(address);
    const until = this.until.get(id);
    if (until === undefined) return false;
    if (until > this.clock.now()) return true;
    this.until.delete(id);
    return false;
  }
}
