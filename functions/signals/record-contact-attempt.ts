import { teamActionDependencies } from '../../shared/adapters/team-action-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { changeSignalAndHousehold } from '../../shared/application/team-actions.ts';
import { recordContactAttempt } from '../../shared/domain/contact-attempts.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const deps = teamActionDependencies();

/**
 * `POST /signals/{signalId}/contact-attempts` — the first reached contact stops the clock (D3). The
 * household learns of it too: a picked-up signal is kept until 12 months after its last activity
 * (P1), and so is its household entry (M3's open case).
 */
export const handler = apiHandler(OPERATIONS.recordContactAttempt, async ({ principal, params, body }) => {
  const now = deps.clock.now();
  const attempt = { ...body, at: body.at ? new Date(body.at) : undefined };
  const signal = await changeSignalAndHousehold(
    { principal, operation: OPERATIONS.recordContactAttempt },
    params.signalId,
    deps,
    (current) => recordContactAttempt(current, attempt, principal.id, now),
  );
  logger.info('Contactpoging vastgelegd', {
    signalId: signal.signalId,
    kind: body.kind,
    reached: body.reached,
    firstContactInTime: signal.firstContactInTime,
  });
  return jsonResponse(201, toDetail(signal, now));
});
