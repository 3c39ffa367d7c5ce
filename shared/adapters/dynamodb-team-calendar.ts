import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TeamCalendar } from '../application/ports.ts';
import { epochSeconds } from '../domain/retention.ts';
import { TABLE } from '../resources.ts';
import { queryAll } from './dynamodb-batch.ts';
import { fromItem, NOT_EXPIRED } from './dynamodb-signal-repository.ts';

const { inbox } = TABLE.indexes;

/**
 * The team calendar (issue 17) on the inbox index: a team's open partition, filtered on the standing
 * appointment's start. Appointment times are stored in Amsterdam time with their offset
 * (`2026-12-03T14:00:00+01:00`), so a day's bounds compare as text on the local date. Its cost grows
 * with the team's open signals (index entries under 1 KB each, issue 13), not with the table; a
 * second index just for appointment times would cost every signal write a third index write.
 */
export function dynamoTeamCalendar(client: DynamoDBDocumentClient, tableName: string): TeamCalendar {
  return {
    async plannedBetween(teamId, from, to, now) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: inbox.name,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: `#conversation.#next.#startsAt BETWEEN :from AND :to AND ${NOT_EXPIRED}`,
        ExpressionAttributeNames: {
          '#pk': inbox.partitionKey,
          '#conversation': 'firstConversation',
          '#next': 'next',
          '#startsAt': 'startsAt',
          '#expiresAt': TABLE.ttlAttribute,
        },
        ExpressionAttributeValues: {
          ':pk': `TEAM#${teamId}#open`,
          ':from': `${from}T00:00`,
          // '~' sorts after every character of a time and offset: the whole last day is in.
          ':to': `${to}T~`,
          ':nowEpoch': epochSeconds(now),
        },
      });
      return items
        .map(fromItem)
        .sort(
          (a, b) =>
            Date.parse(a.firstConversation?.next?.startsAt ?? '') -
            Date.parse(b.firstConversation?.next?.startsAt ?? ''),
        );
    },
  };
}
