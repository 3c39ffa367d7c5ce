import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  MESSAGE_RETENTION_SECONDS,
  METRICS_NAMESPACE,
  type QueueDefinition,
  SERVICE_NAME,
  visibilityTimeoutSeconds,
} from '../../shared/resources.ts';

export interface MonitoredQueueProps {
  readonly definition: QueueDefinition;
  /** The service's customer-managed key: queued messages carry personal data. */
  readonly encryptionKey: IKey;
}

/**
 * The age past which a message cannot be explained by retries: even one that fails at every receive
 * has gone to the DLQ after `maxReceiveCount` visibility timeouts. One timeout more, and the
 * consumer is not receiving at all (stopped, throttled, its event source mapping disabled).
 */
export function oldestMessageThresholdSeconds(definition: QueueDefinition): number {
  return (definition.maxReceiveCount + 1) * visibilityTimeoutSeconds(definition);
}

/**
 * A work queue with its dead-letter queue and three alarms: on the DLQ's depth, on the consumer's
 * count of records failing their last try, and on the age of the oldest message waiting. Shaped by a
 * `QueueDefinition` from shared/resources.ts (the local runtime creates the same pair). The stack
 * sends every alarm to its alarm topic; docs/operations.md says what each means and what to do.
 */
export class MonitoredQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly deadLetteredAlarm: Alarm;
  readonly oldestMessageAlarm: Alarm;

  constructor(scope: Construct, id: string, props: MonitoredQueueProps) {
    super(scope, id);
    const { definition, encryptionKey } = props;
    const alarmName = (suffix: string) => `${Stack.of(this).stackName}-${definition.name}-${suffix}`;
    const encryption = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
      // Both keep a message two weeks (SQS's maximum): DESIGN D4, a failing delivery ends in the DLQ,
      // never lost, and a stopped consumer must not lose the work queue's messages sooner.
      retentionPeriod: Duration.seconds(MESSAGE_RETENTION_SECONDS),
    };

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', encryption);

    // Visibility of six times the consumer's timeout (AWS guidance for Lambda event sources), so a
    // batch still being retried inside one invocation never becomes visible to a second one.
    this.queue = new Queue(this, 'Queue', {
      ...encryption,
      visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(definition)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });

    // Any message in the DLQ is a signal that was not routed or an escalation not delivered.
    this.deadLetterAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
      .createAlarm(this, 'DeadLetterAlarm', {
        alarmName: alarmName('dlq'),
        alarmDescription: `Berichten in de dead-letter queue van '${definition.name}': onderzoeken en opnieuw aanbieden (docs/operations.md).`,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    // The consumer's own count (shared/dead-letter-metric.ts), emitted as its last try fails: it
    // names the failing message id in the function's log next to it, where the depth does not.
    this.deadLetteredAlarm = new Alarm(this, 'DeadLetteredAlarm', {
      alarmName: alarmName('dead-lettered'),
      alarmDescription: `De verwerker van '${definition.name}' gaf een bericht op (${definition.deadLetteredMetric}): zie het message id in de log, herstel en bied opnieuw aan (docs/operations.md).`,
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: definition.deadLetteredMetric,
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Sum',
        period: Duration.minutes(1),
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // A consumer that does not receive at all never fails a record, so neither alarm above goes off
    // (a throttled event source may even move messages to the DLQ without the handler seeing them).
    // The age of the oldest message shows it, long before the retention above runs out.
    const oldestMessageThreshold = oldestMessageThresholdSeconds(definition);
    this.oldestMessageAlarm = this.queue
      .metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'OldestMessageAlarm', {
        alarmName: alarmName('oldest-message'),
        alarmDescription: `Het oudste bericht in '${definition.name}' wacht langer dan ${Math.round(oldestMessageThreshold / 60)} minuten: de verwerker haalt niets op (docs/operations.md).`,
        threshold: oldestMessageThreshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}
