import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { batchDelete, batchGet, batchWrite } from '../../shared/adapters/dynamodb-batch.ts';

// Issue 7, acceptance 3: what DynamoDB leaves unprocessed (throttling, partition limits) is sent
// again with exponential backoff until it is written or read — and an error, not silence, when it
// never gets through. The same against dynalite, with injected faults: test/integration/fault-tolerance.
const TABLE = 'buurtsignaal';
const ddb = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
/** The helper's limit: the first request and seven retries. */
const MAX_ROUNDS = 8;

const item = (n: number) => ({ pk: `SIGNAL#s${n}`, sk: 'SIGNAL', signalId: `s${n}` });
const put = (n: number) => ({ PutRequest: { Item: item(n) } });
const key = (n: number) => ({ pk: `SIGNAL#s${n}`, sk: 'SIGNAL' });

/** The delays the helper waited, in order (Math.random fixed at 0.5: the middle of the jitter). */
let timeout: MockInstance<typeof setTimeout>;
const waits = () => timeout.mock.calls.map((call) => call[1] as number);

/** Runs `work` to the end, skipping its backoff pauses on the fake clock. */
async function settle<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return work;
}

beforeEach(() => {
  vi.useFakeTimers();
  timeout = vi.spyOn(globalThis, 'setTimeout');
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

afterEach(() => {
  ddb.reset();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('batchWrite', () => {
  it('sends again what DynamoDB left unprocessed, twice, until none is left: three calls, the last with exactly the leftovers', async () => {
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put(2), put(4), put(5)] } })
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put(4)] } })
      .resolves({ UnprocessedItems: {} });

    await settle(batchWrite(client, TABLE, [1, 2, 3, 4, 5].map(item)));

    const requests = ddb
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]);
    expect(requests).toEqual([[1, 2, 3, 4, 5].map(put), [put(2), put(4), put(5)], [put(4)]]);
  });

  it('backs off before each retry, and longer each round (50, 100 … ms, with jitter)', async () => {
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put(1)] } })
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put(1)] } })
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put(1)] } })
      .resolves({});

    await settle(batchWrite(client, TABLE, [item(1)]));

    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(4);
    expect(waits()).toEqual([50, 100, 200]);
  });

  it('does not wait when everything was written at once', async () => {
    ddb.on(BatchWriteCommand).resolves({});

    await settle(batchWrite(client, TABLE, [item(1), item(2)]));

    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(1);
    expect(waits()).toEqual([]);
  });

  it('gives up with a clear error when items stay unprocessed for every round', async () => {
    ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: { [TABLE]: [put(1), put(2)] } });

    const failed = expect(batchWrite(client, TABLE, [item(1), item(2), item(3)])).rejects.toThrow(
      'BatchWrite left 2 items unprocessed',
    );
    await vi.runAllTimersAsync();
    await failed;

    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(MAX_ROUNDS);
  });

  it('retries per chunk of 25: only the chunk with leftovers is sent again', async () => {
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put(30)] } })
      .resolves({});
    const items = Array.from({ length: 40 }, (_, n) => item(n));

    await settle(batchWrite(client, TABLE, items));

    const sizes = ddb
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]?.length);
    expect(sizes).toEqual([25, 15, 1]);
  });

  it('batchDelete retries unprocessed deletes the same way', async () => {
    const remove = (n: number) => ({ DeleteRequest: { Key: key(n) } });
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [remove(2)] } })
      .resolves({});

    await settle(batchDelete(client, TABLE, [key(1), key(2)]));

    const requests = ddb
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]);
    expect(requests).toEqual([[remove(1), remove(2)], [remove(2)]]);
  });
});

describe('batchGet', () => {
  const projection = { expression: 'signalId, #status', names: { '#status': 'status' } };

  it('reads unprocessed keys again until none is left, keeping what each round found', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { [TABLE]: [item(1)] },
        UnprocessedKeys: { [TABLE]: { Keys: [key(2), key(3)] } },
      })
      .resolvesOnce({ Responses: { [TABLE]: [item(3)] }, UnprocessedKeys: { [TABLE]: { Keys: [key(2)] } } })
      .resolves({ Responses: { [TABLE]: [item(2)] } });

    const found = await settle(batchGet(client, TABLE, [key(1), key(2), key(3)], projection));

    const requests = ddb
      .commandCalls(BatchGetCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]);
    expect(requests.map((request) => request?.Keys)).toEqual([
      [key(1), key(2), key(3)],
      [key(2), key(3)],
      [key(2)],
    ]);
    // Every round reads with the caller's projection.
    for (const request of requests) {
      expect(request).toMatchObject({
        ProjectionExpression: 'signalId, #status',
        ExpressionAttributeNames: projection.names,
      });
    }
    expect(found).toEqual([item(1), item(3), item(2)]);
    expect(waits()).toEqual([50, 100]);
  });

  it('gives up with a clear error when keys stay unprocessed for every round', async () => {
    ddb
      .on(BatchGetCommand)
      .resolves({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [key(1)] } } });

    const failed = expect(batchGet(client, TABLE, [key(1)])).rejects.toThrow(
      'BatchGet left 1 keys unprocessed',
    );
    await vi.runAllTimersAsync();
    await failed;

    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(MAX_ROUNDS);
  });
});
