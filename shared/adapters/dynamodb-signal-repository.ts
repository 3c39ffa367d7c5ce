import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  ConcurrentUpdateError,
  type CountedInboxView,
  type DueSignal,
  type ExpiredRecord,
  type InboxView,
  isNotRouted,
  type NotRoutedSignal,
  type SignalRepository,
  type StoredSignal,
} from '../application/ports.ts';
import { amsterdamDateOf, amsterdamInstant } from '../domain/amsterdam-time.ts';
import type { Clock } from '../domain/clock.ts';
import { withCurrentContactKinds } from '../domain/contact-attempts.ts';
import { nextEscalation } from '../domain/escalation-ladder.ts';
import { partnerFeedback } from '../domain/feedback.ts';
import { municipalCalendar } from '../domain/municipal-calendar.ts';
import { type PartnerFeedback, PROCESSING_FAILED } from '../domain/outcomes.ts';
import { epochSeconds, isExpired, type RetainedRecord, retentionOf } from '../domain/retention.ts';
import type { Signal, SignalStatus } from '../domain/signal.ts';
import { TABLE } from '../resources.ts';
import { batchDelete, batchGet, batchWrite, queryAll } from './dynamodb-batch.ts';
import { dynamoSignalStates, signalKey } from './dynamodb-signal-states.ts';
import { decodeCursor, encodeCursor } from './index-cursor.ts';
import { runtimeClock } from './runtime-clock.ts';

const { inbox, awaitingContact, retention, received, calendar } = TABLE.indexes;

const FAILED_TYPE = 'failed-signal';
const FAILED_STATUS = 'failed';

/** The deadline as a sortable UTC string: the end of the due date, to the millisecond (D2). */
function deadlineSortKey(signal: Signal): string {
  return new Date(Date.parse(signal.deadlineAt) + 999).toISOString();
}

/** Spreads signals over an index's shards by their (random or keyed-hash) id. */
export function shardOf(signalId: string, shards: number = awaitingContact.shards): number {
  let sum = 0;
  for (const character of signalId) sum = (sum * 31 + character.charCodeAt(0)) % 1_000_003;
  return sum % shards;
}

/**
 * DESIGN P1 on the item: the TTL attribute (epoch seconds) and the `retention` index keys, sorted by
 * expiry, so the purge reads only what has expired. Every full put computes them afresh, so a new
 * contact attempt, re-route or amount moves the expiry of a picked-up signal on.
 */
function retentionAttributes(record: RetainedRecord & { readonly signalId: string }) {
  const kept = retentionOf(record);
  return {
    [TABLE.ttlAttribute]: epochSeconds(kept.expiresAt),
    retentionReason: kept.reason,
    [retention.partitionKey]: `SHARD#${shardOf(record.signalId, retention.shards)}`,
    [retention.sortKey]: `${kept.expiresAt.toISOString()}#${record.signalId}`,
  };
}

/**
 * DESIGN X1 on the item: a debt signal or not-routed debt record is found by its Amsterdam receipt
 * day for the DDAS delivery (`received` index); a care report is no vroegsignaal and has no keys.
 */
export function receivedAttributes(record: {
  readonly signalId: string;
  readonly kind: string;
  readonly receivedAt: string;
}) {
  if (record.kind === 'zorgmelding') return {};
  const day = amsterdamDateOf(new Date(record.receivedAt));
  return {
    [received.partitionKey]: receivedPartition(day, shardOf(record.signalId, received.shards)),
    [received.sortKey]: `${new Date(record.receivedAt).toISOString()}#${record.signalId}`,
  };
}

/** The `received` partition of one receipt day and shard. */
export const receivedPartition = (day: string, shard: number) => `DAY#${day}#${shard}`;

const expiresAtOf = (item: Record<string, unknown>) => item[TABLE.ttlAttribute] as number | undefined;

/** DynamoDB filter: the item has not expired (P1: TTL lags, reads must not). */
export const NOT_EXPIRED = '(attribute_not_exists(#expiresAt) OR #expiresAt > :nowEpoch)';

/**
 * The stored item: the signal plus the index keys derived from it. A full put keeps them in step
 * with the signal: the sparse `awaiting-contact` keys (D5) say which escalation comes next and
 * when, and disappear with a first contact, a close or the last level; the sparse `calendar` keys
 * say when the planned first conversation starts, and disappear when it ends or the signal closes.
 */
