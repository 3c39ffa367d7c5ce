import { amsterdamDateOf } from '../domain/amsterdam-time.ts';
import { type CareReport, careReportToSignal, decideOnSafetyAndConsent } from '../domain/care-report.ts';
import { ddasClientOf } from '../domain/ddas-delivery.ts';
import { type DebtSignalInput, debtSignalToSignal, thresholdFor } from '../domain/debt-signal.ts';
import { type HouseholdEntry, householdFindings } from '../domain/household-history.ts';
import { householdKey } from '../domain/household-key.ts';
import { retentionOf } from '../domain/retention.ts';
import type { Signal } from '../domain/signal.ts';
import type { WorkingDayCalendar } from '../domain/working-days.ts';
import { errorCodeOf } from '../error-code.ts';
import type { CareReportMessage, DebtSignalsMessage, SignalMessage } from '../messages.ts';
import { type BrpDependencies, type BrpQuestion, consultBrp } from './brp-household.ts';
import type { PendingCompositions } from './composition-retry.ts';
import {
  ConcurrentUpdateError,
  careReportWorkId,
  type EscalationPublisher,
  type HouseholdStore,
  isNotRouted,
  type OutstandingIntake,
  type ReceiptStore,
  type SignalRepository,
  type StoredSignal,
  type UploadStore,
} from './ports.ts';

export interface RoutingDependencies {
  readonly signals: SignalRepository;
  /** For Veilig Thuis forwards, escalated at once (C2, D4); the sweep would find them too. */
  readonly escalations: EscalationPublisher;
  readonly receipts: ReceiptStore;
  readonly households: HouseholdStore;
  /** Marks an upload's pack routed once every item of it is stored (I1). */
  readonly uploads: Pick<UploadStore, 'markPackRouted'>;
  /** A routed care report is no longer outstanding (I1). */
  readonly outstanding: Pick<OutstandingIntake, 'close'>;
  readonly calendar: WorkingDayCalendar;
  /** Secret of the household key (M1). */
  readonly secret: string;
  /** Real time of a failure record. */
  readonly now?: () => Date;
  /**
   * B1–B3: the BRP, asked when a signal leaves the composition unknown (or, for debt signals, gives
   * a BSN); absent where no BRP is configured — routed as before issue 16.
   */
  readonly brp?: (BrpDependencies & { readonly pending: PendingCompositions }) | undefined;
}

/** What the queue knows of this delivery: at the last try a failure is recorded, not retried (I1). */
export interface Delivery {
  readonly lastAttempt: boolean;
}

export type RoutingOutcome =
  | { readonly signalId: string; readonly result: 'routed'; readonly teamId: string; readonly rule: string }
  | { readonly signalId: string; readonly result: 'not-routed'; readonly outcome: string }
  | { readonly signalId: string; readonly result: 'updated' | 'already-routed' };

/**
 * Items of a message that could not be stored (I1). Before the last try the message is retried and
 * finds the others stored; at the last try the failures are recorded first, then the message goes
 * to the DLQ so someone looks. `code` is the first underlying error's code, for the DLQ's log line.
 */
export class ItemsNotStoredError extends Error {
  readonly code: string;
  readonly signalIds: readonly string[];

  constructor(failures: ReadonlyMap<string, unknown>) {
    super(`${failures.size} item(s) could not be stored`);
    this.name = 'ItemsNotStoredError';
    this.signalIds = [...failures.keys()];
    this.code = errorCodeOf([...failures.values()][0]);
  }
}

/**
 * Stores the pack's new records; when the batch fails, each record on its own, so one item that
 * cannot be stored (too large, a fault) fails alone and the others are stored (I1). Returns the
 * failures by signal id.
 */
