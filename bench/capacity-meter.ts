// The DynamoDB request units the service consumes, per table and index, measured on the real
// requests (issue 13). A middleware on every instrumentable SDK client (the seam of
// shared/adapters/aws-clients.ts) sees each DynamoDB request; for a write it reads the items before
// and after with a raw client of its own (not instrumented, so never counted itself) and prices the
// change with bench/capacity-units.ts — dynalite's own ConsumedCapacity ignores indexes. Writes to
// one key are serialised by the meter, so each before/after pair is exact.
//
// The extra reads slow the service down: run this in a pass of its own, never in a timed one.
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type AttributeValue as SdkAttributeValue,
} from '@aws-sdk/client-dynamodb';
import { addSdkMiddleware } from '../shared/adapters/aws-clients.ts';
import {
  asItem,
  failedWriteUnits,
  getReadUnits,
  type Item,
  indexEntry,
  itemSize,
  queryReadUnits,
  type TableShape,
  type Units,
  writeUnits,
} from './capacity-units.ts';

interface Tally {
  wru: number;
  rru: number;
}

export interface CapacityTotals {
  /** Write request units on the base table and per index. */
  readonly wru: { table: number; indexes: Record<string, number> };
  /** Read request units on the base table and per index (queries on an index). */
  readonly rru: { table: number; indexes: Record<string, number> };
  /** By kind of item: the key's prefixes, `SIGNAL/SIGNAL`, `HOUSEHOLD/SUMMARY`, … */
  readonly byKind: Record<string, Tally>;
  /** By Lambda function (the local runtime's invocation), `harness` outside any. */
  readonly byFunction: Record<string, Tally>;
  /** Items that did not exist before and do after, by kind and `type`: `SIGNAL/SIGNAL:signal`, … */
  readonly created: Record<string, number>;
  /** Requests the meter cannot price (Scan, transactions, PartiQL): should stay empty. */
  readonly unpriced: Record<string, number>;
  /** Bytes written: items by kind, and entries per index (summed, with their count). */
  readonly written: Record<string, { bytes: number; count: number }>;
}

const emptyTotals = (): CapacityTotals => ({
  wru: { table: 0, indexes: {} },
  rru: { table: 0, indexes: {} },
  byKind: {},
  byFunction: {},
  created: {},
  unpriced: {},
  written: {},
});

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;
/** The SDK's type of the same low-level item. */
const sdk = (item: Item) => item as Record<string, SdkAttributeValue>;

/** The constant part of a key: `SIGNAL#…` → `SIGNAL`; a key without one (a date) → `*`. */
const prefix = (value: AttributeString | undefined) =>
  /^[A-Z][A-Z_-]*/.exec(String(value?.S ?? ''))?.[0] ?? '*';
type AttributeString = { S?: string } | undefined;

export interface CapacityMeterOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly table: TableShape;
  /** Which function a request belongs to (the local runtime's current invocation). */
  readonly functionName?: () => string | undefined;
}

