import {
  type CareReportReceipt,
  ConcurrentUpdateError,
  type EscalationMessage,
  type FailedSignal,
  type HouseholdStore,
  isNotRouted,
  type OutstandingKind,
  type ReceiptStore,
  type SignalRepository,
  type SignalState,
  type StoredSignal,
} from '../../shared/application/ports.ts';
import type { RoutingDependencies } from '../../shared/application/route-signal.ts';
import type { HouseholdEntry } from '../../shared/domain/household-history.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';

/** What is kept under a signal id: a signal, a not-routed record, or the failure record of I1. */
type Kept = StoredSignal | (FailedSignal & { readonly status: 'failed' });

const notUsed = (name: string) => async (): Promise<never> => {
  throw new Error(`${name} is not used by the router`);
};

/**
 * In-memory ports of the router (route-signal.ts), with the DynamoDB adapters' contracts: putNew
 * writes routed signals unconditionally and a not-routed record only over nothing, a lower
 * not-routed record or a failure record; recordFailures writes only over nothing or a failure
 * record; getMany ignores failure records, getStates shows them. Every write is logged, and
 * `failPutNew` makes putNew fail for chosen ids — a batch holding one fails whole, as one
 * BatchWriteItem request does.
 */
export function inMemoryRouting(options: { readonly now?: () => Date } = {}) {
  const kept = new Map<string, Kept>();
  const households = new Map<string, Map<string, HouseholdEntry>>();
  const receipts = new Map<string, CareReportReceipt>();
  /** Every signal id written by putNew, create or update, in order. */
  const writes: string[] = [];
  const failures: FailedSignal[] = [];
  const routedPacks: { uploadId: string; pack: number }[] = [];
  const closed: { kind: OutstandingKind; id: string }[] = [];
  const escalations: EscalationMessage[] = [];
  /** Signal ids whose putNew fails, with the error it fails with. */
  const failPutNew = new Map<string, () => Error>();

  const live = (signalId: string): StoredSignal | undefined => {
    const found = kept.get(signalId);
    return found && found.status !== 'failed' ? (found as StoredSignal) : undefined;
  };

  const signals: SignalRepository = {
    async create(signal) {
      if (live(signal.signalId)) return false;
      kept.set(signal.signalId, signal);
      writes.push(signal.signalId);
      return true;
    },
    async get(signalId) {
      const found = live(signalId);
      return found && !isNotRouted(found) ? found : undefined;
    },
    async update(signal, expectedVersion) {
      const found = live(signal.signalId);
      if (!found || isNotRouted(found) || found.version !== expectedVersion)
        throw new ConcurrentUpdateError();
      kept.set(signal.signalId, signal);
      writes.push(signal.signalId);
    },
    async getStates(signalIds) {
      const states = new Map<string, SignalState>();
      for (const signalId of signalIds) {
        const found = kept.get(signalId);
        if (found) {
          states.set(signalId, {
            signalId,
            status: found.status,
            amount: 'amount' in found ? found.amount : undefined,
            feedback: 'ontvangen',
          });
        }
      }
      return states;
    },
    async getMany(signalIds) {
      return new Map(
        signalIds.flatMap((signalId) => {
          const found = live(signalId);
          return found ? [[signalId, found] as const] : [];
        }),
      );
    },
    async putNew(records) {
      const failing = records.find((record) => failPutNew.has(record.signalId));
      if (failing) throw (failPutNew.get(failing.signalId) as () => Error)();
      for (const record of records) {
        const found = kept.get(record.signalId);
        if (isNotRouted(record) && found) {
          const lower = found.status === 'not-routed' && (found.amount ?? 0) < (record.amount ?? 0);
          if (!lower && found.status !== 'failed') continue;
        }
        kept.set(record.signalId, record);
        writes.push(record.signalId);
      }
    },
    async recordFailures(recorded) {
      for (const failure of recorded) {
        const found = kept.get(failure.signalId);
        if (found && found.status !== 'failed') continue;
        kept.set(failure.signalId, { ...failure, status: 'failed' });
        failures.push(failure);
      }
    },
    listForTeam: notUsed('listForTeam'),
    dueEscalations: notUsed('dueEscalations'),
    dueBetween: notUsed('dueBetween'),
    countForTeam: notUsed('countForTeam'),
    expired: notUsed('expired'),
    purge: notUsed('purge'),
  };

  const householdStore: HouseholdStore = {
    async get(keys) {
      return new Map(keys.map((key) => [key, [...(households.get(key)?.values() ?? [])]]));
    },
    async record(changes) {
      for (const [key, entries] of changes) {
        const household = households.get(key) ?? new Map<string, HouseholdEntry>();
        for (const entry of entries) household.set(entry.signalId, entry);
        households.set(key, household);
      }
    },
    async forget(key, signalIds) {
      for (const signalId of signalIds) households.get(key)?.delete(signalId);
    },
  };

  const receiptKey = (source: string, reportId: string) => `${source}#${reportId}`;
  const change = (source: string, reportId: string, changes: Partial<CareReportReceipt>) => {
    const receipt = receipts.get(receiptKey(source, reportId));
    if (receipt) receipts.set(receiptKey(source, reportId), { ...receipt, ...changes });
  };
  const receiptStore: ReceiptStore = {
    async createCareReportReceipt(receipt) {
      const existing = receipts.get(receiptKey(receipt.source, receipt.reportId));
      if (existing) return existing;
      receipts.set(receiptKey(receipt.source, receipt.reportId), receipt);
      return undefined;
    },
    async markEnqueued(source, reportId) {
      change(source, reportId, { enqueued: true });
    },
    async recordOutcome(source, reportId, outcome) {
      change(source, reportId, { outcome });
    },
    async getCareReportReceipt(source, reportId) {
      return receipts.get(receiptKey(source, reportId));
    },
    async recordFailure(source, reportId, code) {
      change(source, reportId, { failure: { code, at: (options.now?.() ?? new Date()).toISOString() } });
    },
    async getCareReportReceipts(source, reportIds) {
      return new Map(
        reportIds.flatMap((reportId) => {
          const receipt = receipts.get(receiptKey(source, reportId));
          return receipt ? [[reportId, receipt] as const] : [];
        }),
      );
    },
  };

  const deps: RoutingDependencies = {
    signals,
    escalations: {
      publish: async (message) => void escalations.push(message),
      publishMany: async (messages) => void escalations.push(...messages),
    },
    receipts: receiptStore,
    households: householdStore,
    uploads: {
      markPackRouted: async (uploadId, pack) => void routedPacks.push({ uploadId, pack }),
    },
    outstanding: {
      close: async (kind, id) => void closed.push({ kind, id }),
    },
    calendar: municipalCalendar,
    secret: 'r'.repeat(48),
    now: options.now,
  };

  return {
    deps,
    kept,
    households,
    receipts,
    writes,
    failures,
    routedPacks,
    closed,
    escalations,
    failPutNew,
    /** The stored signal (not a not-routed or failure record) under an id. */
    signal: (signalId: string) => {
      const found = kept.get(signalId);
      return found && found.status !== 'failed' && !isNotRouted(found as StoredSignal)
        ? (found as Signal)
        : undefined;
    },
  };
}
