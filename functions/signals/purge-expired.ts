import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoDeletionLog } from '../../shared/adapters/dynamodb-deletion-log.ts';
import { dynamoHouseholdStore } from '../../shared/adapters/dynamodb-household-store.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { purgeExpired } from '../../shared/application/retention.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.purge);
const client = dynamoDocumentClient();
const deps = {
  signals: dynamoSignalRepository(client, env.TABLE_NAME),
  households: dynamoHouseholdStore(client, env.TABLE_NAME),
  deletions: dynamoDeletionLog(client, env.TABLE_NAME),
  clock: runtimeClock,
};

/**
 * The purge (DESIGN P1): every hour on AWS (EventBridge), locally on every test-clock change and on
 * `/_local/sweep`. Deletes the signals whose personal data has expired — never picked up or
 * forwarded to Veilig Thuis 6 months after receipt, picked up but inactive 12 months after the last
 * activity, closed 12 months after closing — with a deletion-log entry each (its reason
 * `never-picked-up`, `forwarded`, `inactive` or `closed`); counts only in logs and metrics.
 */
export const handler = middy(async () => {
  const result = await purgeExpired(deps);
  metrics.addMetric('SignalsPurged', MetricUnit.Count, result.purged);
  logger.info('Purge', { ...result });
  return result;
})
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