/** Starts metering; `totals()` is everything since, `stop()` takes the middleware off. */
export function startCapacityMeter(options: CapacityMeterOptions) {
  const { table } = options;
  const raw = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const totals = emptyTotals();
  const locks = new Map<string, Promise<void>>();

  const keyOf = (item: Item) => ({
    [table.partitionKey]: item[table.partitionKey] as Item[string],
    [table.sortKey]: item[table.sortKey] as Item[string],
  });
  const keyText = (tableName: string, key: Item) =>
    `${tableName}\u0000${key[table.partitionKey]?.S}\u0000${key[table.sortKey]?.S}`;
  const kindOf = (key: Item) =>
    `${prefix(key[table.partitionKey] as AttributeString)}/${prefix(key[table.sortKey] as AttributeString)}`;

  /** Sizes of what a write left: the item, and its entry in each index that holds it. */
  function countWritten(key: Item, item: Item | undefined) {
    if (!item) return;
    const sizes: [string, number][] = [[kindOf(key), itemSize(item)]];
    for (const index of Object.values(table.indexes)) {
      const entry = indexEntry(item, index, table);
      if (entry) sizes.push([`index:${index.name}`, itemSize(entry)]);
    }
    for (const [name, bytes] of sizes) {
      const tally = totals.written[name] ?? { bytes: 0, count: 0 };
      tally.bytes += bytes;
      tally.count += 1;
      totals.written[name] = tally;
    }
  }

  function countCreated(key: Item, item: Item) {
    const name = `${kindOf(key)}${item.type?.S ? `:${item.type.S}` : ''}`;
    totals.created[name] = (totals.created[name] ?? 0) + 1;
  }

  function add(kind: string, wru: Units | undefined, rru: Units | undefined) {
    const functionName = options.functionName?.() ?? 'harness';
    let w = 0;
    let r = 0;
    if (wru) {
      totals.wru.table += wru.table;
      w += wru.table;
      for (const [name, units] of Object.entries(wru.indexes)) {
        totals.wru.indexes[name] = (totals.wru.indexes[name] ?? 0) + units;
        w += units;
      }
    }
    if (rru) {
      totals.rru.table += rru.table;
      r += rru.table;
      for (const [name, units] of Object.entries(rru.indexes)) {
        totals.rru.indexes[name] = (totals.rru.indexes[name] ?? 0) + units;
        r += units;
      }
    }
    for (const [map, name] of [
      [totals.byKind, kind],
      [totals.byFunction, functionName],
    ] as const) {
      const tally = map[name] ?? { wru: 0, rru: 0 };
      tally.wru += w;
      tally.rru += r;
      map[name] = tally;
    }
  }

  /** Runs `work` holding the locks of these keys (taken in order, so two writers never deadlock). */
  async function withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: (() => void)[] = [];
    for (const key of sorted) {
      const previous = locks.get(key) ?? Promise.resolve();
      let release!: () => void;
      const current = new Promise<void>((resolve) => {
        release = resolve;
      });
      const chained = previous.then(() => current);
      locks.set(key, chained);
      await previous;
      releases.push(() => {
        release();
        if (locks.get(key) === chained) locks.delete(key);
      });
    }
    try {
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  async function readItems(tableName: string, keys: readonly Item[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    for (let start = 0; start < keys.length; start += 100) {
      let pending = keys.slice(start, start + 100);
      while (pending.length) {
        const result = await raw.send(
          new BatchGetItemCommand({
            RequestItems: { [tableName]: { Keys: pending.map(sdk), ConsistentRead: true } },
          }),
        );
        for (const item of (result.Responses?.[tableName] ?? []) as Item[]) {
          found.set(keyText(tableName, item), item);
        }
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Item[];
      }
    }
    return found;
  }

  async function readItem(tableName: string, key: Item): Promise<Item | undefined> {
    const { Item: item } = await raw.send(
      new GetItemCommand({ TableName: tableName, Key: sdk(key), ConsistentRead: true }),
    );
    return item as Item | undefined;
  }

  /** One write of one item (Put, Update, Delete), with its before and after. */
  async function meterWrite(tableName: string, key: Item, send: () => Promise<unknown>) {
    return withLocks([keyText(tableName, key)], async () => {
      const before = await readItem(tableName, key);
      try {
        const result = await send();
        const after = await readItem(tableName, key);
        add(kindOf(key), writeUnits(before, after, table), undefined);
        countWritten(key, after);
        if (!before && after) countCreated(key, after);
        return result;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') {
          add(kindOf(key), failedWriteUnits(before), undefined);
        }
        throw error;
      }
    });
  }

  async function meterBatchWrite(input: Input, send: () => Promise<{ output: Output }>) {
    const requestItems = (input.RequestItems ?? {}) as Record<
      string,
      { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]
    >;
    const writes = Object.entries(requestItems).flatMap(([tableName, requests]) =>
      requests.map((request) => ({
        tableName,
        key: request.PutRequest ? keyOf(request.PutRequest.Item) : (request.DeleteRequest?.Key as Item),
      })),
    );
    return withLocks(
      writes.map((write) => keyText(write.tableName, write.key)),
      async () => {
        const before = new Map<string, Item>();
        for (const [tableName, requests] of Object.entries(requestItems)) {
          for (const [key, item] of await readItems(
            tableName,
            requests.map((r) => (r.PutRequest ? keyOf(r.PutRequest.Item) : (r.DeleteRequest?.Key as Item))),
          ))
            before.set(key, item);
        }
        const result = await send();
        const unprocessed = new Set(
          Object.entries((result.output.UnprocessedItems ?? {}) as typeof requestItems).flatMap(
            ([tableName, requests]) =>
              requests.map((r) =>
                keyText(
                  tableName,
                  r.PutRequest ? keyOf(asItem(r.PutRequest.Item)) : asItem(r.DeleteRequest?.Key ?? {}),
                ),
              ),
          ),
        );
        for (const [tableName, requests] of Object.entries(requestItems)) {
          for (const request of requests) {
            const key = request.PutRequest
              ? keyOf(request.PutRequest.Item)
              : (request.DeleteRequest?.Key as Item);
            const text = keyText(tableName, key);
            if (unprocessed.has(text)) continue;
            const old = before.get(text);
            const next = request.PutRequest?.Item;
            add(kindOf(key), writeUnits(old, next, table), undefined);
            countWritten(key, next);
            if (!old && next) countCreated(key, next);
          }
        }
        return result;
      },
    );
  }

  /** GetItem: the item read (in full, whatever the projection), the minimum when nothing was found. */
  async function meterGet(input: Input, output: Output) {
    const tableName = input.TableName as string;
    const key = input.Key as Item;
    const found = output.Item as Record<string, unknown> | undefined;
    const item =
      found && input.ProjectionExpression ? await readItem(tableName, key) : found && asItem(found);
    add(kindOf(key), undefined, { table: getReadUnits(item, input.ConsistentRead === true), indexes: {} });
  }

  async function meterBatchGet(input: Input, output: Output) {
    const requestItems = (input.RequestItems ?? {}) as Record<
      string,
      { Keys: Item[]; ProjectionExpression?: string; ConsistentRead?: boolean }
    >;
    const responses = (output.Responses ?? {}) as Record<string, Record<string, unknown>[]>;
    const unprocessedKeys = (output.UnprocessedKeys ?? {}) as Record<
      string,
      { Keys: Record<string, unknown>[] }
    >;
    for (const [tableName, request] of Object.entries(requestItems)) {
      const unprocessed = new Set(
        (unprocessedKeys[tableName]?.Keys ?? []).map((key) => keyText(tableName, asItem(key))),
      );
      // A projection may leave the keys out of what came back: then every key is read again in full.
      const found = request.ProjectionExpression
        ? await readItems(
            tableName,
            request.Keys.filter((key) => !unprocessed.has(keyText(tableName, key))),
          )
        : new Map((responses[tableName] ?? []).map(asItem).map((item) => [keyText(tableName, item), item]));
      for (const key of request.Keys) {
        const text = keyText(tableName, key);
        if (unprocessed.has(text)) continue;
        add(kindOf(key), undefined, {
          table: getReadUnits(found.get(text), request.ConsistentRead === true),
          indexes: {},
        });
      }
    }
  }

  /**
   * Query: what it read is replayed without filter or projection (the same key condition, start
   * key, direction and as many items as it scanned), and their summed size priced.
   */
  async function meterQuery(input: Input, output: Output) {
    const scanned = Number(output.ScannedCount ?? 0);
    const condition = String(input.KeyConditionExpression ?? '');
    const names = Object.fromEntries(
      Object.entries((input.ExpressionAttributeNames ?? {}) as Record<string, string>).filter(([name]) =>
        condition.includes(name),
      ),
    );
    const values = Object.fromEntries(
      Object.entries((input.ExpressionAttributeValues ?? {}) as Item).filter(([name]) =>
        new RegExp(`${name}(?![A-Za-z0-9_])`).test(condition),
      ),
    );
    let items: Item[] = [];
    if (scanned > 0) {
      const replay: QueryCommandInput = {
        TableName: input.TableName as string,
        IndexName: input.IndexName as string | undefined,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: sdk(values),
        ExclusiveStartKey: input.ExclusiveStartKey ? sdk(input.ExclusiveStartKey as Item) : undefined,
        ScanIndexForward: input.ScanIndexForward as boolean | undefined,
        ConsistentRead: input.IndexName ? undefined : (input.ConsistentRead as boolean | undefined),
        Limit: scanned,
      };
      items = ((await raw.send(new QueryCommand(replay))).Items ?? []) as Item[];
    }
    const consistent = !input.IndexName && input.ConsistentRead === true;
    const units = queryReadUnits(items, consistent);
    const indexName = input.IndexName as string | undefined;
    const kind = indexName
      ? `query:${indexName}`
      : `query:${prefix(values[Object.keys(values)[0] ?? ''] as AttributeString)}`;
    add(
      kind,
      undefined,
      indexName ? { table: 0, indexes: { [indexName]: units } } : { table: units, indexes: {} },
    );
  }

  const remove = addSdkMiddleware(
    // biome-ignore lint/suspicious/noExplicitAny: the middleware sees every client's commands.
    (next: any, context: any) => async (args: any) => {
      if (context.clientName !== 'DynamoDBClient') return next(args);
      const command = String(context.commandName ?? '');
      const input = (args.input ?? {}) as Input;
      const send = () => next(args);
      switch (command) {
        case 'PutItemCommand': {
          const item = input.Item as Item;
          return meterWrite(input.TableName as string, keyOf(item), send);
        }
        case 'UpdateItemCommand':
        case 'DeleteItemCommand':
          return meterWrite(input.TableName as string, input.Key as Item, send);
        case 'BatchWriteItemCommand':
          return meterBatchWrite(input, send);
        case 'GetItemCommand': {
          const result = await send();
          await meterGet(input, result.output ?? {});
          return result;
        }
        case 'BatchGetItemCommand': {
          const result = await send();
          await meterBatchGet(input, result.output ?? {});
          return result;
        }
        case 'QueryCommand': {
          const result = await send();
          await meterQuery(input, result.output ?? {});
          return result;
        }
        case 'CreateTableCommand':
        case 'DescribeTableCommand':
          return send();
        default:
          totals.unpriced[command] = (totals.unpriced[command] ?? 0) + 1;
          return send();
      }
    },
    // Inside the retry loop, after serialisation: each attempt that gets through is priced.
    { name: 'benchCapacityMeter', step: 'finalizeRequest', priority: 'low' },
  );

  return {
    totals: (): CapacityTotals => structuredClone(totals),
    stop() {
      remove();
      raw.destroy();
    },
  };
}
