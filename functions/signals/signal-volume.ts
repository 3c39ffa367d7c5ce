import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { kpiTeams, signalVolume } from '../../shared/application/first-contact-kpi.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /metrics/signal-volume?from&to[&teamId]` — aggregates only, within the caller's scope. */
export const handler = apiHandler(OPERATIONS.signalVolume, async ({ principal, query }) =>
  jsonResponse(
    200,
    await signalVolume(
      kpiTeams({ principal, operation: OPERATIONS.signalVolume }, query.teamId),
      query,
      signals,
    ),
  ),
);
