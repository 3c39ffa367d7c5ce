import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSRecord } from 'aws-lambda';
import { logger, metrics } from './observability.ts';
import type { QueueDefinition } from './resources.ts';

/**
 * Wraps a queue consumer's work on one record. When the record fails at its last receive — the
 * queue's redrive policy moves it to the DLQ next (DESIGN D4: never lost, but someone must look) —
 * it counts the queue's `deadLetteredMetric`, which the stack alarms on, and logs the message id
 * and receive count: nothing of the body or the error, which may quote personal data (P2). The
 * error is rethrown, so the record still fails and SQS moves it.
 */
export function countDeadLetters(
  queue: QueueDefinition,
  work: (record: SQSRecord) => Promise<void>,
): (record: SQSRecord) => Promise<void> {
  return async (record) => {
    try {
      await work(record);
    } catch (error) {
      const receiveCount = Number(record.attributes.ApproximateReceiveCount);
      if (receiveCount >= queue.maxReceiveCount) {
        metrics.addMetric(queue.deadLetteredMetric, MetricUnit.Count, 1);
        logger.error('Bericht gaat naar de dead-letter queue', { messageId: record.messageId, receiveCount });
      }
      throw error;
    }
  };
}
