import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TeamCalendar } from '../application/ports.ts';
import { amsterdamInstant } from '../domain/amsterdam-time.ts';
import { epochSeconds } from '../domain/retention.ts';
import { TABLE } from '../resources.ts';
import { queryAll } from './dynamodb-batch.ts';
import { fromItem, NOT_EXPIRED } from './dynamodb-signal-repository.ts';

const { calendar } = TABLE.indexes;

/**
 * The team calendar (issue 17) on its sparse index: the team's planned first conversations between
 * the start of the first Amsterdam date and the end of the last, earliest first (the sort key is the
 * start in UTC, so the order holds across the change to and from summer time). It reads only those.
 */
export function dynamoTeamCalendar(client: DynamoDBDocumentClient, tableName: string): TeamCalendar {
  return {
    async plannedBetween(teamId, from, to, now) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: calendar.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        FilterExpression: NOT_EXPIRED,
        ExpressionAttributeNames: {
          '#pk': calendar.partitionKey,
          '#sk': calendar.sortKey,
          '#expiresAt': TABLE.ttlAttribute,
        },
        ExpressionAttributeValues: {
          ':pk': `TEAM#${teamId}`,
          ':from': amsterdamInstant(from, '00:00:00.000').toISOString(),
          // '~' sorts after the '#' and id that follow the instant: the last millisecond is in.
          ':to': `${amsterdamInstant(to, '23:59:59.999').toISOString()}~`,
          ':nowEpoch': epochSeconds(now),
        },
      });
      return items.map(fromItem);
    },
  };
}
