import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConcurrentUpdateError,
  type InboxView,
  InvalidCursorError,
  type SignalRepository,
} from '../application/ports.ts';
import type { Signal } from '../domain/signal.ts';
import { TABLE } from '../resources.ts';

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
    [inbox.partitionKey]: `TEAM#${signal.teamId}#${active ? 'open' : 'closed'}`,
    [inbox.sortKey]: sortKey,
    ...(awaiting
      ? { [awaitingContact.partitionKey]: `TEAM#${signal.teamId}`, [awaitingContact.sortKey]: sortKey }
      : {}),
  };
}

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'type',
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
      return result.Item ? fromItem(result.Item) : undefined;
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
