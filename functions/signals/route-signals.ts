import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, sqs } from '../../shared/adapters/aws-clients.ts';
import { brpFromEnvironment } from '../../shared/adapters/brp-dependencies.ts';
import { dynamoHouseholdStore } from '../../shared/adapters/dynamodb-household-store.ts';
import { dynamoOutstandingIntake } from '../../shared/adapters/dynamodb-outstanding-intake.ts';
import { dynamoReceiptStore } from '../../shared/adapters/dynamodb-receipt-store.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import { loadHouseholdSecret } from '../../shared/adapters/household-secret.ts';
import { sqsPublisher } from '../../shared/adapters/sqs-publisher.ts';
import type { EscalationMessage } from '../../shared/application/ports.ts';
import { routeSignalMessage } from '../../shared/application/route-signal.ts';
import { countDeadLetters, isLastAttempt } from '../../shared/dead-letter-metric.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { signalMessageSchema } from '../../shared/messages.ts';
import { logger, metrics } from '../../shared/observability.ts';
import { QUEUES } from '../../shared/resources.ts';

const env = parseEnvironment(ENVIRONMENTS.routeSignals);
const deps = {
  signals: dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME),
  receipts: dynamoReceiptStore(dynamoDocumentClient(), env.TABLE_NAME),
  households: dynamoHouseholdStore(dynamoDocumentClient(), env.TABLE_NAME),
  uploads: dynamoUploadStore(dynamoDocumentClient(), env.TABLE_NAME),
  outstanding: dynamoOutstandingIntake(dynamoDocumentClient(), env.TABLE_NAME),
  calendar: municipalCalendar,
  secret: await loadHouseholdSecret(env),
  escalations: sqsPublisher<EscalationMessage>(sqs(), env.ESCALATIONS_QUEUE_URL),
  brp: await brpFromEnvironment(env, dynamoDocumentClient(), 'buurtsignaal-routering'),
};

// Records that fail to parse or to route are reported as batch item failures: SQS redelivers just
// those, and after maxReceiveCount they land in the DLQ (DESIGN D4: never lost), counted as
// SignalDeadLettered at their last try so the alarm goes off at once. The body is parsed
// with our own zod schema rather than the Powertools parser integration, whose schemas import all of
// zod's locales and would add some 400 KB to the bundle.
const processor = new BatchProcessor(EventType.SQS, { logger });

const METRIC_BY_RESULT = {
  routed: 'SignalRouted',
  'not-routed': 'SignalNotRouted',
  updated: 'SignalUpdated',
  'already-routed': 'SignalRedelivered',
} as const;

const routeRecord = countDeadLetters(QUEUES.signals, async (record: SQSRecord): Promise<void> => {
  const message = signalMessageSchema.parse(JSON.parse(record.body));
  // At the last try an item that cannot be stored is recorded as failed (I1), then the DLQ.
  const outcomes = await routeSignalMessage(message, deps, {
    lastAttempt: isLastAttempt(QUEUES.signals, record),
  });
  const counts: Record<string, number> = {};
  for (const [result, list] of Map.groupBy(outcomes, (outcome) => outcome.result)) {
    metrics.addMetric(METRIC_BY_RESULT[result], MetricUnit.Count, list.length);
    counts[result] = list.length;
  }
  // Ids and codes only (P2): a single care report logs its decision, a pack of debt signals its counts.
  const detail = outcomes.length === 1 ? outcomes[0] : { results: counts };
  logger.info('Signaal verwerkt', { messageId: record.messageId, type: message.type, ...detail });
});

/** Consumer of the `signals` queue: consent (C2), routing (R1–R6), due date (D2), store. */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, routeRecord, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
