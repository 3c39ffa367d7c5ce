import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dynamoDocumentClient, sqs } from '../../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import { loadHouseholdSecret } from '../../shared/adapters/household-secret.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { sqsSignalPublisher } from '../../shared/adapters/sqs-signal-publisher.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { MAX_ENERGY_BATCH } from '../../shared/api/partner-intake-schemas.ts';
import { receiveEnergyDebts } from '../../shared/application/energy-debt-intake.ts';
import { newUploadId } from '../../shared/domain/ids.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { HttpError, jsonResponse } from '../../shared/http/http-error.ts';
import { logger, metrics } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.partnerIntake);
const deps = {
  signals: dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME),
  uploads: dynamoUploadStore(dynamoDocumentClient(), env.TABLE_NAME),
  publisher: sqsSignalPublisher(sqs(), env.SIGNALS_QUEUE_URL),
  secret: await loadHouseholdSecret(env),
  clock: runtimeClock,
  newUploadId,
};

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
