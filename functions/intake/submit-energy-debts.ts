import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { partnerIntakeDependencies } from '../../shared/adapters/partner-intake-dependencies.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { MAX_ENERGY_BATCH } from '../../shared/api/partner-intake-schemas.ts';
import { receiveEnergyDebts } from '../../shared/application/energy-debt-intake.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { HttpError, jsonResponse } from '../../shared/http/http-error.ts';
import { logger, metrics } from '../../shared/observability.ts';

const deps = await partnerIntakeDependencies(parseEnvironment(ENVIRONMENTS.partnerIntake));

/** `POST /intake/energy-debts` — Werk & Inkomen (API.md, DESIGN I1, I3–I6). */
export const handler = apiHandler(OPERATIONS.submitEnergyDebts, async ({ principal, body }) => {
  if (body.signals.length > MAX_ENERGY_BATCH) {
    throw new HttpError(
      413,
      'batch-too-large',
      `Een batch bevat hoogstens ${MAX_ENERGY_BATCH} signalen; deze bevat er ${body.signals.length}. Splits de batch.`,
    );
  }
  const receipt = await receiveEnergyDebts(body, { source: principal.scope }, deps);
  logger.info('Energieschulden ontvangen', { uploadId: receipt.uploadId, ...receipt.counts });
  metrics.addMetric('PartnerRowsReceived', MetricUnit.Count, receipt.counts.received);
  return jsonResponse(202, receipt);
});
