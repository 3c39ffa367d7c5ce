import { careReportToSignal } from '../domain/care-report.ts';
import { debtSignalToSignal } from '../domain/debt-signal.ts';
import { type HouseholdEntry, householdFindings } from '../domain/household-history.ts';
import { householdKey } from '../domain/household-key.ts';
import { retentionOf } from '../domain/retention.ts';
import type { Signal } from '../domain/signal.ts';
import type { WorkingDayCalendar } from '../domain/working-days.ts';
import type { CareReportMessage, DebtSignalsMessage, SignalMessage } from '../messages.ts';
import {
  ConcurrentUpdateError,
  type EscalationPublisher,
  type HouseholdStore,
  isNotRouted,
  type ReceiptStore,
  type SignalRepository,
  type StoredSignal,
} from './ports.ts';

export interface RoutingDependencies {
  readonly signals: SignalRepository;
  /** For Veilig Thuis forwards, escalated at once (C2, D4); the sweep would find them too. */
  readonly escalations: EscalationPublisher;
  readonly receipts: ReceiptStore;
  readonly households: HouseholdStore;
  readonly calendar: WorkingDayCalendar;
  /** Secret of the household key (M1). */
  readonly secret: string;
}

export type RoutingOutcome =
  | { readonly signalId: string; readonly result: 'routed'; readonly teamId: string; readonly rule: string }
  | { readonly signalId: string; readonly result: 'not-routed'; readonly outcome: string }
  | { readonly signalId: string; readonly result: 'updated' | 'already-routed' };

/** What the household index keeps of a signal (M1: no personal data). */
function entryOf(stored: StoredSignal): HouseholdEntry {
  return {
    signalId: stored.signalId,
    receivedAt: stored.receivedAt,
    source: stored.source,
    status: stored.status,
    teamId: isNotRouted(stored) ? undefined : stored.teamId,
    amount: stored.amount,
    outcome: stored.outcome,
    expiresAt: retentionOf(stored)?.expiresAt.toISOString(),
  };
}

const withMeervoudig = (signal: Signal): Signal =>
  signal.flags.includes('meervoudig')
    ? signal
    : { ...signal, flags: [...signal.flags, 'meervoudig'], version: signal.version + 1 };

/** M2 both ways: earlier open signals of the same month get `meervoudig` too (rare; one at a time). */
async function flagEarlierSignals(signalIds: Iterable<string>, signals: SignalRepository): Promise<void> {
  for (const signalId of signalIds) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await signals.get(signalId);
      if (current?.status !== 'open' || current.flags.includes('meervoudig')) break;
      try {
        await signals.update(withMeervoudig(current), current.version);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrentUpdateError)) throw error;
      }
    }
  }
}

/**
 * One care report (C2, R1–R6, D2, M2/M3). Idempotent: the signal is created with a conditional
 * put, and recording a not-routed outcome on the receipt twice changes nothing.
 */
async function routeCareReport(
  message: CareReportMessage,
  deps: RoutingDependencies,
): Promise<RoutingOutcome> {
  const { signalId, source, report } = message;
  const key = householdKey(report.address, deps.secret);
  const entries = (await deps.households.get([key])).get(key) ?? [];
  const household = householdFindings(entries, { signalId, receivedAt: message.receivedAt, source });
  const result = careReportToSignal(report, {
    signalId,
    source,
    receivedAt: new Date(message.receivedAt),
    calendar: deps.calendar,
    household,
    householdKey: key,
  });
  if (!result.routed) {
    await deps.receipts.recordOutcome(source, report.reportId, result.outcome);
    return { signalId, result: 'not-routed', outcome: result.outcome };
  }
  const created = await deps.signals.create(result.signal);
  if (result.signal.status === 'forwarded') {
    await deps.escalations.publish({ type: 'escalation', signalId, level: 3 });
  }
  // Also on a redelivery: the earlier try may have failed between the signal and its household entry.
  await deps.households.record(new Map([[key, [entryOf(result.signal)]]]));
  if (household.meervoudig && result.signal.status === 'open') {
    await flagEarlierSignals(household.sameMonthOpenSignalIds, deps.signals);
  }
  return created
    ? { signalId, result: 'routed', teamId: result.signal.teamId, rule: result.signal.routing.rule }
    : { signalId, result: 'already-routed' };
}

/** I5 `geactualiseerd`: a re-sent item with a higher amount updates the open signal. */
async function updateAmount(
  stored: Signal,
  amount: number,
  at: string,
  signals: SignalRepository,
): Promise<boolean> {
  if (stored.status !== 'open' || (stored.amount ?? 0) >= amount) return false;
  const history = [...(stored.amountHistory ?? []), { at, amount }];
  await signals.update(
    { ...stored, amount, amountHistory: history, version: stored.version + 1 },
    stored.version,
  );
  return true;
}

