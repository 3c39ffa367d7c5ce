import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dynamoDocumentClient, sqs } from '../../shared/adapters/aws-clients.ts';
import { dynamoCareReportListing } from '../../shared/adapters/dynamodb-care-report-listing.ts';
import { dynamoIdempotencyStore } from '../../shared/adapters/dynamodb-idempotency-store.ts';
import { dynamoOutstandingIntake } from '../../shared/adapters/dynamodb-outstanding-intake.ts';
import { dynamoReceiptStore } from '../../shared/adapters/dynamodb-receipt-store.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { sqsPublisher } from '../../shared/adapters/sqs-publisher.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { receiveCareReportOnce } from '../../shared/application/care-report-intake.ts';
import { sha256Hex } from '../../shared/application/request-idempotency.ts';
import { systemTimer } from '../../shared/domain/clock.ts';
import { newSignalId } from '../../shared/domain/ids.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { bodyBytes, idempotencyKeyOf, REPLAYED_HEADER } from '../../shared/http/idempotency-key.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.submitCareReport);
const client = dynamoDocumentClient();
const deps = {
  receipts: dynamoReceiptStore(client, env.TABLE_NAME),
  outstanding: dynamoOutstandingIntake(client, env.TABLE_NAME),
  listing: dynamoCareReportListing(client, env.TABLE_NAME),
  idempotency: dynamoIdempotencyStore(client, env.TABLE_NAME),
  publisher: sqsPublisher(sqs(), env.SIGNALS_QUEUE_URL),
  clock: runtimeClock,
  timer: systemTimer,
  reconcileAfterMs: Number(env.RECONCILE_AFTER_MS),
  newSignalId,
};

/**
 * `POST /intake/care-reports` — police. 202 when new, 200 `duplicate` for a known reportId (I5);
 * with an `Idempotency-Key`, every request with that key gets the first answer.
 */
export const handler = apiHandler(OPERATIONS.submitCareReport, async ({ principal, body, event }) => {
  const answer = await receiveCareReportOnce(
    body,
    principal.scope,
    { idempotencyKey: idempotencyKeyOf(event), payloadHash: sha256Hex(bodyBytes(event)) },
    deps,
  );
  const { signalId, status } = answer.body;
  logger.info('Zorgmelding ontvangen', { signalId, status, replayed: answer.replayed });
  if (!answer.replayed) {
    metrics.addMetric(
      status === 'accepted' ? 'CareReportAccepted' : 'CareReportDuplicate',
      MetricUnit.Count,
      1,
    );
  }
  return jsonResponse(answer.status, answer.body, answer.replayed ? { [REPLAYED_HEADER]: 'true' } : {});
});
