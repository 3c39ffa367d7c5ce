import { amsterdamDateOf } from '../domain/amsterdam-time.ts';
import { completeComposition } from '../domain/composition-completion.ts';
import { householdEntryOf } from '../domain/team-actions.ts';
import { type BrpDependencies, type BrpPurpose, consultBrp } from './brp-household.ts';
import { ConcurrentUpdateError, type HouseholdStore, type SignalRepository } from './ports.ts';

/** A signal whose composition the BRP did not give at routing (B3), waiting for the retry. */
export interface PendingComposition {
  readonly signalId: string;
  readonly purpose: BrpPurpose;
  /** When it was first scheduled. */
  readonly since: string;
  readonly attempts: number;
}

/** The retry's work list: small, so kept apart from the signals (no index over every signal). */
export interface PendingCompositions {
  /** Idempotent: scheduling a signal again keeps one entry. */
  schedule(items: readonly { signalId: string; purpose: BrpPurpose }[], at: string): Promise<void>;
  /** The oldest first, at most `limit`. */
  list(limit: number): Promise<PendingComposition[]>;
  /** One more attempt failed: counted, kept for the next run. */
  attempted(item: PendingComposition): Promise<void>;
  remove(signalId: string): Promise<void>;
}

export interface CompositionRetryDependencies {
  readonly pending: PendingCompositions;
  readonly signals: SignalRepository;
  readonly households: HouseholdStore;
  readonly brp: BrpDependencies;
}

/** Per run (every 15 minutes on AWS): enough for an outage's backlog within a few runs. */
export const RETRY_BATCH = 200;
/** A day of runs: past it the team keeps `samenstelling-onbekend` and checks by hand. */
export const MAX_ATTEMPTS = 96;
/** A scheduled signal that was never stored (its routing failed for good) is dropped after this. */
const NEVER_STORED_AFTER_MS = 24 * 60 * 60 * 1000;

export interface CompositionRetryResult {
  readonly completed: number;
  readonly rerouted: number;
  readonly stillPending: number;
  readonly dropped: number;
}

type Step = 'completed' | 'rerouted' | 'still-pending' | 'dropped' | 'waiting';

/**
 * B3's later retry: asks the BRP again for every signal routed without its composition, fills it
 * in once (completeComposition) and removes the signal from the list. Idempotent: a signal that no
 * longer carries `compositionPending` is only removed, so overlapping runs and a redelivered
 * schedule fill in nothing twice; a concurrent team action wins and the signal is tried next run.
 */
export async function retryPendingCompositions(
  deps: CompositionRetryDependencies,
): Promise<CompositionRetryResult> {
  const steps: Step[] = [];
  for (const item of await deps.pending.list(RETRY_BATCH)) steps.push(await retryOne(item, deps));
  const count = (step: Step) => steps.filter((each) => each === step).length;
  return {
    completed: count('completed') + count('rerouted'),
    rerouted: count('rerouted'),
    stillPending: count('still-pending'),
    dropped: count('dropped'),
  };
}

async function retryOne(item: PendingComposition, deps: CompositionRetryDependencies): Promise<Step> {
  const signal = await deps.signals.get(item.signalId);
  const now = deps.brp.now();
  if (!signal) {
    if (now.getTime() - Date.parse(item.since) < NEVER_STORED_AFTER_MS) return 'waiting';
    await deps.pending.remove(item.signalId);
    return 'dropped';
  }
  if (!signal.compositionPending || signal.status === 'closed') {
    await deps.pending.remove(item.signalId);
    return 'dropped';
  }
  const { findings } = await consultBrp(
    [
      {
        signalId: signal.signalId,
        purpose: item.purpose,
        on: amsterdamDateOf(new Date(signal.receivedAt)),
        address: signal.address,
      },
    ],
    deps.brp,
  );
  const answer = findings.get(signal.signalId);
  if (!answer || answer.compositionPending) {
    if (item.attempts + 1 >= MAX_ATTEMPTS) {
      await deps.pending.remove(item.signalId);
      return 'dropped';
    }
    await deps.pending.attempted(item);
    return 'still-pending';
  }
  const completed = completeComposition(signal, answer, now);
  try {
    await deps.signals.update(completed, signal.version);
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) return 'waiting';
    throw error;
  }
  if (completed.householdKey && completed.teamId !== signal.teamId)
    await deps.households.record(new Map([[completed.householdKey, [householdEntryOf(completed)]]]));
  await deps.pending.remove(item.signalId);
  return completed.teamId !== signal.teamId ? 'rerouted' : 'completed';
}
