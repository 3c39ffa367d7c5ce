import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryAuditEntry } from '../application/ddas-gegevens.ts';

/** Where deliveries are kept: an audit partition of its own, like a signal's trail (P3). */
export const DELIVERY_AUDIT_PK = 'AUDIT#DDAS';

/**
 * DESIGN X3: every delivery to CBS on record in the table, beside the signals' audit trails — the
 * function may write `AUDIT#…` items and nothing else (infra/constructs/grants.ts). Kept like the
 * other audit entries: it holds no personal data to expire.
 */
export function dynamoDeliveryAudit(client: DynamoDBDocumentClient, tableName: string) {
  return {
    async record(entry: DeliveryAuditEntry): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: DELIVERY_AUDIT_PK,
            // The nonce keeps two pages asked in the same millisecond apart.
            sk: `${entry.at}#${randomBytes(4).toString('hex')}`,
            type: 'ddas-delivery',
            ...entry,
          },
        }),
      );
    },
  };
}
