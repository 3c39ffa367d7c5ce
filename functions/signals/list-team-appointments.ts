import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoAuditTrail } from '../../shared/adapters/dynamodb-audit-trail.ts';
import { dynamoTeamCalendar } from '../../shared/adapters/dynamodb-team-calendar.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { teamAppointments } from '../../shared/application/team-calendar.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const calendar = dynamoTeamCalendar(dynamoDocumentClient(), env.TABLE_NAME);
const audit = dynamoAuditTrail(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /teams/{teamId}/appointments?from&to` — the team's planned first conversations (API.md, A1). */
export const handler = apiHandler(OPERATIONS.listTeamAppointments, async ({ principal, params, query }) => {
  const caller = { principal, operation: OPERATIONS.listTeamAppointments };
  return jsonResponse(
    200,
    await teamAppointments(caller, params.teamId, query, runtimeClock.now(), { calendar, audit }),
  );
});
