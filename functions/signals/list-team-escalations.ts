import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoEscalationStore } from '../../shared/adapters/dynamodb-escalation-store.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { assertAllowed } from '../../shared/auth/access-policy.ts';
import { isTeamId } from '../../shared/domain/teams.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const escalations = dynamoEscalationStore(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /teams/{teamId}/escalations` — coordinators and managers of the team, newest first (D4). */
export const handler = apiHandler(OPERATIONS.listTeamEscalations, async ({ principal, params, query }) => {
  if (!isTeamId(params.teamId)) throw notFound('team-not-found', 'Dit team bestaat niet.');
  assertAllowed(
    principal,
    OPERATIONS.listTeamEscalations,
    { teamId: params.teamId },
    { forbidden: 'Geen toegang tot de escalaties van dit team.' },
  );
  const page = await escalations.listForTeam(params.teamId, { limit: query.limit, cursor: query.cursor });
  return jsonResponse(200, {
    items: page.items.map(({ signalId, level, at, recipient }) => ({ signalId, level, at, recipient })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
});
