import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DdasRecordSource } from '../application/ddas-gegevens.ts';
import type { CalendarDate } from '../domain/amsterdam-time.ts';
import type { Clock } from '../domain/clock.ts';
import type { DdasRecord } from '../domain/ddas-delivery.ts';
import { epochSeconds, isExpired } from '../domain/retention.ts';
import { inParallel } from '../parallel.ts';
import { TABLE } from '../resources.ts';
import { batchGet, queryAll } from './dynamodb-batch.ts';
import { fromStoredItem, receivedPartition } from './dynamodb-signal-repository.ts';
import { runtimeClock } from './runtime-clock.ts';

const { received } = TABLE.indexes;
const SHARDS = Array.from({ length: received.shards }, (_, shard) => shard);
/** Days counted at once: a month is 31 days × 4 shards of small COUNT queries. */
const PARALLEL_DAYS = 8;

type Entry = Record<string, unknown>;

/**
 * The DDAS delivery's records from the `received` index (DESIGN X1–X2, issue 14). Counting reads
 * the period's index entries (keys and expiry, some 150 bytes each); a page reads the entries of
 * the days it spans and then its own items, so its cost grows with the page, not with the table.
 * `clock` decides what has expired (P1), as in the signal repository.
 */
export function dynamoDdasSource(
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock = runtimeClock,
): DdasRecordSource {
  const dayShard = (day: CalendarDate, shard: number): QueryCommandInput => ({
    TableName: tableName,
    IndexName: received.name,
    KeyConditionExpression: '#pk = :pk',
    // P1: TTL lags, reads must not — an expired record is not there to deliver.
    FilterExpression: 'attribute_not_exists(#expiresAt) OR #expiresAt > :nowEpoch',
    ExpressionAttributeNames: { '#pk': received.partitionKey, '#expiresAt': TABLE.ttlAttribute },
    ExpressionAttributeValues: {
      ':pk': receivedPartition(day, shard),
      ':nowEpoch': epochSeconds(clock.now()),
    },
  });

  async function countOf(day: CalendarDate): Promise<number> {
    let total = 0;
    for (const shard of SHARDS) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({ ...dayShard(day, shard), Select: 'COUNT', ExclusiveStartKey: start }),
        );
        total += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return total;
  }

  /** One day's entries in the delivery's order: the shards merged by receipt instant and id. */
  async function entriesOf(day: CalendarDate): Promise<Entry[]> {
    const shards = await Promise.all(SHARDS.map((shard) => queryAll(client, dayShard(day, shard))));
    return shards
      .flat()
      .sort((a, b) => String(a[received.sortKey]).localeCompare(String(b[received.sortKey])));
  }

  return {
    countPerDay: (days) => inParallel(days, countOf, PARALLEL_DAYS),

    async read(days, counts, offset, limit) {
      const wanted: Entry[] = [];
      let skip = offset;
      for (const [index, day] of days.entries()) {
        if (wanted.length >= limit) break;
        const count = counts[index] ?? 0;
        // Whole days before the page are skipped on their count alone.
        if (skip >= count) {
          skip -= count;
          continue;
        }
        const entries = await entriesOf(day);
        wanted.push(...entries.slice(skip, skip + limit - wanted.length));
        skip = 0;
      }
      const items = await batchGet(
        client,
        tableName,
        wanted.map((entry) => ({ pk: entry.pk, sk: entry.sk })),
      );
      const byKey = new Map(items.map((item) => [String(item.pk), item]));
      // In the index's order; an item expired or deleted since its entry was read is not delivered.
      return wanted
        .map((entry) => byKey.get(String(entry.pk)))
        .filter(
          (item): item is Entry =>
            item !== undefined &&
            (item.type === 'signal' || item.type === 'not-routed-signal') &&
            !isExpired(item[TABLE.ttlAttribute] as number | undefined, clock.now()),
        )
        .map((item) => fromStoredItem(item) as unknown as DdasRecord);
    },
  };
}
