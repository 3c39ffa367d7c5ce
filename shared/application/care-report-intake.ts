import type { CareReportInput } from '../api/care-report-schemas.ts';
import { formatAmsterdam } from '../domain/amsterdam-time.ts';
import type { Clock, Timer } from '../domain/clock.ts';
import { DomainError } from '../domain/domain-error.ts';
import { careReportDateErrors } from '../domain/intake-dates.ts';
import type { CareReportMessage } from '../messages.ts';
import {
  type CareReportListing,
  careReportWorkId,
  type IdempotencyStore,
  type OutstandingIntake,
  type ReceiptStore,
  type SignalPublisher,
} from './ports.ts';
import { claimRequest, type RequestIdentity, requestInProgress, waitFor } from './request-idempotency.ts';

export interface IntakeDependencies {
  readonly receipts: ReceiptStore;
  readonly publisher: SignalPublisher;
  readonly outstanding: Pick<OutstandingIntake, 'open'>;
  /** The police's own list of their reports (issue 15). */
  readonly listing: Pick<CareReportListing, 'add'>;
  readonly clock: Clock;
  readonly timer: Timer;
  /** After this long the reconciler sends a report that is not routed yet on again (I1). */
  readonly reconcileAfterMs: number;
  readonly newSignalId: () => string;
}

export interface IntakeResult {
  readonly signalId: string;
  readonly status: 'accepted' | 'duplicate';
}

/**
 * Receives one care report (DESIGN I1, I5): a receipt keyed by (police, reportId) makes a repeat a
 * `duplicate`. Before the report goes on the `signals` queue it is kept as outstanding work, so a
 * crash or a lost message is sent on by the reconciler; the router removes it once routed. If
 * enqueueing failed on an earlier try, the receipt says so and this try enqueues it — nothing is
 * lost, nothing doubled (the router creates the signal only once per signalId).
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
  // Listed under the police before it goes on (issue 15): a retry after a crash lists it again, the
  // same item, so an accepted report is never missing from their list. One write unit (~270 bytes).
  await deps.listing.add({
    source,
    reportId: report.reportId,
    signalId: receipt.signalId,
    reportedAt: report.reportedAt,
    receivedAt: receipt.receivedAt,
  });

  const message: CareReportMessage = {
    type: 'care-report',
    signalId: receipt.signalId,
    source,
    receivedAt: receipt.receivedAt,
    report,
  };
  await deps.outstanding.open({
    kind: 'care-report',
    id: careReportWorkId(source, report.reportId),
    createdAt: receipt.receivedAt,
    checkAfter: deps.timer.now() + deps.reconcileAfterMs,
    attempts: 0,
    message,
  });
  await deps.publisher.publish(message);
  await deps.receipts.markEnqueued(source, report.reportId);
  return { signalId: receipt.signalId, status: 'accepted' };
}

/** How long a repeat waits for the first request's answer before it says "still in progress". */
const WAIT_FOR_FIRST_MS = 5_000;
/** A holder that has not answered within this long is gone (the function's timeout is 10 s). */
const CLAIM_LEASE_MS = 30_000;

export interface Answer {
  readonly status: number;
  readonly body: IntakeResult;
  /** The first request's answer, given again (I5). */
  readonly replayed: boolean;
}

const answerOf = (result: IntakeResult) => ({
  status: result.status === 'accepted' ? 202 : 200,
  body: result,
});

/**
 * DESIGN I5, whole-request idempotency for a care report sent with an `Idempotency-Key`: every
 * request with that key gets the first one's answer — waiting a moment when the first is still
 * busy, taking over when it died. Without a key the report id alone decides (`duplicate`).
 */
export async function receiveCareReportOnce(
  report: CareReportInput,
  source: string,
  request: Omit<RequestIdentity, 'scope'>,
  deps: IntakeDependencies & { readonly idempotency: IdempotencyStore },
): Promise<Answer> {
  if (!request.idempotencyKey)
    return { ...answerOf(await receiveCareReport(report, source, deps)), replayed: false };
  const { key, existing } = await claimRequest(
    deps.idempotency,
    { ...request, scope: `care-report#${source}` },
    {
      resourceId: report.reportId,
      receivedAt: formatAmsterdam(deps.clock.now()),
      leaseUntil: deps.timer.now() + CLAIM_LEASE_MS,
    },
    deps.timer,
  );
  if (existing) {
    const first = await waitFor(
      async () => (await deps.idempotency.get(key))?.response,
      deps.timer.now() + WAIT_FOR_FIRST_MS,
      deps.timer,
    );
    if (first) return { ...(first as Omit<Answer, 'replayed'>), replayed: true };
    if (!(await deps.idempotency.takeOver(key, deps.timer.now() + CLAIM_LEASE_MS, deps.timer.now()))) {
      throw requestInProgress();
    }
  }
  let answer: Omit<Answer, 'replayed'>;
  try {
    answer = answerOf(await receiveCareReport(report, source, deps));
  } catch (error) {
    // Refused (422) or failed: there is no first answer to give again; a retry starts afresh.
    await deps.idempotency.release(key).catch(() => undefined);
    throw error;
  }
  await deps.idempotency.complete(key, answer);
  return { ...answer, replayed: false };
}
