import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoAuditTrail } from '../../shared/adapters/dynamodb-audit-trail.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { readAuditTrail } from '../../shared/application/audit-trail-view.ts';
import { assertAllowed, decide } from '../../shared/auth/access-policy.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.teamSignals);
const signals = dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME);
const audit = dynamoAuditTrail(dynamoDocumentClient(), env.TABLE_NAME);
const operation = OPERATIONS.getSignalAudit;

/**
 * `GET /signals/{signalId}/audit` — who saw or changed a signal, newest first (DESIGN P3): the
 * coordinator of the signal's team, and admins. Each entry says who in words, and a worker's
 * repeated views in the inbox count as one entry per visit (issue 15). The trail outlives the
 * signal (P1 deletes only the personal data); once the signal is gone its team is unknown, so then
 * only admins may read it.
 */
export const handler = apiHandler(operation, async ({ principal, params, query }) => {
  const signal = await signals.get(params.signalId);
  const resource = { teamId: signal?.teamId };
  // A gone signal refused is 404, not 403: whether an id ever existed is not everyone's to learn.
  if (!signal && decide(principal, operation, resource) !== 'allow') {
    throw notFound('signal-not-found', 'Dit signaal bestaat niet (meer).');
  }
  assertAllowed(principal, operation, resource, {
    forbidden: 'Alleen de coördinator van het team van dit signaal mag het auditspoor inzien.',
  });
  // Issue 15: who in words, inbox views folded per visit (audit-trail-view.ts).
  const page = await readAuditTrail(params.signalId, { limit: query.limit, cursor: query.cursor }, audit);
  if (!signal && page.items.length === 0 && !query.cursor) {
    throw notFound('signal-not-found', 'Van dit signaal is niets bekend.');
  }
  return jsonResponse(200, page);
});
