import type { CalendarDate } from '../domain/amsterdam-time.ts';
import type { HouseholdEntry } from '../domain/household-history.ts';
import type { PartnerFeedback } from '../domain/outcomes.ts';
import type { RetentionReason } from '../domain/retention.ts';
import type { Signal, SignalKind, SignalStatus } from '../domain/signal.ts';
import type { SignalMessage } from '../messages.ts';

/** The receipt of one care report: proof of arrival and the dedupe key (DESIGN I5). No personal data. */
export interface CareReportReceipt {
  readonly source: string;
  readonly reportId: string;
  readonly signalId: string;
  readonly receivedAt: string;
  /** False until the report is on the `signals` queue; a retry of the same report re-enqueues it. */
  readonly enqueued: boolean;
  /** Set when the report was not routed (DESIGN C2: refused consent keeps only the receipt). */
  readonly outcome?: string | undefined;
}

export interface ReceiptStore {
  /** Stores the receipt unless one exists for (source, reportId); returns the existing one if so. */
  createCareReportReceipt(receipt: CareReportReceipt): Promise<CareReportReceipt | undefined>;
  markEnqueued(source: string, reportId: string): Promise<void>;
  recordOutcome(source: string, reportId: string, outcome: string): Promise<void>;
  getCareReportReceipt(source: string, reportId: string): Promise<CareReportReceipt | undefined>;
}

export type InboxView = 'open' | 'overdue' | 'closed';

/**
 * What remains of a partner item that was accepted but not routed (below the threshold, I4, or a
 * repeated signal after an objection, C3): enough to dedupe a re-send and give feedback, nothing
 * personal.
 */
export interface NotRoutedSignal {
  readonly signalId: string;
  readonly source: string;
  readonly kind: SignalKind;
  readonly receivedAt: string;
  readonly status: 'not-routed';
  readonly outcome: string;
  readonly amount?: number | undefined;
  readonly householdKey?: string | undefined;
}

export type StoredSignal = Signal | NotRoutedSignal;

export function isNotRouted(stored: StoredSignal): stored is NotRoutedSignal {
  return stored.status === 'not-routed';
}

/** The little intake needs to classify a re-sent item and partners may see (C4). */
export interface SignalState {
  readonly signalId: string;
  readonly status: SignalStatus;
  readonly amount?: number | undefined;
  readonly feedback: PartnerFeedback;
  /** Past its retention (P1) but not yet deleted: for intake, as good as absent. */
  readonly expired?: boolean | undefined;
}

/** What the purge needs of a signal whose personal data has expired (P1) — no personal data. */
export interface ExpiredRecord {
  readonly signalId: string;
  readonly source: string;
  readonly kind: SignalKind;
  readonly status: SignalStatus;
  readonly receivedAt: string;
  readonly closedAt?: string | undefined;
  readonly householdKey?: string | undefined;
  readonly expiresAt: string;
  readonly reason: RetentionReason;
  readonly feedback: PartnerFeedback;
}

/** DESIGN P1: the deletion log keeps id, source, dates and reason; never personal data. */
export interface DeletionEntry extends Omit<ExpiredRecord, 'householdKey'> {
  readonly deletedAt: string;
}

export interface DeletionLog {
  record(entries: readonly DeletionEntry[]): Promise<void>;
  /** Takes an entry back: the signal turned out not to be deleted (revived by a re-sent row). */
  withdraw(signalId: string): Promise<void>;
  /** What partners still see of deleted signals (C4): their last status and feedback. */
  states(signalIds: readonly string[]): Promise<Map<string, SignalState>>;
}

export interface SignalPage {
  readonly items: Signal[];
  readonly cursor?: string | undefined;
}

export interface SignalRepository {
  /** Stores a new signal; false when it exists already (a redelivered queue message). */
  create(signal: Signal): Promise<boolean>;
  get(signalId: string): Promise<Signal | undefined>;
  /** Replaces the signal if nobody changed it since `expectedVersion`; else ConcurrentUpdateError. */
  update(signal: Signal, expectedVersion: number): Promise<void>;
  listForTeam(
    teamId: string,
    view: InboxView,
    page: { readonly limit: number; readonly cursor?: string | undefined; readonly now: Date },
  ): Promise<SignalPage>;
  /** Status, amount and partner feedback of many signals at once (batched reads). */
  getStates(signalIds: readonly string[]): Promise<Map<string, SignalState>>;
  /** Full stored signals, routed or not, of many ids at once (batched reads). */
  getMany(signalIds: readonly string[]): Promise<Map<string, StoredSignal>>;
  /**
   * Stores new signals in batches, without conditions (only for ids the caller has just seen
   * absent), and not-routed records only where nothing, or a lower not-routed record, exists.
   */
  putNew(records: readonly StoredSignal[]): Promise<void>;
  /** D5: the (signal, level) pairs whose escalation is due, from the sparse index; and how many items it read. */
  dueEscalations(now: Date): Promise<{ due: { signalId: string; level: number }[]; itemsRead: number }>;
  /** A team's signals whose due date lies in [from, to] (dates in Amsterdam), from the inbox index. */
  dueBetween(teamId: string, from: CalendarDate, to: CalendarDate): Promise<DueSignal[]>;
  /** How many signals each inbox tab of a team holds (counted on the index, nothing read out). */
  countForTeam(teamId: string, now: Date): Promise<Record<InboxView, number>>;
  /** P1: up to `limit` signals whose personal data expired before `now`, from the sparse index. */
  expired(now: Date, limit: number): Promise<ExpiredRecord[]>;
  /**
   * P1: deletes what is stored under the signal — its escalation records, then the signal itself,
   * the latter only if still expired at `now`. False when the signal is still there: a re-sent row
   * gave it a new life. Already gone (TTL came first) counts as deleted.
   */
  purge(signalId: string, now: Date): Promise<boolean>;
}

