import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoDeletionLog } from '../../shared/adapters/dynamodb-deletion-log.ts';
import { dynamoReceiptStore } from '../../shared/adapters/dynamodb-receipt-store.ts';
import { dynamoSignalStates } from '../../shared/adapters/dynamodb-signal-states.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { assertAllowed } from '../../shared/auth/access-policy.ts';
import { careReportFeedback } from '../../shared/domain/feedback.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const NOT_FOUND = 'Er is geen zorgmelding met dit reportId van uw organisatie.';
const env = parseEnvironment(ENVIRONMENTS.careReportFeedback);
const receipts = dynamoReceiptStore(dynamoDocumentClient(), env.TABLE_NAME);
const feedbackSources = {
  signals: dynamoSignalStates(dynamoDocumentClient(), env.TABLE_NAME),
  deletions: dynamoDeletionLog(dynamoDocumentClient(), env.TABLE_NAME),
};

/**
 * `GET /intake/care-reports/{reportId}` — the partner's feedback (C4). Receipts are keyed by the
 * caller's own scope, so a partner can only ever find its own reports.
 */
export const handler = apiHandler(OPERATIONS.getCareReport, async ({ principal, params }) => {
  const receipt = await receipts.getCareReportReceipt(principal.scope, params.reportId);
  if (!receipt) throw notFound('report-not-found', NOT_FOUND);
  assertAllowed(
    principal,
    OPERATIONS.getCareReport,
    { source: receipt.source },
    {
      notFound: { code: 'report-not-found', message: NOT_FOUND },
    },
  );
  // Not routed at all (C2): the receipt knows the outcome. Else the signal, or once it is deleted
  // (P1) the deletion log, knows the partner's view of it (careReportFeedback).
  if (receipt.outcome) {
    return jsonResponse(200, {
      reportId: receipt.reportId,
      feedback: careReportFeedback(receipt, undefined),
    });
  }
  const states = await feedbackSources.signals.getStates([receipt.signalId]);
  const state =
    states.get(receipt.signalId) ??
    (await feedbackSources.deletions.states([receipt.signalId])).get(receipt.signalId);
  // Not stored after every try (I1): the police see it failed and may send it again, never why.
  return jsonResponse(200, {
    reportId: receipt.reportId,
    feedback: careReportFeedback(receipt, state?.feedback),
  });
});
