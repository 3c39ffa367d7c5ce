import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSRecord } from 'aws-lambda';
import { errorCodeOf } from './error-code.ts';
import { logger, metrics } from './observability.ts';
import type { QueueDefinition } from './resources.ts';

/**
 * Wraps a queue consumer's work on one record. When the record fails at its last receive — the
 * queue's redrive policy moves it to the DLQ next (DESIGN D4: never lost, but someone must look) —
 * it counts the queue's `deadLetteredMetric`, which the stack alarms on, and logs the message id,
 * the receive count and the error's code (e.g. ValidationException): never the body or the error's
 * message, which may quote personal data (P2). The error is rethrown, so the record still fails and
 * SQS moves it.
 */
export function countDeadLetters(
  queue: QueueDefinition,
  work: (record: SQSRecord, context?: Context) => Promise<void>,
): (record: SQSRecord, context?: Context) => Promise<void> {
  return async (record, context) => {
    try {
      await work(record, context);
    } catch (error) {
      const receiveCount = Number(record.attributes.ApproximateReceiveCount);
      if (receiveCount >= queue.maxReceiveCount) {
        metrics.addMetric(queue.deadLetteredMetric, MetricUnit.Count, 1);
        logger.error('Bericht gaat naar de dead-letter queue', {
          messageId: record.messageId,
          receiveCount,
          errorCode: errorCodeOf(error),
        });
      }
      throw error;
    }
  };
}

/** Whether this delivery is the record's last before the DLQ (I1: then a failure is recorded). */
export function isLastAttempt(queue: QueueDefinition, record: SQSRecord): boolean {
  return Number(record.attributes.ApproximateReceiveCount) >= queue.maxReceiveCount;
}
