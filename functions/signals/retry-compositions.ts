import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { brpFromEnvironment } from '../../shared/adapters/brp-dependencies.ts';
import { dynamoHouseholdStore } from '../../shared/adapters/dynamodb-household-store.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { retryPendingCompositions } from '../../shared/application/composition-retry.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.retryCompositions);
const brp = await brpFromEnvironment(env, dynamoDocumentClient(), 'buurtsignaal-herhaling');
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);
const households = dynamoHouseholdStore(dynamoDocumentClient(), env.TABLE_NAME);

/**
 * B3's later retry, every 15 minutes (locally with the sweep): the compositions the BRP did not
 * give at routing are asked again and filled in once. Counts only in the log (P2).
 */
export const handler = middy(async () => {
  if (!brp) return { completed: 0, rerouted: 0, stillPending: 0, dropped: 0 };
  const result = await retryPendingCompositions({ pending: brp.pending, signals, households, brp });
  metrics.addMetric('CompositionsCompleted', MetricUnit.Count, result.completed);
  metrics.addMetric('CompositionsPending', MetricUnit.Count, result.stillPending);
  logger.info('Samenstelling uit de BRP opnieuw gevraagd', { ...result });
  return result;
})
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
