import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { firstContactKpi, kpiTeams } from '../../shared/application/first-contact-kpi.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /metrics/first-contact?from&to[&teamId]` — aggregates only, within the caller's scope (API.md). */
export const handler = apiHandler(OPERATIONS.firstContactMetrics, async ({ principal, query }) => {
  const teams = kpiTeams({ principal, operation: OPERATIONS.firstContactMetrics }, query.teamId);
  return jsonResponse(200, await firstContactKpi(teams, query, runtimeClock.now(), signals));
});
