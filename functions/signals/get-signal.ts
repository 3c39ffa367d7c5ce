import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { findSignalFor } from '../../shared/application/team-signals.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /signals/{signalId}` — everything a worker needs for the first contact (API.md). */
export const handler = apiHandler(OPERATIONS.getSignal, async ({ principal, params }) => {
  const signal = await findSignalFor(principal, params.signalId, 'view', signals);
  logger.info('Signaal geopend', { signalId: signal.signalId, teamId: signal.teamId });
  return jsonResponse(200, toDetail(signal, runtimeClock.now()));
});
