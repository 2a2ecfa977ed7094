import type { Clock } from '../../app/clock.js';

/** A clock the test moves by hand (`clock.t += …`), for expiry and time-window rules. */
export class TestClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}
