import { careReportFeedback } from '../domain/feedback.ts';
import type { CareReportListing, DeletionLog, ReceiptStore, SignalRepository, SignalState } from './ports.ts';

export interface CareReportListDependencies {
  readonly listing: Pick<CareReportListing, 'list'>;
  readonly signals: Pick<SignalRepository, 'getStates'>;
  readonly deletions: Pick<DeletionLog, 'states'>;
  readonly receipts: Pick<ReceiptStore, 'getCareReportReceipts'>;
}

/**
 * `GET /intake/care-reports` (issue 15): a police organisation's own care reports, newest received
 * first, each with the feedback `GET /intake/care-reports/{reportId}` gives (C4, careReportFeedback).
 * Only the caller's own partition is read (P4). The feedback costs one batched read of the listed
 * signals (projected); only reports without a signal read further — the deletion log for those
 * deleted (P1), then their receipts for those never routed (C2) or not stored (I1) or still on their
 * way — so a page costs a Query and, mostly, one BatchGet.
 */
export async function listOwnCareReports(
  source: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
  deps: CareReportListDependencies,
) {
  const { items, cursor } = await deps.listing.list(source, page);
  const signalIds = items.map((item) => item.signalId);
  const states: Map<string, SignalState> = signalIds.length
    ? await deps.signals.getStates(signalIds)
    : new Map();
  const gone = signalIds.filter((signalId) => !states.has(signalId));
  for (const [signalId, state] of gone.length ? await deps.deletions.states(gone) : []) {
    states.set(signalId, state);
  }
  const unknown = items.filter((item) => !states.has(item.signalId)).map((item) => item.reportId);
  const receipts = unknown.length ? await deps.receipts.getCareReportReceipts(source, unknown) : new Map();
  return {
    items: items.map(({ reportId, signalId, reportedAt, receivedAt }) => ({
      reportId,
      signalId,
      reportedAt,
      receivedAt,
      feedback: careReportFeedback(receipts.get(reportId), states.get(signalId)?.feedback),
    })),
    ...(cursor ? { cursor } : {}),
  };
}
