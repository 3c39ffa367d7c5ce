import type { OperationDefinition } from '../api/operations.ts';
import { assertAllowed } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/domain-error.ts';
import type { Signal } from '../domain/signal.ts';
import { type AuditTrail, ConcurrentUpdateError, type SignalRepository } from './ports.ts';

/** Who asks, and through which operation: what the access policy and the audit trail need. */
export interface Caller {
  readonly principal: Principal;
  readonly operation: OperationDefinition;
}

/** What reading or changing a signal needs. */
export interface SignalDeps {
  readonly signals: SignalRepository;
  readonly audit: AuditTrail;
  readonly clock: Clock;
}

/** DESIGN P3: one entry per signal the caller saw or changed; the action is the operationId. */
export function auditEntries(caller: Caller, signalIds: readonly string[], at: Date) {
  const { id, role, scope } = caller.principal;
  return signalIds.map((signalId) => ({
    signalId,
    at: at.toISOString(),
    action: caller.operation.operationId,
    principal: { id, role, scope },
  }));
}

/**
 * Loads a signal for a caller: 404 when it does not exist (or has expired, P1), 403 when the access
 * policy says its team is not the caller's to see or work on (DESIGN P4).
 */
export async function findSignalFor(
  caller: Caller,
  signalId: string,
  signals: SignalRepository,
): Promise<Signal> {
  const signal = await signals.get(signalId);
  if (!signal) throw new DomainError('not-found', 'signal-not-found', 'Dit signaal bestaat niet (meer).');
  assertAllowed(
    caller.principal,
    caller.operation,
    { teamId: signal.teamId },
    {
      forbidden: 'Dit signaal hoort bij een ander team.',
    },
  );
  return signal;
}

/**
 * A signal with its personal data, for someone allowed to see it. The read is in the audit trail
 * before the data leaves (P3): if the entry cannot be written, nothing is shown.
 */
export async function readSignal(caller: Caller, signalId: string, deps: SignalDeps): Promise<Signal> {
  const signal = await findSignalFor(caller, signalId, deps.signals);
  await deps.audit.record(auditEntries(caller, [signal.signalId], deps.clock.now()));
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

/**
 * A team action on a signal of the caller's own team (DESIGN P4), written to the audit trail once
 * it is stored (P3). Should that write fail, the request fails although the change stands; the
 * SDK's retries make that rare, and the signal's own history still shows the change.
 */
export async function changeSignal(
  caller: Caller,
  signalId: string,
  deps: SignalDeps,
  change: (current: Signal) => Signal,
): Promise<Signal> {
  const signal = await updateSignal(
    () => findSignalFor(caller, signalId, deps.signals),
    deps.signals,
    change,
  );
  await deps.audit.record(auditEntries(caller, [signal.signalId], deps.clock.now()));
  return signal;
}
