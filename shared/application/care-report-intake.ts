import type { CareReportInput } from '../api/care-report-schemas.ts';
import { formatAmsterdam } from '../domain/amsterdam-time.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/domain-error.ts';
import { careReportDateErrors } from '../domain/intake-dates.ts';
import type { ReceiptStore, SignalPublisher } from './ports.ts';

export interface IntakeDependencies {
  readonly receipts: ReceiptStore;
  readonly publisher: SignalPublisher;
  readonly clock: Clock;
  readonly newSignalId: () => string;
}

export interface IntakeResult {
  readonly signalId: string;
  readonly status: 'accepted' | 'duplicate';
}

/**
 * Receives one care report (DESIGN I1, I5): a receipt keyed by (police, reportId) makes a repeat a
 * `duplicate`; the report then goes on the `signals` queue. If enqueueing failed on an earlier try,
 * the receipt says so and this try enqueues it — nothing is lost, nothing doubled (the router
 * creates the signal only once per signalId).
 */
export async function receiveCareReport(
  report: CareReportInput,
  source: string,
  deps: IntakeDependencies,
): Promise<IntakeResult> {
  const dateErrors = careReportDateErrors(report, deps.clock.now()); // DESIGN I3: needs "now"
  if (dateErrors.length > 0) throw DomainError.invalidFields(dateErrors);
  const candidate = {
    source,
    reportId: report.reportId,
    signalId: deps.newSignalId(),
    receivedAt: formatAmsterdam(deps.clock.now()),
    enqueued: false,
  };
  const existing = await deps.receipts.createCareReportReceipt(candidate);
  const receipt = existing ?? candidate;
  if (existing?.enqueued) return { signalId: existing.signalId, status: 'duplicate' };

  await deps.publisher.publish({
    type: 'care-report',
    signalId: receipt.signalId,
    source,
    receivedAt: receipt.receivedAt,
    report,
  });
  await deps.receipts.markEnqueued(source, report.reportId);
  return { signalId: receipt.signalId, status: 'accepted' };
}
