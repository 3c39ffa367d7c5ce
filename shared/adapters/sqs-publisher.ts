import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Publisher } from '../application/ports.ts';

/** SQS allows 10 entries and 256 KB per SendMessageBatch; stay a little under the byte limit. */
const MAX_ENTRIES = 10;
const MAX_BATCH_BYTES = 240 * 1024;
const MAX_ROUNDS = 6;
const PARALLEL_REQUESTS = 3;

/** What every queued message has: a type, and for single-signal messages its id. */
interface QueueMessage {
  readonly type: string;
  readonly signalId?: string;
}

// Ids and type only: attributes show up in consoles and traces, bodies do not (P2).
function attributes(message: QueueMessage) {
  return {
    type: { DataType: 'String', StringValue: message.type },
    ...(message.signalId ? { signalId: { DataType: 'String', StringValue: message.signalId } } : {}),
  };
}

interface Entry {
  readonly Id: string;
  readonly MessageBody: string;
  readonly MessageAttributes: ReturnType<typeof attributes>;
}

/** Groups messages into SendMessageBatch requests within the entry and size limits. */
function batches(messages: readonly QueueMessage[]): Entry[][] {
  const result: Entry[][] = [];
  let current: Entry[] = [];
  let bytes = 0;
  for (const message of messages) {
    const body = JSON.stringify(message);
    const size = Buffer.byteLength(body);
    if (current.length === MAX_ENTRIES || (current.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ Id: String(current.length), MessageBody: body, MessageAttributes: attributes(message) });
    bytes += size;
  }
  if (current.length) result.push(current);
  return result;
}

/** Puts messages on an SQS queue: intake on `signals`, the sweep on `escalations` (DESIGN §2). */
export function sqsPublisher<M extends QueueMessage>(client: SQSClient, queueUrl: string): Publisher<M> {
  return {
    async publish(message) {
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(message),
          MessageAttributes: attributes(message),
        }),
      );
    },

    async publishMany(messages) {
      const queue = batches(messages);
      // A few requests in flight: a large upload answers sooner; SQS takes far more than this.
      const sender = async () => {
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          // Entries SQS did not take (throttling, a passing fault) are sent again; none is dropped.
          let pending = batch;
          for (let round = 0; pending.length > 0; round++) {
            if (round === MAX_ROUNDS)
              throw new Error(`SendMessageBatch left ${pending.length} messages unsent`);
            if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
            const result = await client.send(
              new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }),
            );
            const failed = new Set((result.Failed ?? []).map((failure) => failure.Id));
            pending = pending.filter((entry) => failed.has(entry.Id));
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, sender));
    },
  };
}