/**
 * Two messages carrying the same dedupe key (a list re-sent with a higher amount before the first
 * was routed) may create the same signal at once, and the last batch write wins. Reading back what
 * was written lets the higher amount win when the later writer wrote the lower one (I5). A not-routed
 * record never replaces a routed signal (the repository writes those conditionally).
 */
async function keepHighestAmounts(
  written: ReadonlyMap<string, StoredSignal>,
  at: string,
  signals: SignalRepository,
) {
  const routed = [...written.values()].filter((record) => !isNotRouted(record));
  if (routed.length === 0) return;
  const stored = await signals.getMany(routed.map((record) => record.signalId));
  for (const record of routed) {
    const current = stored.get(record.signalId);
    if (current && !isNotRouted(current) && (current.amount ?? 0) < (record.amount ?? 0)) {
      await updateAmount(current, record.amount as number, at, signals);
    }
  }
}

/**
 * A pack of rent-arrears rows or energy-debt elements, in batches: one read of all signals and
 * households, decisions in order (so signals of one household see each other, M2/M3), one batched
 * write. Idempotent under redelivery: signals that exist are skipped, not written again.
 */
async function routeDebtSignals(
  message: DebtSignalsMessage,
  deps: RoutingDependencies,
): Promise<RoutingOutcome[]> {
  const { source, receivedAt } = message;
  const [existing, households] = await Promise.all([
    deps.signals.getMany(message.items.map((item) => item.signalId)),
    deps.households.get(message.items.map((item) => item.householdKey)),
  ]);
  const asRead = new Map(households);
  const pending = new Map<string, StoredSignal>();
  const changes = new Map<string, HouseholdEntry[]>();
  const earlier = new Set<string>();
  const outcomes: RoutingOutcome[] = [];

  const remember = (key: string, entry: HouseholdEntry) => {
    households.set(key, [
      ...(households.get(key) ?? []).filter((other) => other.signalId !== entry.signalId),
      entry,
    ]);
    changes.set(key, [...(changes.get(key) ?? []), entry]);
  };

  for (const { signalId, householdKey: key, input } of message.items) {
    const stored = existing.get(signalId);
    // A redelivery may follow a try that stored the signal but not its household entry.
    if (stored && !households.get(key)?.some((entry) => entry.signalId === signalId))
      remember(key, entryOf(stored));
    if (stored && !isNotRouted(stored)) {
      const updated = await updateAmount(stored, input.amount, receivedAt, deps.signals);
      outcomes.push({ signalId, result: updated ? 'updated' : 'already-routed' });
      continue;
    }
    // A not-routed record is decided again only for a higher amount (it may now pass the threshold).
    if (stored && input.amount <= (stored.amount ?? 0)) {
      outcomes.push({ signalId, result: 'already-routed' });
      continue;
    }
    const entries = households.get(key) ?? [];
    const findings = householdFindings(entries, { signalId, receivedAt, source, amount: input.amount });
    const result = debtSignalToSignal(input, {
      signalId,
      source,
      receivedAt: new Date(receivedAt),
      householdKey: key,
      household: findings,
      calendar: deps.calendar,
    });
    const record: StoredSignal = result.routed
      ? result.signal
      : {
          signalId,
          source,
          kind: input.kind,
          receivedAt,
          status: 'not-routed',
          outcome: result.outcome,
          amount: input.amount,
          householdKey: key,
        };
    pending.set(signalId, record);
    remember(key, entryOf(record));
    if (result.routed && findings.meervoudig) {
      for (const id of findings.sameMonthOpenSignalIds) {
        const inThisPack = pending.get(id);
        if (inThisPack && !isNotRouted(inThisPack))
          pending.set(id, { ...withMeervoudig(inThisPack), version: 1 });
        else earlier.add(id);
      }
    }
    outcomes.push(
      result.routed
        ? { signalId, result: 'routed', teamId: result.signal.teamId, rule: result.signal.routing.rule }
        : { signalId, result: 'not-routed', outcome: result.outcome },
    );
  }

  await deps.signals.putNew([...pending.values()]);
  await keepHighestAmounts(pending, receivedAt, deps.signals);
  await deps.households.record(changes, asRead);
  await flagEarlierSignals(earlier, deps.signals);
  return outcomes;
}

/** Routes one queued message: a care report, or a pack of debt signals. */
export async function routeSignalMessage(
  message: SignalMessage,
  deps: RoutingDependencies,
): Promise<RoutingOutcome[]> {
  return message.type === 'care-report'
    ? [await routeCareReport(message, deps)]
    : routeDebtSignals(message, deps);
}
