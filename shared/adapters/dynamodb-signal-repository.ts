import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConcurrentUpdateError,
  type DueSignal,
  type InboxView,
  InvalidCursorError,
  isNotRouted,
  type NotRoutedSignal,
  type SignalRepository,
  type SignalState,
  type StoredSignal,
} from '../application/ports.ts';
import { amsterdamInstant } from '../domain/amsterdam-time.ts';
import { nextEscalation } from '../domain/escalation-ladder.ts';
import { partnerFeedback } from '../domain/feedback.ts';
import { municipalCalendar } from '../domain/municipal-calendar.ts';
import type { PartnerFeedback } from '../domain/outcomes.ts';
import type { Signal, SignalStatus } from '../domain/signal.ts';
import { TABLE } from '../resources.ts';
import { batchGet, batchWrite, queryAll } from './dynamodb-batch.ts';

const { inbox, awaitingContact } = TABLE.indexes;
type IndexKeys = { readonly partitionKey: string; readonly sortKey: string };

const signalKey = (signalId: string) => ({ pk: `SIGNAL#${signalId}`, sk: 'SIGNAL' });

/** The deadline as a sortable UTC string: the end of the due date, to the millisecond (D2). */
function deadlineSortKey(signal: Signal): string {
  return new Date(Date.parse(signal.deadlineAt) + 999).toISOString();
}

/** Spreads signals over the sweep's shards by their (random or keyed-hash) id. */
export function shardOf(signalId: string): number {
  let sum = 0;
  for (const character of signalId) sum = (sum * 31 + character.charCodeAt(0)) % 1_000_003;
  return sum % awaitingContact.shards;
}

/**
 * The stored item: the signal plus the index keys derived from it. A full put keeps them in step
 * with the signal: the sparse `awaiting-contact` keys (D5) say which escalation comes next and
 * when, and disappear with a first contact, a close or the last level.
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
    ...(next
      ? {
          [awaitingContact.partitionKey]: `SHARD#${shardOf(signal.signalId)}`,
          [awaitingContact.sortKey]: `${next.dueAfter.toISOString()}#${signal.signalId}#${next.level}`,
        }
      : {}),
  };
}

/** A not-routed partner item: no index keys, so it never shows in an inbox. */
function notRoutedItem(record: NotRoutedSignal): Record<string, unknown> {
  return {
    ...signalKey(record.signalId),
    type: 'not-routed-signal',
    ...record,
    partnerFeedback: partnerFeedback(record.outcome, undefined),
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
]);

function fromItem(item: Record<string, unknown>): Signal {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)),
  ) as unknown as Signal;
}

function fromStoredItem(item: Record<string, unknown>): StoredSignal {
  return fromItem(item) as unknown as StoredSignal;
}

/**
 * The inbox query of one tab. Overdue: the open signals whose deadline lies before now (a key range
 * on the inbox index), less those with a first contact (D3).
 */
function inboxQuery(teamId: string, view: InboxView, now: Date) {
  const overdue = view === 'overdue';
  return {
    IndexName: inbox.name,
    KeyConditionExpression: overdue ? '#pk = :pk AND #sk < :now' : '#pk = :pk',
    ...(overdue ? { FilterExpression: '#status = :open AND attribute_not_exists(firstContactAt)' } : {}),
    ExpressionAttributeNames: {
      '#pk': inbox.partitionKey,
      ...(overdue ? { '#sk': inbox.sortKey, '#status': 'status' } : {}),
    },
    ExpressionAttributeValues: {
      ':pk': `TEAM#${teamId}#${overdue ? 'open' : view}`,
      ...(overdue ? { ':now': now.toISOString(), ':open': 'open' } : {}),
    },
  };
}

function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** A cursor is only valid for the list it came from; anything else is a client error, not a 500. */
function decodeCursor(cursor: string | undefined, index: IndexKeys, partitionValue: string) {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const expected = ['pk', 'sk', index.partitionKey, index.sortKey];
    const names = Object.keys(key);
    const valid =
      key[index.partitionKey] === partitionValue &&
      names.length === expected.length &&
      names.every((name) => expected.includes(name) && typeof key[name] === 'string');
    if (valid) return key;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

export function dynamoSignalRepository(client: DynamoDBDocumentClient, tableName: string): SignalRepository {
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
      return result.Item?.type === 'signal' ? fromItem(result.Item) : undefined;
    },

    async getStates(signalIds) {
      const items = await batchGet(client, tableName, [...new Set(signalIds)].map(signalKey), {
        expression: 'signalId, #status, amount, partnerFeedback',
        names: { '#status': 'status' },
      });
      return new Map(
        items.map((item): [string, SignalState] => [
          item.signalId as string,
          {
            signalId: item.signalId as string,
            status: item.status as SignalStatus,
            amount: item.amount as number | undefined,
            feedback: item.partnerFeedback as PartnerFeedback,
          },
        ]),
      );
    },

    async getMany(signalIds) {
      const items = await batchGet(client, tableName, [...new Set(signalIds)].map(signalKey));
      return new Map(items.map((item) => [item.signalId as string, fromStoredItem(item)]));
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
              ConditionExpression: 'attribute_not_exists(pk) OR (#status = :notRouted AND amount < :amount)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':notRouted': 'not-routed', ':amount': record.amount ?? 0 },
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
      const count = async (view: InboxView) => {
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
            ProjectionExpression:
              'signalId, #status, deadlineAt, firstContactAt, firstContactInTime, #source, receivedAt',
            ExpressionAttributeNames: {
              '#pk': inbox.partitionKey,
              '#sk': inbox.sortKey,
              '#status': 'status',
              '#source': 'source',
            },
            ExpressionAttributeValues: { ':pk': `TEAM#${teamId}#${state}`, ':lower': lower, ':upper': upper },
          }),
        ),
      );
      return pages.flat() as unknown as DueSignal[];
    },
  };
}
