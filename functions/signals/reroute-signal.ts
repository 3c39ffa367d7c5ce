import { teamActionDependencies } from '../../shared/adapters/team-action-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { changeSignalAndHousehold } from '../../shared/application/team-actions.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { reroute } from '../../shared/domain/team-actions.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const deps = teamActionDependencies();

/** `POST /signals/{signalId}/reroute` — to another team, deadline unchanged, history kept (API.md). */
export const handler = apiHandler(OPERATIONS.rerouteSignal, async ({ principal, params, body }) => {
  const now = deps.clock.now();
  const signal = await changeSignalAndHousehold(
    { principal, operation: OPERATIONS.rerouteSignal },
    params.signalId,
    deps,
    (current) => reroute(current, body.teamId, body.reason, principal.id, now),
  );
  logger.info('Signaal doorgezet', { signalId: signal.signalId, teamId: signal.teamId });
  return jsonResponse(200, toDetail(signal, now));
});
