import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CareReportListing,
  type CareReportListingEntry,
  InvalidCursorError,
} from '../application/ports.ts';

const listingPk = (source: string) => `SOURCE#${source}#CARE-REPORTS`;
/** Sorted by the instant of receipt (UTC, so the text sorts as time does), then the report id. */
const listingSk = (entry: CareReportListingEntry) =>
  `${new Date(entry.receivedAt).toISOString()}#${entry.reportId}`;
const SK_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z#[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A police organisation's own care reports (issue 15, DESIGN P4), as the uploads are listed per
 * partner (`SOURCE#<partner>#UPLOADS`, dynamodb-upload-store.ts): one small item per report under
 * `SOURCE#<partner>#CARE-REPORTS`, written at intake, so the list is one Query on the partner's own
 * key — never a Scan, and never anyone else's reports. It holds ids and the two moments only (about
 * 270 bytes: one write unit per new report; a Query of 50 reads about 13 KB, 2 read units when
 * eventually consistent); the feedback is read from the signals when listed (C4), so it is never stale.
 */
export function dynamoCareReportListing(
  client: DynamoDBDocumentClient,
  tableName: string,
): CareReportListing {
  return {
    async add(entry) {
      const { source, reportId, signalId, reportedAt, receivedAt } = entry;
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: listingPk(source),
            sk: listingSk(entry),
            type: 'care-report-listing',
            source,
            reportId,
            signalId,
            reportedAt,
            receivedAt,
          },
        }),
      );
    },

    async list(source, { limit, cursor }) {
      let start: Record<string, unknown> | undefined;
      if (cursor) {
        // The cursor is the last listed item's sort key; the partition is always the caller's own.
        const sk = Buffer.from(cursor, 'base64url').toString('utf8');
        if (!SK_PATTERN.test(sk)) throw new InvalidCursorError();
        start = { pk: listingPk(source), sk };
      }
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': listingPk(source) },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      const items = (page.Items ?? []).map(
        (item): CareReportListingEntry => ({
          source: item.source as string,
          reportId: item.reportId as string,
          signalId: item.signalId as string,
          reportedAt: item.reportedAt as string,
          receivedAt: item.receivedAt as string,
        }),
      );
      const last = page.LastEvaluatedKey?.sk as string | undefined;
      return { items, ...(last ? { cursor: Buffer.from(last).toString('base64url') } : {}) };
    },
  };
}
