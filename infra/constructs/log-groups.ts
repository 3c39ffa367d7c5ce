import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey, Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * Kept three months: enough to follow an incident up. The logs hold ids and codes, never personal
 * data (DESIGN P2), but the access log and the function logs name workers' token subjects and
 * partners' IP addresses, so they are not kept longer than that (and not the year Control Tower's
 * CT.CLOUDWATCH.PR.2 asks for: acknowledged in nag-acknowledgements.ts). The audit trail (P3) is
 * the long-term record, in the table.
 */
export const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * A log group of the service, encrypted with the customer-managed key that protects the table and
 * the queues: whoever can revoke that key can make the logs unreadable too. The key must let
 * CloudWatch Logs use it (`allowLogEncryption`).
 */
export function encryptedLogGroup(scope: Construct, id: string, encryptionKey: IKey): LogGroup {
  return new LogGroup(scope, id, { retention: LOG_RETENTION, encryptionKey });
}

/**
 * The key policy statement CloudWatch Logs needs to encrypt and decrypt a log group's events with
 * the key (AWS: "Encrypt log data in CloudWatch Logs using AWS KMS"): the regional logs service,
 * and only for log groups of this account and region — CloudWatch Logs names the log group in the
 * encryption context of every call.
 */
export function allowLogEncryption(key: Key): void {
  const { account, partition, region } = Stack.of(key);
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchLogsOfThisAccount',
      principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*`,
        },
      },
    }),
  );
}
