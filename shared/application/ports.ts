import type { CalendarDate } from '../domain/amsterdam-time.ts';
import type { DdasClientOut } from '../domain/ddas-delivery.ts';
import type { FirstConversation } from '../domain/first-conversation.ts';
import type { HouseholdEntry } from '../domain/household-history.ts';
import type { PartnerFeedback } from '../domain/outcomes.ts';
import type { RetentionReason } from '../domain/retention.ts';
import type { Signal, SignalKind, SignalStatus } from '../domain/signal.ts';
import type { PackDecision, ReceiptCounts, ReceiptLine } from '../domain/upload-plan.ts';
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
  /** Set when the router could not store it after every try (I1); the code is for the service team. */
  readonly failure?: { readonly code: string; readonly at: string } | undefined;
}

export interface ReceiptStore {
  /** Stores the receipt unless one exists for (source, reportId); returns the existing one if so. */
  createCareReportReceipt(receipt: CareReportReceipt): Promise<CareReportReceipt | undefined>;
  markEnqueued(source: string, reportId: string): Promise<void>;
  recordOutcome(source: string, reportId: string, outcome: string): Promise<void>;
  getCareReportReceipt(source: string, reportId: string): Promise<CareReportReceipt | undefined>;
  /** The router could not store the report after every try (I1): the partner sees it failed. */
  recordFailure(source: string, reportId: string, code: string): Promise<void>;
  /** Many receipts of one partner at once (batched reads), by report id; absent ones are left out. */
  getCareReportReceipts(
    source: string,
    reportIds: readonly string[],
  ): Promise<Map<string, CareReportReceipt>>;
}

/**
 * One care report in its police organisation's own list (issue 15, DESIGN P4, C4): the ids and the
 * two moments, nothing the police did not send themselves — no name, address or summary.
 */
export interface CareReportListingEntry {
  readonly source: string;
  readonly reportId: string;
  readonly signalId: string;
  /** When the police reported it (their own `reportedAt`). */
  readonly reportedAt: string;
  /** When the service received it (the receipt's). */
  readonly receivedAt: string;
}

/** A police organisation's care reports, newest received first, read per partner (never a Scan). */
export interface CareReportListing {
  /** Lists a report under its partner; writing the same entry again changes nothing. */
  add(entry: CareReportListingEntry): Promise<void>;
  list(
    source: string,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<{ items: CareReportListingEntry[]; cursor?: string | undefined }>;
}

/**
 * The inbox tabs: `forwarded` (issue 15) lists the Veilig Thuis forwards (C2) not yet taken into
 * handling — they sit in the open partition, beside any signal re-routed to Veilig Thuis.
 */
export type InboxView = 'open' | 'overdue' | 'closed' | 'forwarded';
/** The tabs `GET /teams/{teamId}/signal-counts` counts. */
export type CountedInboxView = Exclude<InboxView, 'forwarded'>;

/**
 * What remains of a debt signal that was accepted but not routed (below the threshold, I4, or a
 * repeated signal after an objection, C3): enough to dedupe a re-send, give feedback (C4) and
 * deliver it to CBS (X2) — and of the person only the minimised DDAS client. A care report that is
 * not routed (C2) leaves no such record, only the outcome on its receipt.
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
  /**
   * DESIGN X2: CBS gets one vroegsignaal per debt signal received in the period, the not-routed ones
   * included, and DDAS v1.2 requires a `client` on each; so a not-routed debt record keeps the
   * minimised client (ddasClientOf: the BSN alone, else postcode, house number, suffix and birth
   * date) and nothing else personal — no name, street, phone, e-mail or the partner's reference.
   * DESIGN P1 unchanged: it goes with the record at the record's own expiry (never picked up: 6
   * months after receipt), and never into the deletion log (ExpiredRecord names its fields), the
   * household index (entryOf) or a partner's feedback (C4: getStates projects status and feedback).
   * Absent on records stored before issue 14 and when neither a BSN nor an address is known.
   */
  readonly client?: DdasClientOut | undefined;
}

export type StoredSignal = Signal | NotRoutedSignal;

/**
 * DESIGN I1: an accepted partner item the router could not store, after every try. Kept where the
 * signal would be, so the receipt line says `fout-bij-verwerking` instead of waiting for ever, and
 * the reconciler sees the item accounted for. The code is for the service team, never the partner.
 */
export interface FailedSignal {
  readonly signalId: string;
  readonly source: string;
  readonly kind: SignalKind;
  readonly receivedAt: string;
  /** The error's name or code (e.g. ValidationException): no message, which might quote the data. */
  readonly code: string;
  readonly failedAt: string;
}

export function isNotRouted(stored: StoredSignal): stored is NotRoutedSignal {
  return stored.status === 'not-routed';
}