function toItem(signal: Signal): Record<string, unknown> {
  const active = signal.status === 'open' || signal.status === 'forwarded';
  const next = nextEscalation(signal, municipalCalendar);
  return {
    ...signalKey(signal.signalId),
    type: 'signal',
    ...signal,
    // Denormalised so partner feedback (C4) can be read for thousands of rows with a projection.
    partnerFeedback: partnerFeedback(undefined, signal),
    [inbox.partitionKey]: `TEAM#${signal.teamId}#${active ? 'open' : 'closed'}`,
    [inbox.sortKey]: `${deadlineSortKey(signal)}#${signal.signalId}`,
    ...retentionAttributes(signal),
    ...receivedAttributes(signal),
    ...(next
      ? {
          [awaitingContact.partitionKey]: `SHARD#${shardOf(signal.signalId)}`,
          [awaitingContact.sortKey]: `${next.dueAfter.toISOString()}#${signal.signalId}#${next.level}`,
        }
      : {}),
    ...calendarAttributes(signal),
  };
}

/** The team calendar's keys (sparse, issue 17): an open signal with a planned first conversation. */
function calendarAttributes(signal: Signal) {
  const planned = signal.status === 'open' ? signal.firstConversation?.next : undefined;
  if (!planned) return {};
  return {
    [calendar.partitionKey]: `TEAM#${signal.teamId}`,
    [calendar.sortKey]: `${new Date(planned.startsAt).toISOString()}#${signal.signalId}`,
  };
}

/**
 * A not-routed partner item: no index keys, so it never shows in an inbox. Field by field rather
 * than the whole record, because what it may hold of the person is decided (DESIGN X2/P1): the
 * minimised DDAS client and nothing else, whatever else an object passed in carries. It expires
 * like any record never picked up (retentionOf: 6 months after receipt), the client with it.
 * Read back by fromStoredItem, which keeps every attribute but the keys, `client` included.
 */
function notRoutedItem(record: NotRoutedSignal): Record<string, unknown> {
  const { signalId, source, kind, receivedAt, status, outcome, amount, householdKey, client } = record;
  return {
    ...signalKey(signalId),
    type: 'not-routed-signal',
    signalId,
    source,
    kind,
    receivedAt,
    status,
    outcome,
    amount,
    householdKey,
    ...(client ? { client } : {}),
    partnerFeedback: partnerFeedback(outcome, undefined),
    ...retentionAttributes(record),
    ...receivedAttributes(record),
  };
}

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'type',
  'partnerFeedback',
  inbox.partitionKey,
  inbox.sortKey,
  awaitingContact.partitionKey,
  awaitingContact.sortKey,
  retention.partitionKey,
  retention.sortKey,
  received.partitionKey,
  received.sortKey,
  calendar.partitionKey,
  calendar.sortKey,
  TABLE.ttlAttribute,
  'retentionReason',
]);

/**
 * The signal of a stored item, in today's vocabulary: contact kinds stored before DDAS v1.2 (`sms`,
 * `overig`) read as their current names (D3), so old items answer like new ones.
 */
export function fromItem(item: Record<string, unknown>): Signal {
  return withCurrentContactKinds(
    Object.fromEntries(
      Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)),
    ) as unknown as Signal,
  );
}

export function fromStoredItem(item: Record<string, unknown>): StoredSignal {
  return fromItem(item) as unknown as StoredSignal;
}

/**
 * The inbox query of one tab. Overdue: the open signals whose deadline lies before now (a key range
 * on the inbox index), less those with a first contact (D3). Forwarded (issue 15): the open
 * partition, only the Veilig Thuis forwards (C2) — the team's open tab holds nothing else for
 * Veilig Thuis but what a Buurtteam re-routed there, so the filter reads (and pays for) little more.
 */
function inboxQuery(teamId: string, view: InboxView, now: Date) {
  const overdue = view === 'overdue';
  const forwarded = view === 'forwarded';
  const state = view === 'closed' ? 'closed' : 'open';
  return {
    IndexName: inbox.name,
    KeyConditionExpression: overdue ? '#pk = :pk AND #sk < :now' : '#pk = :pk',
    FilterExpression: overdue
      ? `${NOT_EXPIRED} AND #status = :open AND attribute_not_exists(firstContactAt)`
      : forwarded
        ? `${NOT_EXPIRED} AND #status = :forwarded`
        : NOT_EXPIRED,
    ExpressionAttributeNames: {
      '#pk': inbox.partitionKey,
      '#expiresAt': TABLE.ttlAttribute,
      ...(overdue ? { '#sk': inbox.sortKey } : {}),
      ...(overdue || forwarded ? { '#status': 'status' } : {}),
    },
    ExpressionAttributeValues: {
      ':pk': `TEAM#${teamId}#${state}`,
      ':nowEpoch': epochSeconds(now),
      ...(overdue ? { ':now': now.toISOString(), ':open': 'open' } : {}),
      ...(forwarded ? { ':forwarded': 'forwarded' } : {}),
    },
  };
}

