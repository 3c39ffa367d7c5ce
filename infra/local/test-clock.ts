import { formatAmsterdam } from '../../shared/domain/amsterdam-time.ts';
import type { Clock } from '../../shared/domain/clock.ts';

export type ClockMode = 'system' | 'frozen' | 'running';

/**
 * The local test clock (API.md `/_local/clock`). `frozen` stands still at the set instant, which
 * keeps scripted demos and tests repeatable; `running` ticks on from it; `system` is real time.
 */
export class TestClock implements Clock {
  #frozenAt: number | undefined;
  #offsetMs = 0;

  now(): Date {
    return new Date(this.#frozenAt ?? Date.now() + this.#offsetMs);
  }

  get mode(): ClockMode {
    if (this.#frozenAt !== undefined) return 'frozen';
    return this.#offsetMs === 0 ? 'system' : 'running';
  }

  set(instant: Date, mode: 'frozen' | 'running' = 'frozen'): void {
    this.#frozenAt = mode === 'frozen' ? instant.getTime() : undefined;
    this.#offsetMs = mode === 'running' ? instant.getTime() - Date.now() : 0;
  }

  reset(): void {
    this.#frozenAt = undefined;
    this.#offsetMs = 0;
  }

  describe(): { now: string; mode: ClockMode } {
    return { now: formatAmsterdam(this.now()), mode: this.mode };
  }
}
