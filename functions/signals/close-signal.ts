import { teamActionDependencies } from '../../shared/adapters/team-action-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { changeSignalAndHousehold } from '../../shared/application/team-actions.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { close } from '../../shared/domain/team-actions.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const deps = teamActionDependencies();

/**
 * `POST /signals/{signalId}/close` — with a DDAS outcome code (O1); stops any escalation. Also how
 * Veilig Thuis takes a forward into handling (C2, issue 15): `doorgezet-veilig-thuis` on a forward.
 */
export const handler = apiHandler(OPERATIONS.closeSignal, async ({ principal, params, body }) => {
  const now = deps.clock.now();
  const signal = await changeSignalAndHousehold(
    { principal, operation: OPERATIONS.closeSignal },
    params.signalId,
    deps,
    (current) => close(current, body.outcome, principal, now),
  );
  logger.info('Signaal afgesloten', { signalId: signal.signalId, outcome: body.outcome });
  return jsonResponse(200, toDetail(signal, now));
});
