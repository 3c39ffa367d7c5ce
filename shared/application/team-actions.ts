import type { Signal } from '../domain/signal.ts';
import { householdEntryOf } from '../domain/team-actions.ts';
import type { HouseholdStore } from './ports.ts';
import { type Caller, changeSignal, type SignalDeps } from './team-signals.ts';

/**
 * A team action that also changes what the household index knows (M3: which team holds the open
 * case; C3: a closed case and its outcome; P1: until when the entry is kept).
 */
export async function changeSignalAndHousehold(
  caller: Caller,
  signalId: string,
  deps: SignalDeps & { readonly households: HouseholdStore },
  change: (current: Signal) => Signal,
): Promise<Signal> {
  const signal = await changeSignal(caller, signalId, deps, change);
  if (signal.householdKey) {
    await deps.households.record(new Map([[signal.householdKey, [householdEntryOf(signal)]]]));
  }
  return signal;
}
