import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BrpProtocol } from '../application/brp-household.ts';
import { TABLE } from '../resources.ts';
import { batchWrite } from './dynamodb-batch.ts';

/**
 * The BRP protocol's own retention (B3): 24 months after the question — longer than any signal
 * lives (P1: at most 12 months after closing), so a resident who asks which BRP questions were asked
 * about them, and why, can be answered for as long as the signal could have existed.
 */
export const BRP_PROTOCOL_RETENTION_DAYS = 730;

/**
 * The protocol of BRP questions (protocollering, B3): one item per question under
 * `BRPLOG#<yyyy-mm-dd>` (the day asked, so the privacy officer reads a day or a month by key), sorted
 * by time; who, purpose, signal id and question kind — never a postcode, a BSN or an answer.
 * A redelivered message asks again and is recorded again: the sort key ends in a random id.
 */
export function dynamoBrpProtocol(client: DynamoDBDocumentClient, tableName: string): BrpProtocol {
  return {
    async record(entries) {
      if (entries.length === 0) return;
      await batchWrite(
        client,
        tableName,
        entries.map((entry) => ({
          pk: `BRPLOG#${entry.at.slice(0, 10)}`,
          sk: `${entry.at}#${entry.signalId}#${entry.question}#${randomUUID()}`,
          type: 'brp-query',
          ...entry,
          [TABLE.ttlAttribute]:
            Math.floor(Date.parse(entry.at) / 1000) + BRP_PROTOCOL_RETENTION_DAYS * 86_400,
        })),
      );
    },
  };
}