/**
 * One line of the audit trail (DESIGN P3): who (principal id, role, scope), when, which action (the
 * operationId) on which signal. Nothing else — never a name, an address or a note.
 */
export interface AuditEntry {
  readonly signalId: string;
  readonly at: string;
  readonly action: string;
  readonly principal: { readonly id: string; readonly role: string; readonly scope: string };
}

export interface AuditTrail {
  /** Appends entries; an error means they were not all written (the caller must not go on). */
  record(entries: readonly AuditEntry[]): Promise<void>;
  /** A signal's entries, newest first. */
  list(
    signalId: string,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<{ items: AuditEntry[]; cursor?: string | undefined }>;
}

/** What the first-contact KPI needs of a signal. */
export interface DueSignal {
  readonly signalId: string;
  readonly source: string;
  readonly receivedAt: string;
  readonly status: SignalStatus;
  readonly deadlineAt: string;
  readonly firstContactAt?: string | undefined;
  readonly firstContactInTime?: boolean | undefined;
}

/** DESIGN M1–M3: per household (by keyed hash), the signals it had — dates, source, state. */
export interface HouseholdStore {
  get(householdKeys: readonly string[]): Promise<Map<string, HouseholdEntry[]>>;
  /**
   * Adds or replaces these entries in each household, keeping entries written by others. `known`
   * are the households as the caller read them (saves a read); omit it to read them first.
   */
  record(
    entries: ReadonlyMap<string, readonly HouseholdEntry[]>,
    known?: ReadonlyMap<string, readonly HouseholdEntry[]>,
  ): Promise<void>;
  /** P1: removes deleted signals from a household, and the household once it has none left. */
  forget(householdKey: string, signalIds: readonly string[]): Promise<void>;
}

/** A partner upload's receipt (API.md): per row or element, its status; never personal data. */
export interface UploadReceipt {
  readonly uploadId: string;
  readonly kind: 'rent-arrears' | 'energy-debts';
  readonly source: string;
  readonly receivedAt: string;
  readonly batchId?: string | undefined;
  readonly fileName?: string | undefined;
  readonly attestation?: string | undefined;
  readonly counts: {
    received: number;
    accepted: number;
    rejected: number;
    duplicate: number;
    updated: number;
  };
  readonly warnings: readonly { readonly code: string; readonly column?: string | undefined }[];
  readonly rows?: readonly ItemReceipt[] | undefined;
  readonly items?: readonly ItemReceipt[] | undefined;
}

export interface ItemReceipt {
  readonly row?: number | undefined;
  readonly index?: number | undefined;
  readonly reference?: string | undefined;
  readonly status: 'accepted' | 'rejected' | 'duplicate' | 'updated';
  readonly signalId?: string | undefined;
  readonly errors?:
    | readonly { readonly field: string; readonly code: string; readonly message: string }[]
    | undefined;
  /** Added when a partner reads the receipt back (C4). */
  readonly feedback?: PartnerFeedback | undefined;
}

export type UploadSummary = Omit<UploadReceipt, 'rows' | 'items' | 'warnings'>;

export interface UploadStore {
  save(receipt: UploadReceipt): Promise<void>;
  get(uploadId: string): Promise<UploadReceipt | undefined>;
  list(
    source: string,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<{ items: UploadSummary[]; cursor?: string | undefined }>;
}

export interface Publisher<M> {
  publish(message: M): Promise<void>;
  /** Many messages in as few requests as SQS allows; resolves when every one is on the queue. */
  publishMany(messages: readonly M[]): Promise<void>;
}

export type SignalPublisher = Publisher<SignalMessage>;
export type EscalationPublisher = Publisher<EscalationMessage>;

/** One due (signal, level) for the `escalations` queue (DESIGN D4). */
export interface EscalationMessage {
  readonly type: 'escalation';
  readonly signalId: string;
  readonly level: 1 | 2 | 3;
}

/**
 * The delivery record of one (signal, level): claimed with a lease while a consumer notifies, then
 * delivered — so duplicate messages, repeated sweeps and retries never notify twice (D4).
 */
export interface EscalationStore {
  /** `claimed` for this claimant; `delivered` when done before; `busy` while another holds the lease. */
  claim(
    signalId: string,
    level: number,
    claimant: string,
    leaseMs: number,
  ): Promise<'claimed' | 'delivered' | 'busy'>;
  markDelivered(record: EscalationRecord): Promise<void>;
  /** Gives up this claimant's lease after a failed delivery, so a retry may claim at once. */
  release(signalId: string, level: number, claimant: string): Promise<void>;
  get(signalId: string, level: number): Promise<{ state: 'pending' | 'delivered' } | undefined>;
  /** A team's delivered escalations, newest first. */
  listForTeam(
    teamId: string,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<{ items: EscalationRecord[]; cursor?: string | undefined }>;
}

export interface EscalationRecord {
  readonly signalId: string;
  readonly teamId: string;
  readonly level: 1 | 2 | 3;
  readonly at: string;
  readonly recipient: { readonly role: string; readonly scope: string };
}

/** Tells the recipient of an escalation (D4): locally the outbox, on AWS an SNS topic. Ids only (P2). */
export interface Notifier {
  notify(notification: EscalationRecord & { readonly dueDate: string }): Promise<void>;
}

export class ConcurrentUpdateError extends Error {
  constructor() {
    super('The item was changed concurrently');
    this.name = 'ConcurrentUpdateError';
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('The paging cursor is not valid for this list');
    this.name = 'InvalidCursorError';
  }
}
