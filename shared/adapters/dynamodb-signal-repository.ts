import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConcurrentUpdateError,
  type InboxView,
  InvalidCursorError,
  isNotRouted,
  type NotRoutedSignal,
  type SignalRepository,
  type SignalState,
  type StoredSignal,
} from '../application/ports.ts';
import { partnerFeedback } from '../domain/feedback.ts';
import type { PartnerFeedback } from '../domain/outcomes.ts';
import type { Signal, SignalStatus } from '../domain/signal.ts';
import { TABLE } from '../resources.ts';
import { batchGet, batchWrite } from './dynamodb-batch.ts';

const { inbox, awaitingContact } = TABLE.indexes;
type IndexKeys = { readonly partitionKey: string; readonly sortKey: string };

const signalKey = (signalId: string) => ({ pk: `SIGNAL#${signalId}`, sk: 'SIGNAL' });

/** The deadline as a sortable UTC string: the end of the due date, to the millisecond (D2). */
function deadlineSortKey(signal: Signal): string {
  return new Date(Date.parse(signal.deadlineAt) + 999).toISOString();
}

/**
 * The stored item: the signal plus the index keys derived from it. A full put keeps them in step
 * with the signal — when first contact is made the sparse `awaiting-contact` keys simply disappear.
 */
function toItem(signal: Signal): Record<string, unknown> {
  const active = signal.status === 'open' || signal.status === 'forwarded';
  const awaiting = signal.status === 'open' && !signal.firstContactAt;
  const sortKey = `${deadlineSortKey(signal)}#${signal.signalId}`;
  return {
    ...signalKey(signal.signalId),
    type: 'signal',
    ...signal,
    // Denormalised so partner feedback (C4) can be read for thousands of rows with a projection.
    partnerFeedback: partnerFeedback(undefined, signal),
    [inbox.partitionKey]: `TEAM#${signal.teamId}#${active ? 'open' : 'closed'}`,
    [inbox.sortKey]: sortKey,
    ...(awaiting
      ? { [awaitingContact.partitionKey]: `TEAM#${signal.teamId}`, [awaitingContact.sortKey]: sortKey }
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
      await batchWrite(
        client,
        tableName,
        records.map((record) => (isNotRouted(record) ? notRoutedItem(record) : toItem(record))),
      );
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
      // Overdue: the sparse index holds only signals awaiting first contact, so the deadline range
      // query returns exactly the overdue ones (D5) without filtering.
      const index = view === 'overdue' ? awaitingContact : inbox;
      const partition = view === 'overdue' ? `TEAM#${teamId}` : `TEAM#${teamId}#${view}`;
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: view === 'overdue' ? '#pk = :pk AND #sk < :now' : '#pk = :pk',
          ExpressionAttributeNames: {
            '#pk': index.partitionKey,
            ...(view === 'overdue' ? { '#sk': index.sortKey } : {}),
          },
          ExpressionAttributeValues: {
            ':pk': partition,
            ...(view === 'overdue' ? { ':now': now.toISOString() } : {}),
          },
          ScanIndexForward: true,
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, index, partition),
        }),
      );
      return { items: (result.Items ?? []).map(fromItem), cursor: encodeCursor(result.LastEvaluatedKey) };
    },
  };
}
