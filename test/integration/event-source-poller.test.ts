import { ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSourcePoller } from '../../infra/local/event-source-poller.ts';
import type { LocalServer } from '../../infra/local/local-dynamodb.ts';
import { ensureQueue, LOCAL_REGION, type LocalQueue, startLocalSqs } from '../../infra/local/local-sqs.ts';

// The local poller must behave like a Lambda SQS event source mapping with ReportBatchItemFailures:
// only failed records come back, a record failing maxReceiveCount times goes to the DLQ, nothing is
// lost — against local-aws-sqs over HTTP with the real SDK client.
let server: LocalServer;
let sqs: SQSClient;

beforeAll(async () => {
  server = await startLocalSqs();
  sqs = new SQSClient({
    region: LOCAL_REGION,
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
});

afterAll(async () => {
  sqs?.destroy();
  await server?.close();
});

async function queueFor(name: string): Promise<LocalQueue> {
  return ensureQueue(sqs, {
    name,
    deadLetterName: `${name}-dlq`,
    maxReceiveCount: 3,
    batchSize: 10,
    consumerTimeoutSeconds: 5,
    deadLetteredMetric: 'TestDeadLettered',
  });
}

async function send(queue: LocalQueue, bodies: string[]) {
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queue.url,
      Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
    }),
  );
}

async function drainDlq(queue: LocalQueue): Promise<string[]> {
  const result = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queue.deadLetterUrl, MaxNumberOfMessages: 10 }),
  );
  return (result.Messages ?? []).map((message) => message.Body as string);
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A handler that records each delivery and fails the records its `fails` rule picks. */
function recordingHandler(fails: (body: string, attempt: number) => boolean) {
  const deliveries: string[] = [];
  const batchSizes: number[] = [];
  const handler = async (event: SQSEvent) => {
    batchSizes.push(event.Records.length);
    const failures = [];
    for (const record of event.Records) {
      deliveries.push(record.body);
      const attempt = deliveries.filter((body) => body === record.body).length;
      if (fails(record.body, attempt)) failures.push({ itemIdentifier: record.messageId });
    }
    return { batchItemFailures: failures };
  };
  return { handler, deliveries, batchSizes };
}

function startPoller(queue: LocalQueue, handler: (event: SQSEvent) => Promise<unknown>) {
  const poller = new EventSourcePoller({
    sqs,
    queueUrl: queue.url,
    queueArn: queue.arn,
    functionName: 'TestConsumer',
    handler: handler as never,
    batchSize: 10,
    timeoutSeconds: 5,
    retryDelaySeconds: 1,
    concurrency: 1,
  });
  poller.start();
  return poller;
}

const count = (list: string[], value: string) => list.filter((item) => item === value).length;

describe('event-source poller', () => {
  it('redelivers only the failed record of a batch; the others are delivered once', async () => {
    const queue = await queueFor('partial');
    const { handler, deliveries, batchSizes } = recordingHandler(
      (body, attempt) => body === 'flaky' && attempt === 1,
    );
    await send(queue, ['a', 'b', 'flaky', 'c', 'd']);

    const poller = startPoller(queue, handler);
    await until(() => count(deliveries, 'flaky') === 2);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // room for any wrong redelivery
    await poller.stop();

    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(10);
    expect(['a', 'b', 'c', 'd'].map((body) => count(deliveries, body))).toEqual([1, 1, 1, 1]);
    expect(count(deliveries, 'flaky')).toBe(2);
    expect(poller.inFlight).toBe(0);
    expect(await drainDlq(queue)).toEqual([]);
  });

  it('a record failing maxReceiveCount times lands in the DLQ; nothing is lost', async () => {
    const queue = await queueFor('poison');
    const { handler, deliveries } = recordingHandler((body) => body === 'poison');
    await send(queue, ['ok-1', 'poison', 'ok-2']);

    const poller = startPoller(queue, handler);
    await until(() => count(deliveries, 'poison') === 3);
    const dead: string[] = [];
    await until(async () => {
      dead.push(...(await drainDlq(queue)));
      return dead.length > 0;
    });
    await poller.stop();

    expect(count(deliveries, 'poison')).toBe(3);
    expect(dead).toEqual(['poison']);
    expect([count(deliveries, 'ok-1'), count(deliveries, 'ok-2')]).toEqual([1, 1]);
  });

  it('a handler that throws fails the whole batch: every record comes back', async () => {
    const queue = await queueFor('crash');
    const deliveries: string[] = [];
    let crashed = false;
    const handler = async (event: SQSEvent) => {
      for (const record of event.Records) deliveries.push(record.body);
      if (!crashed) {
        crashed = true;
        throw new Error('consumer crashed mid-batch');
      }
      return { batchItemFailures: [] };
    };
    await send(queue, ['x', 'y']);

    const poller = startPoller(queue, handler);
    await until(() => count(deliveries, 'x') === 2 && count(deliveries, 'y') === 2);
    await poller.stop();

    expect(await drainDlq(queue)).toEqual([]);
  });
});
