/** Time is injected so timers, sessions and retention can be tested with a controllable clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
