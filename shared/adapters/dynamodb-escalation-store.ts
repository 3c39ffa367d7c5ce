import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EscalationRecord, EscalationStore } from '../application/ports.ts';
import { TABLE } from '../resources.ts';
import { decodeCursor, encodeCursor } from './index-cursor.ts';

const { inbox } = TABLE.indexes;
const escalationKey = (signalId: string, level: number) => ({
  pk: `SIGNAL#${signalId}`,
  sk: `ESCALATION#${level}`,
});
const teamPartition = (teamId: string) => `TEAM#${teamId}#escalations`;

/**
 * Escalation delivery records beside their signal (`SIGNAL#id` / `ESCALATION#level`). Delivered ones
 * also carry keys of the inbox index under `TEAM#<team>#escalations`, newest first for the team's
 * escalation list. Leases use real time, not the test clock: they guard concurrent consumers.
 */
export function dynamoEscalationStore(client: DynamoDBDocumentClient, tableName: string): EscalationStore {
  return {
    async claim(signalId, level, claimant, leaseMs) {
      const now = Date.now();
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...escalationKey(signalId, level),
              type: 'escalation',
              state: 'pending',
              claimedBy: claimant,
              claimedUntil: now + leaseMs,
            },
            // New, or pending and (our own earlier claim, or a lease that ran out).
            ConditionExpression:
              'attribute_not_exists(pk) OR (#state = :pending AND (claimedBy = :me OR claimedUntil < :now))',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':pending': 'pending', ':me': claimant, ':now': now },
          }),
        );
        return 'claimed';
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await this.get(signalId, level);
        return existing?.state === 'delivered' ? 'delivered' : 'busy';
      }
    },

    async markDelivered(record) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...escalationKey(record.signalId, record.level),
            type: 'escalation',
            state: 'delivered',
            ...record,
            [inbox.partitionKey]: teamPartition(record.teamId),
            [inbox.sortKey]: `${new Date(record.at).toISOString()}#${record.signalId}#${record.level}`,
          },
        }),
      );
    },

    async release(signalId, level, claimant) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: escalationKey(signalId, level),
            UpdateExpression: 'SET claimedUntil = :zero',
            ConditionExpression: '#state = :pending AND claimedBy = :me',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':zero': 0, ':pending': 'pending', ':me': claimant },
          }),
        );
      } catch (error) {
        // Someone else holds or finished it meanwhile: nothing of ours to release.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    async get(signalId, level) {
      const result = await client.send(
        new GetCommand({ TableName: tableName, Key: escalationKey(signalId, level), ConsistentRead: true }),
      );
      return result.Item ? { state: result.Item.state as 'pending' | 'delivered' } : undefined;
    },

    async listForTeam(teamId, { limit, cursor }) {
      const partition = teamPartition(teamId);
      const start = decodeCursor(cursor, inbox, partition);
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: inbox.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': inbox.partitionKey },
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return {
        items: (page.Items ?? []).map(({ signalId, teamId: team, level, at, recipient }) => ({
          signalId,
          teamId: team,
          level,
          at,
          recipient,
        })) as EscalationRecord[],
        cursor: encodeCursor(page.LastEvaluatedKey),
      };
    },
  };
}
