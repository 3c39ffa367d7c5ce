import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { assertAllowed } from '../../shared/auth/access-policy.ts';
import { isTeamId } from '../../shared/domain/teams.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /teams/{teamId}/signal-counts` — the numbers on the inbox tabs. */
export const handler = apiHandler(OPERATIONS.countTeamSignals, async ({ principal, params }) => {
  if (!isTeamId(params.teamId)) throw notFound('team-not-found', 'Dit team bestaat niet.');
  assertAllowed(
    principal,
    OPERATIONS.countTeamSignals,
    { teamId: params.teamId },
    { forbidden: 'Geen toegang tot de signalen van dit team.' },
  );
  return jsonResponse(200, await signals.countForTeam(params.teamId, runtimeClock.now()));
});
