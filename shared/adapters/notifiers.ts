import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Notifier } from '../application/ports.ts';
import { queryAll } from './dynamodb-batch.ts';

/** What a notification says: ids, codes and dates only (DESIGN P2). */
function messageOf(notification: Parameters<Notifier['notify']>[0]): string {
  return `Signaal ${notification.signalId} van team ${notification.teamId} heeft geen eerste contact binnen de termijn (uiterlijk ${notification.dueDate}): escalatie niveau ${notification.level}.`;
}

/** On AWS: one SNS message per escalation; subscribers (mail, the web app) fan it out. */
export function snsNotifier(client: SNSClient, topicArn: string): Notifier {
  return {
    async notify(notification) {
      await client.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: `Buurtsignaal: escalatie niveau ${notification.level}`,
          Message: JSON.stringify({ ...notification, text: messageOf(notification) }),
          MessageAttributes: {
            level: { DataType: 'Number', StringValue: String(notification.level) },
            recipientRole: { DataType: 'String', StringValue: notification.recipient.role },
            recipientScope: { DataType: 'String', StringValue: notification.recipient.scope },
          },
        }),
      );
    },
  };
}

const OUTBOX = 'OUTBOX';

/**
 * Locally: notifications land in an outbox in the table (`GET /_local/outbox`), one per
 * (signal, level) — a repeated delivery finds it there and adds nothing. While the local runtime's
 * notifier outage switch is on (`LOCAL_NOTIFIER_OUTAGE=1`), it fails like an unreachable mail server.
 */
export function outboxNotifier(client: DynamoDBDocumentClient, tableName: string): Notifier {
  return {
    async notify(notification) {
      if (process.env.LOCAL_NOTIFIER_OUTAGE === '1')
        throw new Error('Notifier unavailable (local outage switch)');
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: OUTBOX,
              sk: `${notification.signalId}#${notification.level}`,
              type: 'notification',
              ...notification,
              text: messageOf(notification),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}

/** The local outbox, newest first. */
export async function readOutbox(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<Record<string, unknown>[]> {
  const items = await queryAll(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': OUTBOX },
  });
  return items
    .map(({ pk: _pk, sk: _sk, type: _type, ...notification }) => notification)
    .sort((a, b) => Date.parse(String(b.at)) - Date.parse(String(a.at)));
}
