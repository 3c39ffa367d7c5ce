import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutstandingEntry, OutstandingIntake, OutstandingKind } from '../application/ports.ts';
import { queryAll } from './dynamodb-batch.ts';
import { shardOf } from './dynamodb-signal-repository.ts';

/** A few partitions, so a burst of intake does not all land on one (each is read whole). */
const SHARDS = 4;

const keyOf = (kind: OutstandingKind, id: string) => ({
  pk: `OUTSTANDING#${shardOf(id, SHARDS)}`,
  sk: `${kind}#${id}`,
});

function entryOf(item: Record<string, unknown>): OutstandingEntry {
  const { pk: _pk, sk: _sk, type: _type, ...entry } = item;
  return entry as unknown as OutstandingEntry;
}

/**
 * Outstanding intake (DESIGN I1) under `OUTSTANDING#<shard>`: one small item per upload or care
 * report between its acceptance and the moment all of it is stored. Only these partitions are read
 * by the reconciler, so its cost follows the outstanding work. A care report's item holds its
 * queued message (personal data, encrypted at rest like everything in the table) until routed.
 */
export function dynamoOutstandingIntake(
  client: DynamoDBDocumentClient,
  tableName: string,
): OutstandingIntake {
  const ignoreGone = (error: unknown) => {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  };
  return {
    async open(entry) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keyOf(entry.kind, entry.id), type: 'outstanding', ...entry },
        }),
      );
    },

    async close(kind, id) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: keyOf(kind, id) }));
    },

    async list() {
      const pages = await Promise.all(
        Array.from({ length: SHARDS }, (_, shard) =>
          queryAll(client, {
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `OUTSTANDING#${shard}` },
          }),
        ),
      );
      return pages.flat().map(entryOf);
    },

    async lease(kind, id, until, now) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(kind, id),
            UpdateExpression: 'SET leaseUntil = :until',
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)',
            ExpressionAttributeValues: { ':until': until, ':now': now },
          }),
        );
        return true;
      } catch (error) {
        ignoreGone(error);
        return false;
      }
    },

    async update(kind, id, changes) {
      const names = Object.keys(changes).filter(
        (name) => changes[name as keyof typeof changes] !== undefined,
      );
      if (names.length === 0) return;
      await client
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(kind, id),
            UpdateExpression: `SET ${names.map((name) => `${name} = :${name}`).join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: Object.fromEntries(
              names.map((name) => [`:${name}`, changes[name as keyof typeof changes]]),
            ),
          }),
        )
        .catch(ignoreGone);
    },
  };
}
