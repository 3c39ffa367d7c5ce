// `npm run redrive`: moves every message from the dead-letter queues back to their source queues
// (DESIGN D4: a failed delivery ends in the DLQ, never lost, and is sent again once fixed).
// Locally it finds the running `npm start` through DATA_DIR/runtime.json. Against AWS, set QUEUE_URL
// and DLQ_URL (standard credentials), or use SQS's own redrive (StartMessageMoveTask, console).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { QUEUES } from '../shared/resources.ts';

export interface RedriveResult {
  readonly queue: string;
  readonly moved: number;
}

/**
 * Receives from each DLQ in batches, sends the bodies (and attributes) to the source queue, then
 * deletes them from the DLQ — a message is only deleted once it is safely on the source queue.
 */
export async function redriveDeadLetters(
  sqs: SQSClient,
  pairs: readonly { name: string; queueUrl: string; dlqUrl: string }[],
) {
  const results: RedriveResult[] = [];
  for (const { name, queueUrl, dlqUrl } of pairs) {
    let moved = 0;
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: dlqUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          MessageAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) break;
      const sent = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((message, index) => ({
            Id: String(index),
            MessageBody: message.Body ?? '',
            ...(message.MessageAttributes ? { MessageAttributes: message.MessageAttributes } : {}),
          })),
        }),
      );
      const failed = new Set((sent.Failed ?? []).map((failure) => failure.Id));
      const done = Messages.filter((_, index) => !failed.has(String(index)));
      if (done.length) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: dlqUrl,
            Entries: done.map((message, index) => ({
              Id: String(index),
              ReceiptHandle: message.ReceiptHandle as string,
            })),
          }),
        );
      }
      moved += done.length;
      if (failed.size)
        throw new Error(`${failed.size} messages could not be sent back to ${name}; they stay in its DLQ`);
    }
    results.push({ queue: name, moved });
  }
  return results;
}

function report(results: readonly RedriveResult[]): void {
  for (const { queue, moved } of results) console.log(`${queue}: ${moved} bericht(en) uit de DLQ teruggezet`);
}

async function main() {
  const { QUEUE_URL, DLQ_URL } = process.env;
  if (QUEUE_URL && DLQ_URL) {
    const sqs = new SQSClient({});
    report(await redriveDeadLetters(sqs, [{ name: QUEUE_URL, queueUrl: QUEUE_URL, dlqUrl: DLQ_URL }]));
    sqs.destroy();
    return;
  }
  const runtimeFile = join(resolve(process.env.DATA_DIR ?? '.data'), 'runtime.json');
  if (!existsSync(runtimeFile)) {
    console.error(
      `Geen lokale runtime gevonden (${runtimeFile}): start eerst npm start, of zet QUEUE_URL en DLQ_URL.`,
    );
    process.exit(1);
  }
  const { sqs: endpoint } = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { sqs: string };
  const sqs = new SQSClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const url = async (QueueName: string) =>
    (await sqs.send(new GetQueueUrlCommand({ QueueName }))).QueueUrl as string;
  const pairs = [];
  for (const definition of Object.values(QUEUES)) {
    pairs.push({
      name: definition.name,
      queueUrl: await url(definition.name),
      dlqUrl: await url(definition.deadLetterName),
    });
  }
  report(await redriveDeadLetters(sqs, pairs));
  sqs.destroy();
}

if (import.meta.main) await main();
