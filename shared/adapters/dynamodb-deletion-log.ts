import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeletionLog, SignalState } from '../application/ports.ts';
import { TABLE } from '../resources.ts';
import { batchGet, batchWrite } from './dynamodb-batch.ts';

const { inbox } = TABLE.indexes;
const logKey = (signalId: string) => ({ pk: `DELETED#${signalId}`, sk: 'LOG' });

/**
 * The deletion log (DESIGN P1): one item per deleted signal, `DELETED#<signalId>` — id, source,
 * kind, dates, reason and the partner's last feedback; never personal data, never deleted. Also
 * listed per month of deletion on the inbox index (`DELETIONS#<yyyy-mm>`, newest last), for the
 * privacy officer's report: that index holds the keys (the deletion time is in its sort key) and
 * the attributes it projects for the team list (id, source, kind, status, dates); reason and
 * feedback are on the item.
 */
export function dynamoDeletionLog(client: DynamoDBDocumentClient, tableName: string): DeletionLog {
  return {
    async record(entries) {
      await batchWrite(
        client,
        tableName,
        entries.map((entry) => ({
          ...logKey(entry.signalId),
          type: 'deletion',
          ...entry,
          [inbox.partitionKey]: `DELETIONS#${entry.deletedAt.slice(0, 7)}`,
          [inbox.sortKey]: `${entry.deletedAt}#${entry.signalId}`,
        })),
      );
    },

    async withdraw(signalId) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: logKey(signalId) }));
    },

    async states(signalIds) {
      const items = await batchGet(client, tableName, [...new Set(signalIds)].map(logKey), {
        expression: 'signalId, #status, feedback',
        names: { '#status': 'status' },
      });
      return new Map(
        items.map((item): [string, SignalState] => [
          item.signalId as string,
          {
            signalId: item.signalId as string,
            status: item.status as SignalState['status'],
            feedback: item.feedback as SignalState['feedback'],
            expired: true,
          },
        ]),
      );
    },
  };
}