/**
 * Signals in DynamoDB. `clock` decides what has expired (P1): the runtime clock, which is the test
 * clock under `npm start`.
 */
export function dynamoSignalRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock = runtimeClock,
): SignalRepository {
  const live = (item: Record<string, unknown>) => !isExpired(expiresAtOf(item), clock.now());
  return {
    async create(signal) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(signal),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async get(signalId) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: signalKey(signalId) }));
      return result.Item?.type === 'signal' && live(result.Item) ? fromItem(result.Item) : undefined;
    },

    getStates: dynamoSignalStates(client, tableName, clock).getStates,

    async getMany(signalIds) {
      const items = await batchGet(client, tableName, [...new Set(signalIds)].map(signalKey));
      // A failure record (I1) is no signal: the router decides such an item again.
      const stored = items.filter((item) => live(item) && item.type !== FAILED_TYPE);
      return new Map(stored.map((item) => [item.signalId as string, fromStoredItem(item)]));
    },

    async putNew(records) {
      // Routed signals go in batches: one request per 25, where a conditional put would cost one
      // request per signal (a 30,000-row list). The caller has just seen these ids absent; see the
      // router for what it does about two invocations creating one id at once. A not-routed record
      // (rare: below the threshold, C3) must never replace a routed signal, so it is conditional.
      await batchWrite(
        client,
        tableName,
        records.filter((record) => !isNotRouted(record)).map((record) => toItem(record as Signal)),
      );
      for (const record of records.filter(isNotRouted)) {
        try {
          await client.send(
            new PutCommand({
              TableName: tableName,
              Item: notRoutedItem(record),
              // Nothing there, a lower not-routed record, an expired one (P1: as good as gone), or
              // the failure record of an earlier try (I1).
              ConditionExpression:
                'attribute_not_exists(pk) OR (#status = :notRouted AND amount < :amount) OR #expiresAt <= :nowEpoch OR #status = :failed',
              ExpressionAttributeNames: { '#status': 'status', '#expiresAt': TABLE.ttlAttribute },
              ExpressionAttributeValues: {
                ':notRouted': 'not-routed',
                ':failed': FAILED_STATUS,
                ':amount': record.amount ?? 0,
                ':nowEpoch': epochSeconds(clock.now()),
              },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    },

    async recordFailures(failures) {
      for (const failure of failures) {
        try {
          await client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...signalKey(failure.signalId),
                type: FAILED_TYPE,
                ...failure,
                status: FAILED_STATUS,
                // What the partner sees (C4): that it failed, never why.
                partnerFeedback: PROCESSING_FAILED,
              },
              // Never over a signal or record that did get stored (a concurrent or earlier try).
              ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':failed': FAILED_STATUS },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    },

    async update(signal, expectedVersion) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(signal),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new ConcurrentUpdateError();
        throw error;
      }
    },

    async listForTeam(teamId, view: InboxView, { limit, cursor, now }) {
      const query = inboxQuery(teamId, view, now);
      const partition = query.ExpressionAttributeValues[':pk'];
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...query,
          ScanIndexForward: view !== 'closed',
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, inbox, partition),
        }),
      );
      return { items: (result.Items ?? []).map(fromItem), cursor: encodeCursor(result.LastEvaluatedKey) };
    },

    async dueEscalations(now) {
      const items = (
        await Promise.all(
          Array.from({ length: awaitingContact.shards }, (_, shard) =>
            queryAll(client, {
              TableName: tableName,
              IndexName: awaitingContact.name,
              KeyConditionExpression: '#pk = :pk AND #sk < :now',
              ExpressionAttributeNames: {
                '#pk': awaitingContact.partitionKey,
                '#sk': awaitingContact.sortKey,
              },
              ExpressionAttributeValues: { ':pk': `SHARD#${shard}`, ':now': now.toISOString() },
            }),
          ),
        )
      ).flat();
      const due = items.map((item) => {
        const [, signalId, level] = String(item[awaitingContact.sortKey]).split('#');
        return { signalId: signalId as string, level: Number(level) };
      });
      return { due, itemsRead: items.length };
    },

    async countForTeam(teamId, now) {
      const count = async (view: CountedInboxView) => {
        let total = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: tableName,
              ...inboxQuery(teamId, view, now),
              Select: 'COUNT',
              ExclusiveStartKey: start,
            }),
          );
          total += page.Count ?? 0;
          start = page.LastEvaluatedKey;
        } while (start);
        return total;
      };
      const [open, overdue, closed] = await Promise.all([count('open'), count('overdue'), count('closed')]);
      return { open, overdue, closed };
    },

    async expired(now, limit) {
      const keys = (
        await Promise.all(
          Array.from({ length: retention.shards }, (_, shard) =>
            client.send(
              new QueryCommand({
                TableName: tableName,
                IndexName: retention.name,
                KeyConditionExpression: '#pk = :pk AND #sk < :now',
                ExpressionAttributeNames: { '#pk': retention.partitionKey, '#sk': retention.sortKey },
                // Up to and including now: `~` sorts after every `#<signalId>` of the same instant.
                ExpressionAttributeValues: { ':pk': `SHARD#${shard}`, ':now': `${now.toISOString()}#~` },
                Limit: limit,
              }),
            ),
          ),
        )
      )
        .flatMap((page) => page.Items ?? [])
        .sort((a, b) => String(a[retention.sortKey]).localeCompare(String(b[retention.sortKey])))
        .slice(0, limit);
      // The index is eventually consistent: the item itself decides (contact may have come since).
      const items = await batchGet(
        client,
        tableName,
        keys.map((key) => ({ pk: key.pk, sk: key.sk })),
      );
      return items
        .filter((item) => isExpired(expiresAtOf(item), now))
        .map(
          (item): ExpiredRecord => ({
            signalId: item.signalId as string,
            source: item.source as string,
            kind: item.kind as ExpiredRecord['kind'],
            status: item.status as SignalStatus,
            receivedAt: item.receivedAt as string,
            closedAt: item.closedAt as string | undefined,
            householdKey: item.householdKey as string | undefined,
            expiresAt: String(item[retention.sortKey]).split('#')[0] as string,
            reason: item.retentionReason as ExpiredRecord['reason'],
            feedback: item.partnerFeedback as PartnerFeedback,
          }),
        );
    },

    async purge(signalId, now) {
      const key = signalKey(signalId);
      // The escalation records first: should we stop halfway, the next run finds the signal again.
      const related = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key.pk },
        ProjectionExpression: 'pk, sk',
      });
      await batchDelete(
        client,
        tableName,
        related.filter((item) => item.sk !== key.sk).map((item) => ({ pk: item.pk, sk: item.sk })),
      );
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key,
            ConditionExpression: '#expiresAt <= :nowEpoch',
            ExpressionAttributeNames: { '#expiresAt': TABLE.ttlAttribute },
            ExpressionAttributeValues: { ':nowEpoch': epochSeconds(now) },
          }),
        );
        return true;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // Not expired any more (revived), or already gone (TTL came first: deleted all the same).
        const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key }));
        return !Item;
      }
    },

    async dueBetween(teamId, from, to) {
      // The inbox index is sorted by deadline, the end of the due date (D2): a key range per state.
      const lower = amsterdamInstant(from, '23:59:59.999').toISOString();
      const upper = `${amsterdamInstant(to, '23:59:59.999').toISOString()}~`;
      const pages = await Promise.all(
        ['open', 'closed'].map((state) =>
          queryAll(client, {
            TableName: tableName,
            IndexName: inbox.name,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lower AND :upper',
            FilterExpression: NOT_EXPIRED,
            ProjectionExpression:
              'signalId, #status, deadlineAt, firstContactAt, firstConversation, #source, receivedAt',
            ExpressionAttributeNames: {
              '#pk': inbox.partitionKey,
              '#sk': inbox.sortKey,
              '#status': 'status',
              '#source': 'source',
              '#expiresAt': TABLE.ttlAttribute,
            },
            ExpressionAttributeValues: {
              ':pk': `TEAM#${teamId}#${state}`,
              ':lower': lower,
              ':upper': upper,
              ':nowEpoch': epochSeconds(clock.now()),
            },
          }),
        ),
      );
      return pages.flat() as unknown as DueSignal[];
    },
  };
}
