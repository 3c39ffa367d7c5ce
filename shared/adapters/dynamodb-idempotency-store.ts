import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { IdempotencyClaim, IdempotencyStore } from '../application/ports.ts';
import { TABLE } from '../resources.ts';

const claimKey = (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: 'CLAIM' });
const epochSeconds = (ms: number) => Math.floor(ms / 1000);

function claimOf(item: Record<string, unknown> | undefined, nowMs: number): IdempotencyClaim | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, [TABLE.ttlAttribute]: expiresAt, ...claim } = item;
  // TTL lags: an expired claim is no claim.
  if (typeof expiresAt === 'number' && expiresAt <= epochSeconds(nowMs)) return undefined;
  return claim as unknown as IdempotencyClaim;
}

/**
 * Whole-request idempotency (DESIGN I5) with one conditional write per request: the first claim of
 * a key wins; others read it. Expiry by TTL (`expiresAt`), checked on read as TTL lags. No personal
 * data: hashes, an id, a time, and for a care report its small answer (an id and a status).
 */
export function dynamoIdempotencyStore(client: DynamoDBDocumentClient, tableName: string): IdempotencyStore {
  const read = async (key: string) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: claimKey(key), ConsistentRead: true })))
      .Item;

  return {
    async claim(claim, expiresAt) {
      const now = Date.now();
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...claimKey(claim.key),
              type: 'idempotency',
              ...claim,
              [TABLE.ttlAttribute]: epochSeconds(expiresAt),
            },
            ConditionExpression: 'attribute_not_exists(pk) OR #expiresAt <= :now',
            ExpressionAttributeNames: { '#expiresAt': TABLE.ttlAttribute },
            ExpressionAttributeValues: { ':now': epochSeconds(now) },
          }),
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return claimOf(await read(claim.key), now);
      }
    },

    async get(key) {
      return claimOf(await read(key), Date.now());
    },

    async takeOver(key, leaseUntil, now) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: claimKey(key),
            UpdateExpression: 'SET leaseUntil = :until',
            ConditionExpression: 'attribute_exists(pk) AND leaseUntil < :now',
            ExpressionAttributeValues: { ':until': leaseUntil, ':now': now },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async complete(key, response) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: claimKey(key),
          UpdateExpression: 'SET #response = :response',
          ExpressionAttributeNames: { '#response': 'response' },
          ExpressionAttributeValues: { ':response': response },
        }),
      );
    },

    async release(key) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: claimKey(key) }));
    },
  };
}
