/** Where the domain gets "now" from. Lambda uses the system clock; `npm start` swaps in a test clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at the given instant (tests). */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at) };
}

/**
 * Real time in milliseconds, for what is about machines rather than the business day: time
 * budgets, leases and retries. Never the test clock: a frozen demo clock must not stop them.
 */
export interface Timer {
  now(): number;
}

export const systemTimer: Timer = { now: () => Date.now() };
