import type { Signal } from '../domain/signal.ts';
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
}

export interface SignalPublisher {
  publish(message: SignalMessage): Promise<void>;
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
