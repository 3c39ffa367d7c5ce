import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoAuditTrail } from '../../shared/adapters/dynamodb-audit-trail.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { readSignal } from '../../shared/application/team-signals.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const deps = {
  signals: dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME),
  audit: dynamoAuditTrail(dynamoDocumentClient(), env.TABLE_NAME),
  clock: runtimeClock,
};

/** `GET /signals/{signalId}` — everything a worker needs for the first contact; audited (P3). */
export const handler = apiHandler(OPERATIONS.getSignal, async ({ principal, params }) => {
  const signal = await readSignal({ principal, operation: OPERATIONS.getSignal }, params.signalId, deps);
  logger.info('Signaal geopend', { signalId: signal.signalId, teamId: signal.teamId });
  return jsonResponse(200, toDetail(signal, deps.clock.now()));
});
