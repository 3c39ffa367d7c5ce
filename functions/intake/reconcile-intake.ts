import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { dynamoDocumentClient, sqs } from '../../shared/adapters/aws-clients.ts';
import { dynamoOutstandingIntake } from '../../shared/adapters/dynamodb-outstanding-intake.ts';
import { dynamoUploadFileStore } from '../../shared/adapters/dynamodb-upload-file-store.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import { sqsPublisher } from '../../shared/adapters/sqs-publisher.ts';
import { reconcileIntake } from '../../shared/application/reconcile-intake.ts';
import { systemTimer } from '../../shared/domain/clock.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import type { UploadContinuationMessage } from '../../shared/messages.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.reconcileIntake);
const client = dynamoDocumentClient();
const deps = {
  outstanding: dynamoOutstandingIntake(client, env.TABLE_NAME),
  uploads: dynamoUploadStore(client, env.TABLE_NAME),
  files: dynamoUploadFileStore(client, env.TABLE_NAME),
  publisher: sqsPublisher(sqs(), env.SIGNALS_QUEUE_URL),
  continuations: sqsPublisher<UploadContinuationMessage>(sqs(), env.UPLOADS_QUEUE_URL),
  timer: systemTimer,
  reconcileAfterMs: Number(env.RECONCILE_AFTER_MS),
};

/**
 * The reconciler (DESIGN I1): every 5 minutes on AWS (EventBridge); locally at start-up — with
 * `detail.afterRestart`, as the in-memory queues are gone — and with every sweep. Counts only.
 */
export const handler = middy(async (event: Partial<ScheduledEvent> | undefined) => {
  const afterRestart = (event?.detail as { afterRestart?: unknown } | undefined)?.afterRestart === true;
  const result = await reconcileIntake(deps, { afterRestart });
  metrics.addMetric('IntakeOutstanding', MetricUnit.Count, result.outstanding);
  metrics.addMetric('IntakeResent', MetricUnit.Count, result.resent);
  if (result.resent > 0 || result.abandoned > 0) logger.info('Reconciliatie', { ...result, afterRestart });
  return { reconciled: result.resent };
})
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
