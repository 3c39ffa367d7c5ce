import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BrpPurpose } from '../application/brp-household.ts';
import type { PendingComposition, PendingCompositions } from '../application/composition-retry.ts';
import { inParallel } from '../parallel.ts';

const PARTITION = 'BRP#PENDING';
const keyOf = (signalId: string) => ({ pk: PARTITION, sk: signalId });
/** Read at most this many per run: the list only grows during a BRP outage, and shrinks after it. */
const READ_AT_MOST = 2_000;

/**
 * B3's work list: one item per signal waiting for its composition under `BRP#PENDING` — a signal id,
 * the purpose and two counters, no personal data. One partition is enough: it holds only what a
 * BRP outage left behind, and the retry removes each signal once done.
 */
export function dynamoPendingCompositions(
  client: DynamoDBDocumentClient,
  tableName: string,
): PendingCompositions {
  return {
    async schedule(items, at) {
      await inParallel(
        items,
        ({ signalId, purpose }) =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keyOf(signalId),
              // Scheduling again (a redelivered message) keeps the first time and the count.
              UpdateExpression:
                'SET #type = :type, signalId = :signalId, purpose = :purpose, since = if_not_exists(since, :at), attempts = if_not_exists(attempts, :zero)',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':type': 'brp-pending',
                ':signalId': signalId,
                ':purpose': purpose,
                ':at': at,
                ':zero': 0,
              },
            }),
          ),
        8,
      );
    },

    async list(limit) {
      const items: PendingComposition[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': PARTITION },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? [])
          items.push({
            signalId: item.signalId as string,
            purpose: item.purpose as BrpPurpose,
            since: item.since as string,
            attempts: item.attempts as number,
          });
        start = page.LastEvaluatedKey;
      } while (start && items.length < READ_AT_MOST);
      return items.sort((a, b) => a.since.localeCompare(b.since)).slice(0, limit);
    },

    async attempted(item) {
      await client
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(item.signalId),
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        )
        .catch((error: unknown) => {
          // Removed meanwhile by an overlapping run that completed it: nothing left to count.
          if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        });
    },

    async remove(signalId) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: keyOf(signalId) }));
    },
  };
}
