import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sqsPublisher } from '../../shared/adapters/sqs-publisher.ts';

// Issue 7: entries SQS did not take from a SendMessageBatch (throttling, a passing fault) are sent
// again with backoff; none is dropped, and the publisher fails loudly when SQS keeps refusing.
const QUEUE_URL = 'http://127.0.0.1:9324/000000000000/signals';
const sqs = mockClient(SQSClient);
const publisher = sqsPublisher<{ type: string; signalId: string }>(
  new SQSClient({ region: 'eu-west-1' }),
  QUEUE_URL,
);
const message = (n: number) => ({ type: 'care-report', signalId: `s${n}` });

const entries = () =>
  sqs
    .commandCalls(SendMessageBatchCommand)
    .map((call) => call.args[0].input.Entries?.map((entry) => entry.MessageBody));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  sqs.reset();
  vi.useRealTimers();
});

describe('sqsPublisher.publishMany', () => {
  it('sends the Failed entries again, and only those, until SQS has taken every message', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({
        Successful: [{ Id: '0', MessageId: 'm0', MD5OfMessageBody: '' }],
        Failed: [
          { Id: '1', Code: 'ThrottlingException', SenderFault: false },
          { Id: '2', Code: 'InternalError', SenderFault: false },
        ],
      })
      .resolvesOnce({ Failed: [{ Id: '2', Code: 'InternalError', SenderFault: false }] })
      .resolves({ Failed: [] });

    const sent = publisher.publishMany([0, 1, 2].map(message));
    await vi.runAllTimersAsync();
    await sent;

    expect(entries()).toEqual([
      [0, 1, 2].map((n) => JSON.stringify(message(n))),
      [1, 2].map((n) => JSON.stringify(message(n))),
      [JSON.stringify(message(2))],
    ]);
  });

  it('gives up with an error naming how many messages were not sent', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });

    const failed = expect(publisher.publishMany([message(0)])).rejects.toThrow(
      'SendMessageBatch left 1 messages unsent',
    );
    await vi.runAllTimersAsync();
    await failed;

    // The publisher's limit: the first request and five retries.
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(6);
  });
});
