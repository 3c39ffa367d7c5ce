import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CareReportReceipt, ReceiptStore } from '../application/ports.ts';
import { batchGet } from './dynamodb-batch.ts';

/** Receipts live under the partner and its own id, which makes the partner key the dedupe key (I5). */
const careReportKey = (source: string, reportId: string) => ({
  pk: `INTAKE#${source}#CARE-REPORT#${reportId}`,
  sk: 'RECEIPT',
});

function toReceipt(item: Record<string, unknown>): CareReportReceipt {
  const { pk: _pk, sk: _sk, type: _type, ...receipt } = item;
  return receipt as unknown as CareReportReceipt;
}

export function dynamoReceiptStore(client: DynamoDBDocumentClient, tableName: string): ReceiptStore {
  async function setOnReceipt(
    source: string,
    reportId: string,
    attribute: 'enqueued' | 'outcome' | 'failure',
    value: unknown,
  ) {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: careReportKey(source, reportId),
        UpdateExpression: `SET ${attribute} = :value`,
        ExpressionAttributeValues: { ':value': value },
      }),
    );
  }

  return {
    async createCareReportReceipt(receipt) {
      const key = careReportKey(receipt.source, receipt.reportId);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, type: 'care-report-receipt', ...receipt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await client.send(
          new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
        );
        return toReceipt(existing.Item ?? {});
      }
    },

    markEnqueued: (source, reportId) => setOnReceipt(source, reportId, 'enqueued', true),

    recordOutcome: (source, reportId, outcome) => setOnReceipt(source, reportId, 'outcome', outcome),

    recordFailure: (source, reportId, code) =>
      setOnReceipt(source, reportId, 'failure', { code, at: new Date().toISOString() }),

    async getCareReportReceipt(source, reportId) {
      const result = await client.send(
        new GetCommand({ TableName: tableName, Key: careReportKey(source, reportId) }),
      );
      return result.Item ? toReceipt(result.Item) : undefined;
    },

    async getCareReportReceipts(source, reportIds) {
      const items = await batchGet(
        client,
        tableName,
        [...new Set(reportIds)].map((reportId) => careReportKey(source, reportId)),
      );
      return new Map(items.map((item) => [item.reportId as string, toReceipt(item)]));
    },
  };
}
