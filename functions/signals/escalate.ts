import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { dynamoDocumentClient, withoutSdkLogging } from '../../shared/adapters/aws-clients.ts';
import { dynamoEscalationStore } from '../../shared/adapters/dynamodb-escalation-store.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { outboxNotifier, snsNotifier } from '../../shared/adapters/notifiers.ts';
import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import { escalate } from '../../shared/application/escalations.ts';
import { countDeadLetters } from '../../shared/dead-letter-metric.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { logger, metrics } from '../../shared/observability.ts';
import { QUEUES } from '../../shared/resources.ts';

const env = parseEnvironment(ENVIRONMENTS.escalate);
const client = dynamoDocumentClient();
const deps = {
  signals: dynamoSignalRepository(client, env.TABLE_NAME),
  escalations: dynamoEscalationStore(client, env.TABLE_NAME),
  notifier:
    env.NOTIFIER === 'sns'
      ? snsNotifier(withoutSdkLogging(new SNSClient({})), env.NOTIFICATION_TOPIC_ARN as string)
      : outboxNotifier(client, env.TABLE_NAME),
  clock: runtimeClock,
  calendar: municipalCalendar,
};

const messageSchema = z.object({
  type: z.literal('escalation'),
  signalId: z.string().min(1),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

const processor = new BatchProcessor(EventType.SQS, { logger });

// A record failing at its last try counts as EscalationDeadLettered: a coordinator was not told.
const escalateRecord = countDeadLetters(QUEUES.escalations, async (record: SQSRecord): Promise<void> => {
  const message = messageSchema.parse(JSON.parse(record.body));
  const result = await escalate(message, record.messageId, deps);
  // Not `level`: Powertools reserves that key for the log level and would drop the escalation's.
  logger.info('Escalatie verwerkt', { signalId: message.signalId, escalationLevel: message.level, result });
  if (result === 'escalated') metrics.addMetric(`EscalatedLevel${message.level}`, MetricUnit.Count, 1);
});

/**
 * Consumer of the `escalations` queue (DESIGN D4): each (signal, level) is notified exactly once.
 * Failed records are retried, then wait in the DLQ for `npm run redrive`.
 */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, escalateRecord, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
  .use(logMetrics(metrics));
