import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemReceipt, UploadReceipt, UploadStore, UploadSummary } from '../application/ports.ts';
import { batchWrite, queryAll } from './dynamodb-batch.ts';

/** Rows per stored chunk: a 30,000-row receipt becomes 30 items, each far below 400 KB. */
const ROWS_PER_CHUNK = 1000;

const uploadPk = (uploadId: string) => `UPLOAD#${uploadId}`;
const listingPk = (source: string) => `SOURCE#${source}#UPLOADS`;

function summaryOf(receipt: UploadReceipt): UploadSummary {
  const { rows: _rows, items: _items, warnings: _warnings, ...summary } = receipt;
  return summary;
}

/**
 * Upload receipts (DESIGN §4 "rows in chunks"): a header item, the rows in chunks under the upload,
 * and a listing item under the partner so `GET /intake/uploads` is one query. No personal data: row
 * numbers, statuses, signal ids and value-free error messages only.
 */
export function dynamoUploadStore(client: DynamoDBDocumentClient, tableName: string): UploadStore {
  return {
    async save(receipt) {
      const lines = receipt.rows ?? receipt.items ?? [];
      const field = receipt.rows ? 'rows' : 'items';
      const chunks: Record<string, unknown>[] = [];
      for (let start = 0; start < lines.length; start += ROWS_PER_CHUNK) {
        chunks.push({
          pk: uploadPk(receipt.uploadId),
          sk: `CHUNK#${String(start / ROWS_PER_CHUNK).padStart(5, '0')}`,
          type: 'upload-chunk',
          field,
          lines: lines.slice(start, start + ROWS_PER_CHUNK),
        });
      }
      await batchWrite(client, tableName, [
        {
          pk: uploadPk(receipt.uploadId),
          sk: 'HEADER',
          type: 'upload',
          ...summaryOf(receipt),
          warnings: receipt.warnings,
        },
        {
          pk: listingPk(receipt.source),
          sk: `${receipt.receivedAt}#${receipt.uploadId}`,
          type: 'upload-listing',
          ...summaryOf(receipt),
        },
        ...chunks,
      ]);
    },

    async get(uploadId) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': uploadPk(uploadId) },
      });
      const header = items.find((item) => item.sk === 'HEADER');
      if (!header) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...receipt } = header;
      const chunks = items.filter((item) => item.type === 'upload-chunk');
      const lines = chunks.flatMap((chunk) => chunk.lines as ItemReceipt[]);
      const field =
        (chunks[0]?.field as 'rows' | 'items' | undefined) ??
        (receipt.kind === 'rent-arrears' ? 'rows' : 'items');
      return { ...(receipt as unknown as UploadReceipt), [field]: lines };
    },

    async list(source, { limit, cursor }) {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': listingPk(source) },
          ScanIndexForward: false,
          Limit: limit,
          ...(cursor ? { ExclusiveStartKey: { pk: listingPk(source), sk: cursor } } : {}),
        }),
      );
      return {
        items: (page.Items ?? []).map(
          ({ pk: _pk, sk: _sk, type: _type, ...summary }) => summary as unknown as UploadSummary,
        ),
        cursor: page.LastEvaluatedKey?.sk as string | undefined,
      };
    },
  };
}
