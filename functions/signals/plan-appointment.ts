import { randomUUID } from 'node:crypto';
import { teamActionDependencies } from '../../shared/adapters/team-action-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { changeSignal } from '../../shared/application/team-signals.ts';
import { planAppointment } from '../../shared/domain/appointments.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const deps = teamActionDependencies();

/**
 * `POST /signals/{signalId}/appointments` — the first conversation planned (DESIGN A1). Audited like
 * every team action (P3); an own-request appointment after the deadline takes the signal out of the
 * sweep's index until it ends (A2, D5), through the signal's own write.
 */
export const handler = apiHandler(OPERATIONS.planAppointment, async ({ principal, params, body }) => {
  const now = deps.clock.now();
  const appointmentId = `afs_${randomUUID()}`;
  const signal = await changeSignal(
    { principal, operation: OPERATIONS.planAppointment },
    params.signalId,
    deps,
    (current) =>
      planAppointment(
        current,
        { ...body, startsAt: new Date(body.startsAt) },
        principal.id,
        now,
        appointmentId,
      ),
  );
  logger.info('Afspraak gepland', {
    signalId: signal.signalId,
    appointmentId,
    opVerzoekInwoner: body.opVerzoekInwoner,
  });
  return jsonResponse(201, toDetail(signal, now));
});
