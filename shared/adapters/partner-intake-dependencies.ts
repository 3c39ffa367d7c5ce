import type * as z from 'zod';
import type { RentArrearsDependencies } from '../application/rent-arrears-intake.ts';
import { newUploadId } from '../domain/ids.ts';
import type { ENVIRONMENTS } from '../environments.ts';
import { dynamoDocumentClient, sqs } from './aws-clients.ts';
import { dynamoSignalRepository } from './dynamodb-signal-repository.ts';
import { dynamoUploadStore } from './dynamodb-upload-store.ts';
import { loadHouseholdSecret } from './household-secret.ts';
import { runtimeClock } from './runtime-clock.ts';
import { sqsPublisher } from './sqs-publisher.ts';

/** What both partner-intake handlers (rent arrears, energy debts) work with, built once per instance. */
export async function partnerIntakeDependencies(
  env: z.output<(typeof ENVIRONMENTS)['partnerIntake']>,
): Promise<RentArrearsDependencies> {
  return {
    signals: dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME),
    uploads: dynamoUploadStore(dynamoDocumentClient(), env.TABLE_NAME),
    publisher: sqsPublisher(sqs(), env.SIGNALS_QUEUE_URL),
    secret: await loadHouseholdSecret(env),
    clock: runtimeClock,
    newUploadId,
  };
}
