import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import type { PartnerUploadDependencies } from '../application/partner-upload.ts';
import { systemTimer } from '../domain/clock.ts';
import { newUploadId } from '../domain/ids.ts';
import type { ENVIRONMENTS } from '../environments.ts';
import type { UploadContinuationMessage } from '../messages.ts';
import { logger } from '../observability.ts';
import { dynamoDocumentClient, sqs } from './aws-clients.ts';
import { dynamoIdempotencyStore } from './dynamodb-idempotency-store.ts';
import { dynamoOutstandingIntake } from './dynamodb-outstanding-intake.ts';
import { dynamoSignalStates } from './dynamodb-signal-states.ts';
import { dynamoUploadFileStore } from './dynamodb-upload-file-store.ts';
import { dynamoUploadStore } from './dynamodb-upload-store.ts';
import { loadHouseholdSecret } from './household-secret.ts';
import { runtimeClock } from './runtime-clock.ts';
import { sqsPublisher } from './sqs-publisher.ts';

type PartnerIntakeEnvironment = z.output<(typeof ENVIRONMENTS)['partnerIntake']>;

/**
 * What the partner uploads and their continuation work with, built once per instance. `planners`:
 * the kinds of file this function reads (an upload route its own; the continuation every kind), so
 * a route's bundle holds only its own parser.
 */
export async function partnerIntakeDependencies(
  env: PartnerIntakeEnvironment,
  planners: PartnerUploadDependencies['planners'],
): Promise<PartnerUploadDependencies> {
  const client = dynamoDocumentClient();
  return {
    signals: dynamoSignalStates(client, env.TABLE_NAME),
    uploads: dynamoUploadStore(client, env.TABLE_NAME),
    files: dynamoUploadFileStore(client, env.TABLE_NAME),
    outstanding: dynamoOutstandingIntake(client, env.TABLE_NAME),
    idempotency: dynamoIdempotencyStore(client, env.TABLE_NAME),
    publisher: sqsPublisher(sqs(), env.SIGNALS_QUEUE_URL),
    continuations: sqsPublisher<UploadContinuationMessage>(sqs(), env.UPLOADS_QUEUE_URL),
    planners,
    secret: await loadHouseholdSecret(env),
    clock: runtimeClock,
    timer: systemTimer,
    newUploadId,
    settings: { reconcileAfterMs: Number(env.RECONCILE_AFTER_MS), leaseMarginMs: 10_000 },
    log: (message, details) => logger.info(message, details),
  };
}

/**
 * Until when (real time) this invocation may work before it must answer: the configured budget, and
 * never closer than `reserveMs` to the function's own timeout (the answer must still leave).
 */
export function workDeadline(budgetMs: number, context: Context, reserveMs = 3_000): number {
  return systemTimer.now() + Math.max(0, Math.min(budgetMs, context.getRemainingTimeInMillis() - reserveMs));
}
