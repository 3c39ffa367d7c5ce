import type { Principal } from '../auth/principal.ts';
import type { Signal } from '../domain/signal.ts';
import { householdEntryOf } from '../domain/team-actions.ts';
import type { HouseholdStore, SignalRepository } from './ports.ts';
import { changeSignal } from './team-signals.ts';

/**
 * A team action that also changes what the household index knows (M3: which team holds the open
 * case; C3: a closed case and its outcome).
 */
export async function changeSignalAndHousehold(
  principal: Principal,
  signalId: string,
  deps: { readonly signals: SignalRepository; readonly households: HouseholdStore },
  change: (current: Signal) => Signal,
): Promise<Signal> {
  const signal = await changeSignal(principal, signalId, deps.signals, change);
  if (signal.householdKey) {
    await deps.households.record(new Map([[signal.householdKey, [householdEntryOf(signal)]]]));
  }
  return signal;
}
