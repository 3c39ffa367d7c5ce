import { gunzipSync, gzipSync } from 'node:zlib';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UploadFileStore } from '../application/ports.ts';
import { TABLE } from '../resources.ts';
import { batchDelete, batchWrite, queryAll } from './dynamodb-batch.ts';

/**
 * Bytes per stored part (of the compressed file): a 6 MB upload is a few items, each well below
 * DynamoDB's 400 KB. Compressed at the fastest level: CSV shrinks to a fifth in some 100 ms, which
 * the store (and DynamoDB's write units) more than pays back.
 */
const PART_BYTES = 350_000;
/**
 * The TTL backstop (P1): the file goes as soon as its upload is routed (the reconciler removes it);
 * should that ever not happen, DynamoDB deletes it a week later anyway.
 */
const KEEP_AT_MOST_SECONDS = 7 * 24 * 3600;

const filePk = (uploadId: string) => `UPLOADFILE#${uploadId}`;

/**
 * The bytes of an upload until it is routed (DESIGN I1): parts under `UPLOADFILE#<id>`, apart from
 * the receipt so reading a receipt never reads personal data. Each part knows how many there are,
 * so a file that was not completely written reads as absent.
 */
export function dynamoUploadFileStore(client: DynamoDBDocumentClient, tableName: string): UploadFileStore {
  const partKeys = async (uploadId: string) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': filePk(uploadId) },
      ProjectionExpression: 'pk, sk',
    });

  return {
    async save(uploadId, file) {
      const bytes = gzipSync(file, { level: 1 });
      const parts = Math.max(1, Math.ceil(bytes.length / PART_BYTES));
      const expiresAt = Math.floor(Date.now() / 1000) + KEEP_AT_MOST_SECONDS;
      await batchWrite(
        client,
        tableName,
        Array.from({ length: parts }, (_, part) => ({
          pk: filePk(uploadId),
          sk: `PART#${String(part).padStart(3, '0')}`,
          type: 'upload-file-part',
          parts,
          bytes: bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
          [TABLE.ttlAttribute]: expiresAt,
        })),
      );
    },

    async load(uploadId) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': filePk(uploadId) },
        ConsistentRead: true,
      });
      if (items.length === 0 || items.length !== items[0]?.parts) return undefined;
      items.sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
      return gunzipSync(Buffer.concat(items.map((item) => item.bytes as Uint8Array)));
    },

    async remove(uploadId) {
      await batchDelete(
        client,
        tableName,
        (await partKeys(uploadId)).map(({ pk, sk }) => ({ pk, sk })),
      );
    },
  };
}
