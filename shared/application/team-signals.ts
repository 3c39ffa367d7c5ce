import { canViewTeam, canWorkOnTeam } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../domain/domain-error.ts';
import type { Signal } from '../domain/signal.ts';
import { ConcurrentUpdateError, type SignalRepository } from './ports.ts';

/**
 * Loads a signal for a principal: 404 when it does not exist, 403 when it belongs to a team the
 * principal may not view (`view`) or work on (`work`) — DESIGN P4.
 */
export async function findSignalFor(
  principal: Principal,
  signalId: string,
  access: 'view' | 'work',
  signals: SignalRepository,
): Promise<Signal> {
  const signal = await signals.get(signalId);
  if (!signal) throw new DomainError('not-found', 'signal-not-found', 'Dit signaal bestaat niet (meer).');
  const allowed =
    access === 'view' ? canViewTeam(principal, signal.teamId) : canWorkOnTeam(principal, signal.teamId);
  if (!allowed) throw new DomainError('forbidden', 'forbidden', 'Dit signaal hoort bij een ander team.');
  return signal;
}

const MAX_ATTEMPTS = 3;

/**
 * Read-modify-write of one signal with optimistic locking: a concurrent change makes us re-read and
 * re-apply, so two workers recording contact at once both get their attempt stored. `change` may
 * return the signal unchanged (same object) to write nothing.
 */
export async function updateSignal(
  load: () => Promise<Signal>,
  signals: SignalRepository,
  change: (current: Signal) => Signal,
): Promise<Signal> {
  for (let attempt = 1; ; attempt++) {
    const current = await load();
    const next = change(current);
    if (next === current) return current;
    try {
      await signals.update(next, current.version);
      return next;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      if (attempt === MAX_ATTEMPTS) {
        throw new DomainError(
          'conflict',
          'concurrent-update',
          'Het signaal werd tegelijk door iemand anders gewijzigd. Probeer het opnieuw.',
        );
      }
    }
  }
}

/** A team action on a signal of the principal's own team (DESIGN P4). */
export function changeSignal(
  principal: Principal,
  signalId: string,
  signals: SignalRepository,
  change: (current: Signal) => Signal,
): Promise<Signal> {
  return updateSignal(() => findSignalFor(principal, signalId, 'work', signals), signals, change);
}
