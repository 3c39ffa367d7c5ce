import { type Clock, systemClock } from '../domain/clock.ts';

let active: Clock = systemClock;

/**
 * The clock every handler reads. On AWS it is the system clock. The local runtime runs the handlers
 * in its own process and swaps in its test clock (API.md `/_local/clock`), so a demo can jump ahead.
 */
export const runtimeClock: Clock = { now: () => active.now() };

/** Local runtime and tests only. */
export function useClock(clock: Clock): void {
  active = clock;
}
