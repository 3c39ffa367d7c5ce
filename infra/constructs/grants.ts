import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { QueueName } from '../../shared/resources.ts';
import type { FunctionDefinition } from '../function-catalog.ts';

export type TableAccess = NonNullable<FunctionDefinition['table']>;

/** Reads by key or through an index: every read in shared/adapters is a Get, BatchGet or Query. */
const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];

/**
 * What each catalog `table` level means in IAM. Nobody gets `dynamodb:Scan` (a stolen role could
 * otherwise read every signal in one call; the sweep reads its sparse index instead, DESIGN D5),
 * nor `DescribeTable` (no code asks the table for its shape) or the stream actions.
 */
export const TABLE_ACTIONS: Readonly<Record<TableAccess, readonly string[]>> = {
  read: TABLE_READ_ACTIONS,
  'read-audited': TABLE_READ_ACTIONS,
  'read-write': [
    ...TABLE_READ_ACTIONS,
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

/** `read-audited`: the audit trail's writes (DESIGN P3), allowed on `AUDIT#…` partitions only. */
export const AUDIT_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'];
export const AUDIT_PARTITIONS = 'AUDIT#*';

/** The resources a catalog entry's permissions refer to. */
export interface CatalogResources {
  readonly table: { readonly tableArn: string };
  /** The customer-managed key behind the table, the queues, the topic and the secrets. */
  readonly encryptionKey: IKey;
  readonly queues: Readonly<Record<QueueName, { readonly queue: IQueue }>>;
  readonly notificationTopic: ITopic;
  readonly householdSecret: ISecret;
  /** X3: the secret that holds the DDAS certificate chain. */
  readonly ddasSigning: { readonly certificateChain: ISecret };
  /** Issue 16: the BRP's API key and client certificate. */
  readonly brpConnection: { readonly apiKey: ISecret; readonly clientCertificate: ISecret };
}

/**
 * Grants a function exactly what its catalog entry asks for, as explicit action lists — the only
 * place where catalog permissions become IAM. CDK's `grant*` helpers are not used here: they add
 * wildcard actions (`kms:GenerateDataKey*`, `kms:ReEncrypt*`) and, for the table, Scan.
 */
export function grantCatalogAccess(
  grantee: IGrantable,
  definition: FunctionDefinition,
  resources: CatalogResources,
): void {
  const allow = (actions: readonly string[], arns: string[]) =>
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...actions], resources: arns }),
    );
  const keyActions = new Set<string>();

  if (definition.table) {
    const { tableArn } = resources.table;
    // Queries go through the GSIs too (TABLE.indexes); IAM names an index only as <table>/index/<name>.
    allow(TABLE_ACTIONS[definition.table], [tableArn, `${tableArn}/index/*`]);
    if (definition.table === 'read-audited') {
      // A function that shows personal data writes who saw it, and nothing else: IAM checks the
      // partition key of every item it puts (dynamodb:LeadingKeys), so it cannot change a signal.
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          actions: AUDIT_WRITE_ACTIONS,
          resources: [tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITIONS] } },
        }),
      );
    }
    // DynamoDB decrypts the table key with the caller's permission; items are then encrypted
    // with that table key, so writing needs no data key of its own.
    keyActions.add('kms:Decrypt');
  }
  const queues = definition.sendsTo ?? [];
  if (queues.length > 0) {
    // SendMessageBatch is authorised as sqs:SendMessage; the SDK code needs no queue attributes.
    allow(
      ['sqs:SendMessage'],
      queues.map((name) => resources.queues[name].queue.queueArn),
    );
    // SQS and SNS encrypt each message under a fresh data key from the customer key.
    keyActions.add('kms:GenerateDataKey').add('kms:Decrypt');
  }
  if (definition.notifies) {
    allow(['sns:Publish'], [resources.notificationTopic.topicArn]);
    keyActions.add('kms:GenerateDataKey').add('kms:Decrypt');
  }
  if (definition.householdSecret) {
    allow(['secretsmanager:GetSecretValue'], [resources.householdSecret.secretArn]);
    keyActions.add('kms:Decrypt');
  }
  if (definition.ddasCertificateChain) {
    allow(['secretsmanager:GetSecretValue'], [resources.ddasSigning.certificateChain.secretArn]);
    keyActions.add('kms:Decrypt');
  }
  if (definition.brp) {
    allow(
      ['secretsmanager:GetSecretValue'],
      [resources.brpConnection.apiKey.secretArn, resources.brpConnection.clientCertificate.secretArn],
    );
    keyActions.add('kms:Decrypt');
  }
  if (keyActions.size > 0) allow([...keyActions].sort(), [resources.encryptionKey.keyArn]);
}
