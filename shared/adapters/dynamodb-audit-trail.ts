import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditTrail, InvalidCursorError, type ListedAuditEntry } from '../application/ports.ts';
import { batchWrite } from './dynamodb-batch.ts';

const auditPk = (signalId: string) => `AUDIT#${signalId}`;

/**
 * The audit trail (DESIGN P3) beside, not inside, the signal: `AUDIT#<signalId>` / `<at>#<nonce>`.
 * It outlives the signal's retention (P1 deletes `SIGNAL#…`, not this), so who looked at a signal
 * stays known after its personal data is gone — and it holds no personal data to delete.
 */
export function dynamoAuditTrail(client: DynamoDBDocumentClient, tableName: string): AuditTrail {
  return {
    async record(entries) {
      await batchWrite(
        client,
        tableName,
        entries.map((entry) => ({
          pk: auditPk(entry.signalId),
          // Then the real time: the local test clock stands still, yet the trail must keep its
          // order. The nonce keeps entries of the same millisecond (an inbox page) apart.
          sk: `${entry.at}#${Date.now().toString(36).padStart(9, '0')}#${randomBytes(4).toString('hex')}`,
          type: 'audit',
          ...entry,
        })),
      );
    },

    async list(signalId, { limit, cursor }) {
      let start: Record<string, unknown> | undefined;
      if (cursor) {
        const sk = Buffer.from(cursor, 'base64url').toString('utf8');
        if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9a-z]{9}#[0-9a-f]{8}$/.test(sk)) throw new InvalidCursorError();
        start = { pk: auditPk(signalId), sk };
      }
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPk(signalId) },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      const items = (page.Items ?? []).map(
        ({ signalId: id, at, action, principal, sk }): ListedAuditEntry => ({
          signalId: id as string,
          at: at as string,
          action: action as string,
          principal: principal as ListedAuditEntry['principal'],
          position: Buffer.from(sk as string).toString('base64url'),
        }),
      );
      const last = page.LastEvaluatedKey?.sk as string | undefined;
      return { items, ...(last ? { cursor: Buffer.from(last).toString('base64url') } : {}) };
    },
  };
}