async function storeEach(
  records: readonly StoredSignal[],
  signals: SignalRepository,
): Promise<Map<string, unknown>> {
  const failures = new Map<string, unknown>();
  try {
    await signals.putNew(records);
    return failures;
  } catch (error) {
    if (records.length === 1) return failures.set((records[0] as StoredSignal).signalId, error);
  }
  for (const record of records) {
    try {
      await signals.putNew([record]);
    } catch (error) {
      failures.set(record.signalId, error);
    }
  }
  return failures;
}

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
  delivery: Delivery,
): Promise<RoutingOutcome> {
  const workId = careReportWorkId(message.source, message.report.reportId);
  try {
    const outcome = await decideCareReport(message, deps);
    await deps.outstanding.close('care-report', workId);
    return outcome;
  } catch (error) {
    if (!delivery.lastAttempt) throw error;
    // The last try (I1): the partner's feedback says it failed, the DLQ keeps the message.
    await deps.receipts.recordFailure(message.source, message.report.reportId, errorCodeOf(error));
    await deps.outstanding.close('care-report', workId);
    throw error;
  }
}

async function decideCareReport(
  message: CareReportMessage,
  deps: RoutingDependencies,
): Promise<RoutingOutcome> {
  const { signalId, source, report } = message;
  const key = householdKey(report.address, deps.secret);
  const entries = (await deps.households.get([key])).get(key) ?? [];
  const household = householdFindings(entries, { signalId, receivedAt: message.receivedAt, source });
  const question = deps.brp ? careReportQuestion(signalId, report, message.receivedAt) : undefined;
  // A redelivery finds its signal stored: the BRP is not asked (nor the question recorded) again.
  // Read only when there is a question, so a care report without one costs no extra read.
  const asked = question && !(await deps.signals.get(signalId)) ? [question] : [];
  const brp = await askBrp(asked, deps);
  const result = careReportToSignal(report, {
    signalId,
    source,
    receivedAt: new Date(message.receivedAt),
    calendar: deps.calendar,
    household,
    householdKey: key,
    brp: brp.get(signalId),
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

/**
 * B1 for a care report: only one that will be routed to a Buurtteam (not a Veilig Thuis forward,
 * not one refused) and leaves the composition unknown. B2 is never asked: a care report is not
 * closed on BRP grounds.
 */
function careReportQuestion(
  signalId: string,
  report: CareReport,
  receivedAt: string,
): BrpQuestion | undefined {
  if (report.household !== undefined || decideOnSafetyAndConsent(report).action !== 'route') return undefined;
  return {
    signalId,
    purpose: 'zorgmelding',
    on: amsterdamDateOf(new Date(receivedAt)),
    address: report.address,
  };
}

/**
 * B1/B2 for a debt signal that will be decided (not stored yet, at or above the threshold): who
 * lives at the address when the partner left the composition out, where the BSN is registered
 * when the partner gave one.
 */
function debtSignalQuestion(signalId: string, input: DebtSignalInput, source: string, receivedAt: string) {
  if (input.amount < thresholdFor(source)) return undefined;
  const question: BrpQuestion = {
    signalId,
    purpose: 'vroegsignalering-schulden',
    on: amsterdamDateOf(new Date(receivedAt)),
    address: input.minorsInHousehold === undefined ? input.address : undefined,
    bsn: input.person.bsn,
  };
  return question.address !== undefined || question.bsn !== undefined ? question : undefined;
}

/**
 * Asks the BRP (B1–B3) and schedules the later retry for every composition it left unanswered —
 * before the signals are stored, so that no pending signal can miss its retry; the retry skips a
 * signal that was never stored.
 */
async function askBrp(questions: readonly BrpQuestion[], deps: RoutingDependencies) {
  if (!deps.brp || questions.length === 0) return new Map();
  const { findings, failures } = await consultBrp(questions, deps.brp);
  const pending = questions.filter((question) => findings.get(question.signalId)?.compositionPending);
  if (pending.length > 0)
    await deps.brp.pending.schedule(
      pending.map(({ signalId, purpose }) => ({ signalId, purpose })),
      (deps.now?.() ?? new Date()).toISOString(),
    );
  if (failures.size > 0) deps.brp.reportFailures?.(failures);
  return findings;
}

/** A stored signal that is not decided again: routed already, or not routed and not higher (I5). */
function decidedAlready(stored: StoredSignal | undefined, amount: number): boolean {
  return stored !== undefined && (!isNotRouted(stored) || amount <= (stored.amount ?? 0));
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

/** The minimised DDAS client of a debt signal (X2), as a field to spread: none when unknown. */
function clientOf(input: DebtSignalInput) {
  const client = ddasClientOf(input.person, input.address);
  return client ? { client } : {};
}

/**
 * A pack of rent-arrears rows or energy-debt elements, in batches: one read of all signals and
 * households, decisions in order (so signals of one household see each other, M2/M3), one batched
 * write. Idempotent under redelivery: signals that exist are skipped, not written again.
 */
async function routeDebtSignals(
  message: DebtSignalsMessage,
  deps: RoutingDependencies,
  delivery: Delivery,
): Promise<RoutingOutcome[]> {
  const { source, receivedAt } = message;
  const [existing, households] = await Promise.all([
    deps.signals.getMany(message.items.map((item) => item.signalId)),
    deps.households.get(message.items.map((item) => item.householdKey)),
  ]);
  const asRead = new Map(households);
  const brp = await askBrp(
    message.items.flatMap(({ signalId, input }) =>
      decidedAlready(existing.get(signalId), input.amount)
        ? []
        : (debtSignalQuestion(signalId, input, source, receivedAt) ?? []),
    ),
    deps,
  );
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
    if (decidedAlready(stored, input.amount)) {
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
      brp: brp.get(signalId),
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
          // DESIGN X2/P1: the minimised DDAS client, so CBS gets this signal too; nothing else of
          // the person (see NotRoutedSignal.client). Only debt signals come here: a care report
          // that is not routed keeps no record (routeCareReport).
          ...clientOf(input),
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

  const failures = await storeEach([...pending.values()], deps.signals);
  for (const signalId of failures.keys()) pending.delete(signalId);
  // What was stored is finished (household entries, amounts, M2 flags) before any retry, which
  // would find those signals stored and skip them.
  await keepHighestAmounts(pending, receivedAt, deps.signals);
  await deps.households.record(withoutSignals(changes, failures), asRead);
  await flagEarlierSignals(earlier, deps.signals);
  if (failures.size > 0 && !delivery.lastAttempt) throw new ItemsNotStoredError(failures);
  if (failures.size > 0) {
    const failedAt = (deps.now?.() ?? new Date()).toISOString();
    const kinds = new Map(message.items.map((item) => [item.signalId, item.input.kind]));
    await deps.signals.recordFailures(
      [...failures].map(([signalId, error]) => ({
        signalId,
        source,
        kind: kinds.get(signalId) as NonNullable<ReturnType<typeof kinds.get>>,
        receivedAt,
        code: errorCodeOf(error),
        failedAt,
      })),
    );
  }
  // Every item is now a signal, a not-routed record or a failure: the pack is routed (I1).
  if (message.pack !== undefined) await deps.uploads.markPackRouted(message.uploadId, message.pack);
  if (failures.size > 0) throw new ItemsNotStoredError(failures);
  return outcomes;
}

function withoutSignals(
  changes: ReadonlyMap<string, readonly HouseholdEntry[]>,
  signalIds: ReadonlyMap<string, unknown>,
): Map<string, HouseholdEntry[]> {
  const kept = new Map<string, HouseholdEntry[]>();
  for (const [key, entries] of changes) {
    const stored = entries.filter((entry) => !signalIds.has(entry.signalId));
    if (stored.length > 0) kept.set(key, stored);
  }
  return kept;
}

/** Routes one queued message: a care report, or a pack of debt signals. */
export async function routeSignalMessage(
  message: SignalMessage,
  deps: RoutingDependencies,
  delivery: Delivery = { lastAttempt: false },
): Promise<RoutingOutcome[]> {
  return message.type === 'care-report'
    ? [await routeCareReport(message, deps, delivery)]
    : routeDebtSignals(message, deps, delivery);
}
