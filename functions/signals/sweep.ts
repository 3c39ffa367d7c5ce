import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient, sqs } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { sqsPublisher } from '../../shared/adapters/sqs-publisher.ts';
import { sweep } from '../../shared/application/escalations.ts';
import type { EscalationMessage } from '../../shared/application/ports.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.sweep);
const deps = {
  signals: dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME),
  publisher: sqsPublisher<EscalationMessage>(sqs(), env.ESCALATIONS_QUEUE_URL),
  clock: runtimeClock,
};

/**
 * The sweep (DESIGN D5): every 15 minutes on AWS (EventBridge), locally on every test-clock change
 * and on `/_local/sweep`. Emits the number of due escalations, which the overdue alarm watches.
 */
export const handler = middy(async () => {
  const result = await sweep(deps);
  metrics.addMetric('EscalationsDue', MetricUnit.Count, result.due);
  metrics.addMetric('SweepItemsRead', MetricUnit.Count, result.itemsRead);
  logger.info('Sweep', result);
  return result;
})
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
