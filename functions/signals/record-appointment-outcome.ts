import { teamActionDependencies } from '../../shared/adapters/team-action-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { changeSignalAndHousehold } from '../../shared/application/team-actions.ts';
import { recordAppointmentOutcome } from '../../shared/domain/appointments.ts';
import { toDetail } from '../../shared/domain/signal.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const deps = teamActionDependencies();

/**
 * `POST /signals/{signalId}/appointments/{appointmentId}` — held (a reached contact at its start,
 * A1/D3), missed or cancelled (the ladder resumes where it was, A2). The household learns of it as
 * of a contact attempt: a picked-up signal is kept from its last activity (P1).
 */
export const handler = apiHandler(
  OPERATIONS.recordAppointmentOutcome,
  async ({ principal, params, body }) => {
    const now = deps.clock.now();
    const signal = await changeSignalAndHousehold(
      { principal, operation: OPERATIONS.recordAppointmentOutcome },
      params.signalId,
      deps,
      (current) => recordAppointmentOutcome(current, params.appointmentId, body.status, principal.id, now),
    );
    logger.info('Afspraak afgerond', {
      signalId: signal.signalId,
      appointmentId: params.appointmentId,
      status: body.status,
      firstContactInTime: signal.firstContactInTime,
    });
    return jsonResponse(200, toDetail(signal, now));
  },
);
