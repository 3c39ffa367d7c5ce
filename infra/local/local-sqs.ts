import type { AddressInfo } from 'node:net';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createSqsServer } from 'local-aws-sqs';
import {
  MESSAGE_RETENTION_SECONDS,
  QUEUES,
  type QueueDefinition,
  type QueueName,
  visibilityTimeoutSeconds,
} from '../../shared/resources.ts';
import type { LocalServer } from './local-dynamodb.ts';

export const LOCAL_REGION = 'eu-west-1';
export const LOCAL_ACCOUNT = '000000000000';

/** local-aws-sqs (the SQS JSON protocol, with DLQ redrive) on a loopback port. In memory. */
export async function startLocalSqs(port = 0): Promise<LocalServer> {
  const server = await createSqsServer({
    port,
    hostname: '127.0.0.1',
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT,
    emulateQueueCreationLifecycle: false,
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface LocalQueue {
  readonly definition: QueueDefinition;
  readonly url: string;
  readonly arn: string;
  readonly deadLetterUrl: string;
}

async function queueArn(client: SQSClient, url: string): Promise<string> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.QueueArn as string;
}

/**
 * Creates each queue and its DLQ with the redrive policy, visibility timeout and retention the CDK
 * stack uses.
 */
export async function ensureQueue(client: SQSClient, definition: QueueDefinition): Promise<LocalQueue> {
  const retention = { MessageRetentionPeriod: String(MESSAGE_RETENTION_SECONDS) };
  const dlq = await client.send(
    new CreateQueueCommand({ QueueName: definition.deadLetterName, Attributes: retention }),
  );
  const deadLetterUrl = dlq.QueueUrl as string;
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: definition.name,
      Attributes: {
        ...retention,
        VisibilityTimeout: String(visibilityTimeoutSeconds(definition)),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArn(client, deadLetterUrl),
          maxReceiveCount: definition.maxReceiveCount,
        }),
      },
    }),
  );
  const url = queue.QueueUrl as string;
  return { definition, url, arn: await queueArn(client, url), deadLetterUrl };
}

export async function ensureQueues(client: SQSClient): Promise<Record<QueueName, LocalQueue>> {
  const entries = await Promise.all(
    (Object.keys(QUEUES) as QueueName[]).map(
      async (name) => [name, await ensureQueue(client, QUEUES[name])] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<QueueName, LocalQueue>;
}
