import type * as z from 'zod';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoAuditTrail } from '../../shared/adapters/dynamodb-audit-trail.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import type { signalListSchema } from '../../shared/api/signal-schemas.ts';
import { auditEntries } from '../../shared/application/team-signals.ts';
import { assertAllowed } from '../../shared/auth/access-policy.ts';
import { formatAmsterdam } from '../../shared/domain/amsterdam-time.ts';
import { toListItem } from '../../shared/domain/signal.ts';
import { isTeamId } from '../../shared/domain/teams.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);
const audit = dynamoAuditTrail(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /teams/{teamId}/signals` — the team inbox, earliest deadline first (API.md). */
export const handler = apiHandler(OPERATIONS.listTeamSignals, async ({ principal, params, query }) => {
  if (!isTeamId(params.teamId)) throw notFound('team-not-found', 'Dit team bestaat niet.');
  assertAllowed(
    principal,
    OPERATIONS.listTeamSignals,
    { teamId: params.teamId },
    { forbidden: 'Geen toegang tot de signalen van dit team.' },
  );
  const now = runtimeClock.now();
  const page = await signals.listForTeam(params.teamId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
    now,
  });
  // The list shows names and addresses: each listed signal gets its audit entry first (P3).
  await audit.record(
    auditEntries(
      { principal, operation: OPERATIONS.listTeamSignals },
      page.items.map((signal) => signal.signalId),
      now,
    ),
  );
  const body: z.input<typeof signalListSchema> = {
    asOf: formatAmsterdam(now),
    items: page.items.map((signal) => toListItem(signal, now)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
  return jsonResponse(200, body);
});
