import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  partnerIntakeDependencies,
  workDeadline,
} from '../../shared/adapters/partner-intake-dependencies.ts';
import { planEnergyDebts } from '../../shared/application/energy-debt-intake.ts';
import { continueUpload } from '../../shared/application/partner-upload.ts';
import { planRentArrears } from '../../shared/application/rent-arrears-intake.ts';
import { countDeadLetters } from '../../shared/dead-letter-metric.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { uploadContinuationSchema } from '../../shared/messages.ts';
import { logger, metrics } from '../../shared/observability.ts';
import { QUEUES } from '../../shared/resources.ts';

const env = parseEnvironment(ENVIRONMENTS.partnerIntake);
const deps = await partnerIntakeDependencies(env, {
  'rent-arrears': planRentArrears,
  'energy-debts': planEnergyDebts,
});
const processor = new BatchProcessor(EventType.SQS, { logger });

const METRIC_BY_RESULT = {
  busy: 'UploadContinuationBusy',
  abandoned: 'UploadAbandoned',
  complete: 'UploadCompleted',
  decided: 'UploadDecided',
  continued: 'UploadContinuedAgain',
} as const;

/** Room left at the end of the invocation for handing what remains back to the queue. */
const RESERVE_MS = 20_000;

const continueRecord = countDeadLetters(QUEUES.uploads, async (record: SQSRecord, context?: Context) => {
  const parsed = uploadContinuationSchema.parse(JSON.parse(record.body));
  // A retry also sends on what an earlier try decided but may not have published (I1).
  const message = {
    ...parsed,
    republish: parsed.republish || Number(record.attributes.ApproximateReceiveCount) > 1,
  };
  const deadline = context
    ? workDeadline(Number.POSITIVE_INFINITY, context, RESERVE_MS)
    : Date.now() + 60_000;
  const result = await continueUpload(message, deps, deadline);
  metrics.addMetric(METRIC_BY_RESULT[result], MetricUnit.Count, 1);
  logger.info('Aanlevering voortgezet', { messageId: record.messageId, uploadId: message.uploadId, result });
});

/**
 * Consumer of the `uploads` queue (DESIGN I1): decides the packs an upload left past its time
 * budget, re-sends packs the reconciler found unrouted, and finishes the receipt. One upload per
 * invocation; a failure is retried, then waits in the DLQ (alarm) while the reconciler keeps it.
 */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, continueRecord, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
