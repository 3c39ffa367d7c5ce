import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type ConsumedCapacity,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCapacityMeter } from '../../bench/capacity-meter.ts';
import { itemSize } from '../../bench/capacity-units.ts';
import { ensureTable, type LocalServer, startDynalite } from '../../infra/local/local-dynamodb.ts';
import { LOCAL_REGION } from '../../infra/local/local-sqs.ts';
import { instrumentable } from '../../shared/adapters/aws-clients.ts';
import { TABLE } from '../../shared/resources.ts';
import { mulberry32 } from './support/seeded-random.ts';

// Issue 13: the bench's capacity meter (bench/capacity-meter.ts, its arithmetic in
// bench/capacity-units.ts) against an independent oracle — dynalite's own ConsumedCapacity
// (ReturnConsumedCapacity TOTAL), request by request. dynalite prices the base table (and, for a
// query on an index, the entries it read there) but no index writes: those are checked by hand in
// test/unit/capacity-units. Items near the 1 KB and 4 KB boundaries, of every attribute type the
// service stores; ASCII only, as dynalite counts a string's characters, not its UTF-8 bytes.
const TABLE_NAME = 'oracle';
const { inbox, awaitingContact, retention } = TABLE.indexes;
let server: LocalServer;
let client: DynamoDBClient;
let meter: ReturnType<typeof startCapacityMeter>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'capacity-oracle-'));
  server = await startDynalite(join(dataDir, 'dynamodb'));
  client = instrumentable(
    new DynamoDBClient({
      region: LOCAL_REGION,
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  await ensureTable(client, TABLE_NAME);
  meter = startCapacityMeter({ endpoint: server.endpoint, region: LOCAL_REGION, table: TABLE });
});

afterAll(async () => {
  meter?.stop();
  client?.destroy();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const next = mulberry32(13);
type Item = Record<string, AttributeValue>;
const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number): AttributeValue => ({ N: String(value) });

/** A signal-like item of about `bytes` bytes, with the index keys the service gives one. */
function signal(id: number, bytes: number, { awaiting = true, team = 'bt-west' } = {}): Item {
  const item: Item = {
    pk: S(`SIGNAL#s${id}`),
    sk: S('SIGNAL'),
    type: S('signal'),
    amount: N(Math.round(next() * 1e6) / 100),
    version: N(1 + Math.floor(next() * 3)),
    expiresAt: N(1_790_000_000 + id),
    delta: N(-12.5),
    threatening: { BOOL: next() < 0.5 },
    outcome: { NULL: true },
    flags: { L: [S('meervoudig'), S('vroegsignaal')] },
    person: { M: { initials: S('J.'), surname: S('Jansen'), birthDate: S('1970-01-01') } },
    [inbox.partitionKey]: S(`TEAM#${team}#open`),
    [inbox.sortKey]: S(`2026-12-0${1 + (id % 9)}T22:59:59.999Z#s${id}`),
    [retention.partitionKey]: S(`SHARD#${id % 4}`),
    [retention.sortKey]: S(`2027-06-01T00:00:00.000Z#s${id}`),
    ...(awaiting
      ? {
          [awaitingContact.partitionKey]: S(`SHARD#${id % 4}`),
          [awaitingContact.sortKey]: S(`2026-12-08T08:00:00.000Z#s${id}#1`),
        }
      : {}),
  };
  // `summary` (7 bytes of name) pads the item to the size asked for.
  return { ...item, summary: S('x'.repeat(Math.max(0, bytes - itemSize(item) - 7))) };
}
const keyOf = (id: number) => ({ pk: S(`SIGNAL#s${id}`), sk: S('SIGNAL') });

const capacity = (consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) =>
  [consumed ?? []].flat().reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
const units = (totals: ReturnType<typeof meter.totals>) => ({
  wru: totals.wru.table,
  rru: totals.rru.table + Object.values(totals.rru.indexes).reduce((sum, value) => sum + value, 0),
});

/** Sends one request; the meter's base-table units for it must equal dynalite's. */
async function agrees(
  label: string,
  command: { input: object },
  kind: 'wru' | 'rru',
): Promise<{ meter: number; dynalite: number }> {
  const before = units(meter.totals());
  const result = (await client.send(command as never)) as { ConsumedCapacity?: ConsumedCapacity };
  const after = units(meter.totals());
  const measured = { meter: after[kind] - before[kind], dynalite: capacity(result.ConsumedCapacity) };
  expect(measured, label).toEqual({ meter: measured.dynalite, dynalite: measured.dynalite });
  return measured;
}

const TOTAL = { ReturnConsumedCapacity: 'TOTAL' } as const;
const SIZES = [300, 1020, 1024, 1030, 2047, 2049, 3500, 4090, 4100, 8200];

describe('capacity meter against dynalite’s ConsumedCapacity (base table)', () => {
  it('new items, replacements, updates and deletes', async () => {
    for (const [index, bytes] of SIZES.entries()) {
      await agrees(
        `put ${bytes}`,
        new PutItemCommand({ TableName: TABLE_NAME, Item: signal(index, bytes), ...TOTAL }),
        'wru',
      );
    }
    // Replacing with a larger and with a smaller item: the larger of the two.
    await agrees(
      'put larger',
      new PutItemCommand({ TableName: TABLE_NAME, Item: signal(0, 2100), ...TOTAL }),
      'wru',
    );
    await agrees(
      'put smaller',
      new PutItemCommand({ TableName: TABLE_NAME, Item: signal(3, 200), ...TOTAL }),
      'wru',
    );
    await agrees(
      'update grows',
      new UpdateItemCommand({
        TableName: TABLE_NAME,
        Key: keyOf(1),
        UpdateExpression: 'SET summary = :summary, version = version + :one',
        ExpressionAttributeValues: { ':summary': S('y'.repeat(3000)), ':one': N(1) },
        ...TOTAL,
      }),
      'wru',
    );
    await agrees(
      'update leaves the sparse index',
      new UpdateItemCommand({
        TableName: TABLE_NAME,
        Key: keyOf(2),
        UpdateExpression: 'REMOVE #pk, #sk',
        ExpressionAttributeNames: { '#pk': awaitingContact.partitionKey, '#sk': awaitingContact.sortKey },
        ...TOTAL,
      }),
      'wru',
    );
    await agrees('delete', new DeleteItemCommand({ TableName: TABLE_NAME, Key: keyOf(4), ...TOTAL }), 'wru');
    await agrees(
      'delete of nothing',
      new DeleteItemCommand({ TableName: TABLE_NAME, Key: keyOf(99), ...TOTAL }),
      'wru',
    );
  });

  it('a batch of puts and deletes', async () => {
    const requests = [
      ...[20, 21, 22, 23].map((id, index) => ({
        PutRequest: { Item: signal(id, SIZES[index * 2] as number) },
      })),
      ...[5, 98].map((id) => ({ DeleteRequest: { Key: keyOf(id) } })),
      { PutRequest: { Item: signal(6, 1500, { awaiting: false }) } },
    ];
    await agrees(
      'batch write',
      new BatchWriteItemCommand({ RequestItems: { [TABLE_NAME]: requests }, ...TOTAL }),
      'wru',
    );
  });

  it('reads: GetItem, BatchGetItem with misses, queries on the table and on the indexes', async () => {
    for (const id of [0, 1, 7, 9, 99]) {
      await agrees(
        `get ${id}`,
        new GetItemCommand({ TableName: TABLE_NAME, Key: keyOf(id), ...TOTAL }),
        'rru',
      );
      await agrees(
        `consistent get ${id}`,
        new GetItemCommand({ TableName: TABLE_NAME, Key: keyOf(id), ConsistentRead: true, ...TOTAL }),
        'rru',
      );
    }
    await agrees(
      'get with a projection',
      new GetItemCommand({ TableName: TABLE_NAME, Key: keyOf(9), ProjectionExpression: 'version', ...TOTAL }),
      'rru',
    );
    await agrees(
      'batch get',
      new BatchGetItemCommand({
        RequestItems: { [TABLE_NAME]: { Keys: [0, 1, 7, 8, 9, 97, 98].map(keyOf) } },
        ...TOTAL,
      }),
      'rru',
    );
    await agrees(
      'batch get with a projection',
      new BatchGetItemCommand({
        RequestItems: { [TABLE_NAME]: { Keys: [0, 8, 97].map(keyOf), ProjectionExpression: 'amount' } },
        ...TOTAL,
      }),
      'rru',
    );
    await agrees(
      'query on the table',
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': S('SIGNAL#s9') },
        ConsistentRead: true,
        ...TOTAL,
      }),
      'rru',
    );
    for (const index of [inbox, retention, awaitingContact]) {
      for (const limit of [undefined, 3]) {
        await agrees(
          `query ${index.name} (limit ${limit}) with a filter`,
          new QueryCommand({
            TableName: TABLE_NAME,
            IndexName: index.name,
            KeyConditionExpression: '#pk = :pk',
            FilterExpression: 'attribute_not_exists(firstContactAt)',
            ExpressionAttributeNames: { '#pk': index.partitionKey },
            ExpressionAttributeValues: {
              ':pk': S(index === inbox ? 'TEAM#bt-west#open' : 'SHARD#1'),
            },
            Limit: limit,
            ...TOTAL,
          }),
          'rru',
        );
      }
    }
    await agrees(
      'count on the inbox',
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: inbox.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': inbox.partitionKey },
        ExpressionAttributeValues: { ':pk': S('TEAM#bt-west#open') },
        Select: 'COUNT',
        ...TOTAL,
      }),
      'rru',
    );
  });

  it('prices every request it saw', () => {
    expect(meter.totals().unpriced).toEqual({});
  });
});
