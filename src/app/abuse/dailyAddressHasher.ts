// Addresses are only ever held as a keyed hash in memory, under a key that changes every day:
// nothing derived from them can be turned back into an address or outlives the day.
import crypto from 'node:crypto';
import type { Clock } from '../clock.js';

export class DailyAddressHasher {
  private key = crypto.randomBytes(32);
  private keyDay = -1;

  constructor(
    private readonly clock: Clock,
    /** Called when the key changes: whatever was keyed by the old hashes must be dropped. */
    private readonly onNewDay: () => void,
  ) {}

  hash(address: string): string {
    const day = Math.floor(this.clock.now() / 86_400_000);
    if (day !== this.keyDay) {
      this.key = crypto.randomBytes(32);
      this.keyDay = day;
      this.onNewDay();
    }
    return crypto.createHmac('sha256', this.key).update(address).digest('base64url');
  }
}
