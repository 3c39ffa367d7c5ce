import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { chunks, inParallel } from '../parallel.ts';

type Item = Record<string, unknown>;
type Key = Record<string, unknown>;

const WRITE_CHUNK = 25;
const GET_CHUNK = 100;
const MAX_ROUNDS = 8;
const PARALLEL_REQUESTS = 4;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter: 50, 100, 200 … ms, so a throttled table gets room. */
const backoff = (round: number) => pause(Math.random() * 50 * 2 ** round);

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

/**
 * Sends write requests 25 at a time. DynamoDB may leave some unprocessed (throttling, partition
 * limits); those are retried with backoff until written — an error only when they never get through.
 */
async function batchRequests(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  await inParallel(
    chunks(requests, WRITE_CHUNK),
    async (chunk) => {
      let pending: WriteRequest[] = chunk;
      for (let round = 0; pending.length > 0; round++) {
        if (round === MAX_ROUNDS) throw new Error(`BatchWrite left ${pending.length} items unprocessed`);
        if (round > 0) await backoff(round);
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      }
    },
    PARALLEL_REQUESTS,
  );
}

/** Puts items in batches. Unconditional: callers only batch what is safe to write twice. */
export function batchWrite(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]) {
  return batchRequests(
    client,
    tableName,
    items.map((item) => ({ PutRequest: { Item: item } })),
  );
}

/** Deletes items by key in batches; deleting what is already gone is fine. */
export function batchDelete(client: DynamoDBDocumentClient, tableName: string, keys: readonly Key[]) {
  return batchRequests(
    client,
    tableName,
    keys.map((key) => ({ DeleteRequest: { Key: key } })),
  );
}

/** Reads items 100 keys at a time, retrying unprocessed keys with backoff. Missing items are absent. */
export async function batchGet(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  projection?: { expression: string; names: Record<string, string> },
): Promise<Item[]> {
  const pages = await inParallel(
    chunks(keys, GET_CHUNK),
    async (chunk) => {
      const found: Item[] = [];
      let pending: Key[] = chunk;
      for (let round = 0; pending.length > 0; round++) {
        if (round === MAX_ROUNDS) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
        if (round > 0) await backoff(round);
        const result = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: {
                Keys: pending,
                ...(projection
                  ? {
                      ProjectionExpression: projection.expression,
                      ExpressionAttributeNames: projection.names,
                    }
                  : {}),
              },
            },
          }),
        );
        found.push(...((result.Responses?.[tableName] ?? []) as Item[]));
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
      }
      return found;
    },
    PARALLEL_REQUESTS,
  );
  return pages.flat();
}

/** Every item a query matches, page by page (for bounded partitions: a receipt, an outbox, a range). */
export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Key | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
