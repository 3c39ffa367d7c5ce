import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dynamoDocumentClient, sqs } from '../../shared/adapters/aws-clients.ts';
import { dynamoReceiptStore } from '../../shared/adapters/dynamodb-receipt-store.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { sqsPublisher } from '../../shared/adapters/sqs-publisher.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { receiveCareReport } from '../../shared/application/care-report-intake.ts';
import { newSignalId } from '../../shared/domain/ids.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.submitCareReport);
const deps = {
  receipts: dynamoReceiptStore(dynamoDocumentClient(), env.TABLE_NAME),
  publisher: sqsPublisher(sqs(), env.SIGNALS_QUEUE_URL),
  clock: runtimeClock,
  newSignalId,
};

/** `POST /intake/care-reports` — police. 202 when new, 200 `duplicate` for a known reportId (I5). */
export const handler = apiHandler(OPERATIONS.submitCareReport, async ({ principal, body }) => {
  const result = await receiveCareReport(body, principal.scope, deps);
  logger.info('Zorgmelding ontvangen', { signalId: result.signalId, status: result.status });
  metrics.addMetric(
    result.status === 'accepted' ? 'CareReportAccepted' : 'CareReportDuplicate',
    MetricUnit.Count,
    1,
  );
  return jsonResponse(result.status === 'accepted' ? 202 : 200, result);
});