/** The little intake needs to classify a re-sent item and partners may see (C4). */
export interface SignalState {
  readonly signalId: string;
  /** `failed`: an accepted item the router could not store (I1); a re-sent row starts it anew. */
  readonly status: SignalStatus | 'failed';
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
  /** Records items that could not be stored (I1), where nothing else is stored under their id. */
  recordFailures(failures: readonly FailedSignal[]): Promise<void>;
  /** D5: the (signal, level) pairs whose escalation is due, from the sparse index; and how many items it read. */
  dueEscalations(now: Date): Promise<{ due: { signalId: string; level: number }[]; itemsRead: number }>;
  /** A team's signals whose due date lies in [from, to] (dates in Amsterdam), from the inbox index. */
  dueBetween(teamId: string, from: CalendarDate, to: CalendarDate): Promise<DueSignal[]>;
  /** How many signals each inbox tab of a team holds (counted on the index, nothing read out). */
  countForTeam(teamId: string, now: Date): Promise<Record<CountedInboxView, number>>;
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

/** An entry as listed, with the cursor that continues the list right after it (opaque). */
export interface ListedAuditEntry extends AuditEntry {
  readonly position: string;
}

export interface AuditTrail {
  /** Appends entries; an error means they were not all written (the caller must not go on). */
  record(entries: readonly AuditEntry[]): Promise<void>;
  /** A signal's entries, newest first. */
  list(
    signalId: string,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<{ items: ListedAuditEntry[]; cursor?: string | undefined }>;
}

/** What the first-contact KPI needs of a signal. */
export interface DueSignal {
  readonly signalId: string;
  readonly source: string;
  readonly receivedAt: string;
  readonly status: SignalStatus;
  readonly deadlineAt: string;
  readonly firstContactAt?: string | undefined;
  /** A1–A3: the first conversation's summary, as the inbox index carries it. */
  readonly firstConversation?: FirstConversation | undefined;
}

/**
 * A1 (issue 17): a team's calendar — its open signals whose standing appointment starts on one of
 * these Amsterdam dates, as the inbox lists them (with the appointment's summary), earliest first.
 */
export interface TeamCalendar {
  plannedBetween(teamId: string, from: CalendarDate, to: CalendarDate, now: Date): Promise<Signal[]>;
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

export type UploadKind = 'rent-arrears' | 'energy-debts';
/** `verwerken` while packs are still being decided (past the request's time budget), then `klaar`. */
export type UploadStatus = 'verwerken' | 'klaar';
export interface UploadWarning {
  readonly code: string;
  readonly column?: string | undefined;
}

/** What came in, as both the stored header and the receipt name it (no personal data). */
export interface UploadArrival {
  readonly uploadId: string;
  readonly kind: UploadKind;
  readonly source: string;
  readonly receivedAt: string;
  readonly batchId?: string | undefined;
  readonly fileName?: string | undefined;
  readonly attestation?: string | undefined;
  readonly status: UploadStatus;
  readonly warnings: readonly UploadWarning[];
}

/** What is stored of an upload besides its lines: what came in and how far it is. */
export interface UploadHeader extends UploadArrival {
  /** A CSV's declared charset, so the stored file is read again exactly as it was (I1). */
  readonly charset?: string | undefined;
  /** Rows or elements received (I1: the counts add up to it). */
  readonly received: number;
  /** Packs in the upload's plan; each is decided once and routed once. */
  readonly packs: number;
  /** Once `klaar`. */
  readonly counts?: ReceiptCounts | undefined;
}

/** A partner upload's receipt (API.md): per row or element, its status; never personal data. */
export interface UploadReceipt extends UploadArrival {
  /** While `verwerken`: the counts so far. */
  readonly counts: ReceiptCounts;
  /** Rows or elements decided so far, of those received. */
  readonly progress: { readonly received: number; readonly processed: number };
  readonly rows?: readonly ReceiptLine[] | undefined;
  readonly items?: readonly ReceiptLine[] | undefined;
}

export type UploadSummary = Omit<UploadReceipt, 'rows' | 'items' | 'warnings' | 'progress'>;

/** Everything stored of an upload: for the receipt, for resuming it and for reconciling it (I1). */
export interface UploadState {
  readonly header: UploadHeader;
  /** Lines the file alone decided (rejected rows), and all lines of a receipt from before packs. */
  readonly fixedLines: readonly ReceiptLine[];
  readonly decisions: ReadonlyMap<number, PackDecision>;
  readonly routed: ReadonlySet<number>;
}

/** A page of a `klaar` receipt as stored: its lines in partner order, and where the next page starts. */
export interface StoredReceiptPage {
  readonly lines: readonly ReceiptLine[];
  /** The row number or element index of the next page's first line; none on the last page. */
  readonly next?: number | undefined;
}

/** The little the reconciler reads of an upload: which packs are decided (with how many items) and routed. */
export interface UploadProgress {
  readonly header?: UploadHeader | undefined;
  readonly decided: ReadonlyMap<number, number>;
  readonly routed: ReadonlySet<number>;
}

export interface UploadStore {
  /**
   * Stores a new upload as `verwerken` with the lines its file decided, and lists it under the
   * partner. The header is written last: an upload with a header is committed (I1).
   */
  begin(header: UploadHeader, fixedLines: readonly ReceiptLine[]): Promise<void>;
  /** Stores decided packs (their lines and the items sent on); writing one twice changes nothing. */
  saveDecisions(uploadId: string, decisions: readonly PackDecision[]): Promise<void>;
  /** The router has stored every item of the pack as a signal, a not-routed record or a failure. */
  markPackRouted(uploadId: string, pack: number): Promise<void>;
  /**
   * The upload is `klaar`: first its lines in partner order as receipt pages of RECEIPT_PAGE_SIZE
   * (so a page of the receipt is one read), then its counts, on the header and in the partner's list.
   */
  finish(header: UploadHeader, lines: readonly ReceiptLine[]): Promise<void>;
  read(uploadId: string): Promise<UploadState | undefined>;
  /** The header alone: whose upload it is, its status and counts. */
  header(uploadId: string): Promise<UploadHeader | undefined>;
  /**
   * The stored receipt page holding the line at `from` (a row number or element index; none: the
   * first page), with its lines from `from` on. Undefined when the upload has no stored pages (it is
   * not `klaar`, or was finished before receipts were stored in pages).
   */
  receiptPage(uploadId: string, from: number | undefined): Promise<StoredReceiptPage | undefined>;
  progress(uploadId: string): Promise<UploadProgress>;
  list(
    source: string,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<{ items: UploadSummary[]; cursor?: string | undefined }>;
}

/**
 * The bytes of an upload, kept from before anything is published until every pack is routed, so
 * that any step can be done again from them after a crash (I1). Personal data: short-lived (P1).
 */
export interface UploadFileStore {
  save(uploadId: string, bytes: Uint8Array): Promise<void>;
  /** Undefined when the file is gone (or was never completely written). */
  load(uploadId: string): Promise<Uint8Array | undefined>;
  remove(uploadId: string): Promise<void>;
}

export type OutstandingKind = 'upload' | 'care-report';

/**
 * Intake accepted but not yet known to be routed (DESIGN I1): a pointer per upload or care report,
 * written before anything goes on a queue and removed once all of it is stored. The reconciler
 * reads only these, so its cost grows with the gap, never with the table. Times are real time in
 * milliseconds (leases and retries are about machines, not about the test clock).
 */
export interface OutstandingEntry {
  readonly kind: OutstandingKind;
  /** The upload id, or `<source>#<reportId>` for a care report. */
  readonly id: string;
  readonly createdAt: string;
  /** From when the reconciler may act on it. */
  readonly checkAfter: number;
  /** Until when a request or a consumer is working on it. */
  readonly leaseUntil?: number | undefined;
  /** How often the reconciler sent it on again. */
  readonly attempts: number;
  /** A care report's queued message (its receipt holds no personal data to rebuild it from). */
  readonly message?: SignalMessage | undefined;
}

/** The outstanding entry of a care report (I1): the partner's own key of it. */
export const careReportWorkId = (source: string, reportId: string) => `${source}#${reportId}`;

export interface OutstandingIntake {
  open(entry: OutstandingEntry): Promise<void>;
  close(kind: OutstandingKind, id: string): Promise<void>;
  /** Every outstanding entry. */
  list(): Promise<OutstandingEntry[]>;
  /** Takes the lease unless someone holds it at `now`; false then, or when the entry is gone. */
  lease(kind: OutstandingKind, id: string, until: number, now: number): Promise<boolean>;
  /** Changes an entry that still exists (a lease given up, the next check, the attempts). */
  update(
    kind: OutstandingKind,
    id: string,
    changes: Partial<Pick<OutstandingEntry, 'checkAfter' | 'leaseUntil' | 'attempts'>>,
  ): Promise<void>;
}

/**
 * Whole-request idempotency (DESIGN I5): one claim per (route, partner, request key), where the
 * key is the partner's `Idempotency-Key` or a hash of the bytes sent. Times in real time (ms).
 */
export interface IdempotencyClaim {
  readonly key: string;
  /** SHA-256 of the request body: the same key with other bytes is a client error. */
  readonly payloadHash: string;
  /** The upload id, or the care report's signal id, of the first request. */
  readonly resourceId: string;
  readonly receivedAt: string;
  /** Until when the first request may still be working before it counts as gone. */
  readonly leaseUntil: number;
  /** The first answer, when it is small enough to keep (care reports). */
  readonly response?: { readonly status: number; readonly body: unknown } | undefined;
}

export interface IdempotencyStore {
  /** Stores the claim unless a live one exists for its key; returns that one if so. */
  claim(claim: IdempotencyClaim, expiresAt: number): Promise<IdempotencyClaim | undefined>;
  get(key: string): Promise<IdempotencyClaim | undefined>;
  /** Takes over a claim whose holder's lease ran out; false when another took it first. */
  takeOver(key: string, leaseUntil: number, now: number): Promise<boolean>;
  complete(key: string, response: { readonly status: number; readonly body: unknown }): Promise<void>;
  /** Gives a claim up (the request failed before anything was stored). */
  release(key: string): Promise<void>;
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
