import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  StoredReceiptPage,
  UploadHeader,
  UploadProgress,
  UploadState,
  UploadStore,
  UploadSummary,
} from '../application/ports.ts';
import {
  countLines,
  inPartnerOrder,
  type PackDecision,
  packItemsOf,
  positionOf,
  RECEIPT_PAGE_SIZE,
  type ReceiptLine,
} from '../domain/upload-plan.ts';
import { chunksWithin } from '../parallel.ts';
import { batchWrite, queryAll } from './dynamodb-batch.ts';

/**
 * Lines per stored chunk of lines the file decided (a 30,000-row receipt is 30 items), and the
 * bytes per item of lines: well below DynamoDB's 400 KB item limit, with room for the keys, and
 * for DynamoDB's own encoding of lists and maps beside the JSON size counted here.
 */
const LINES_PER_CHUNK = 1000;
const LINE_BYTES_PER_ITEM = 300 * 1024;
const withinItem = { count: LINES_PER_CHUNK, bytes: LINE_BYTES_PER_ITEM };

const uploadPk = (uploadId: string) => `UPLOAD#${uploadId}`;
const listingPk = (source: string) => `SOURCE#${source}#UPLOADS`;
const number = (value: number) => String(value).padStart(5, '0');
const packSk = (pack: number) => `PACK#${number(pack)}`;
const routedSk = (pack: number) => `ROUTED#${number(pack)}`;
/**
 * A page of the finished receipt, keyed by its first line's row number or element index (up to nine
 * digits: no file of 6 MB has more rows). `VIEW#` sorts after `ROUTED#`, so the reads of the work
 * (`read`, `progress`) never read the pages.
 */
const VIEW = 'VIEW#';
const viewSk = (position: number) => `${VIEW}${String(position).padStart(9, '0')}`;

/** What the list shows (API.md `GET /intake/uploads`): the header without what the list leaves out. */
function summaryOf(header: UploadHeader): UploadSummary {
  const { charset: _charset, packs: _packs, received, warnings: _warnings, counts, ...summary } = header;
  return {
    ...summary,
    counts: counts ?? { received, accepted: 0, rejected: 0, duplicate: 0, updated: 0 },
  };
}

/** A header from before uploads had a status and packs: it was complete when stored. */
function headerOf(item: Record<string, unknown>): UploadHeader {
  const { pk: _pk, sk: _sk, type: _type, ...header } = item;
  const counts = header.counts as UploadHeader['counts'];
  return {
    status: 'klaar',
    packs: 0,
    received: counts?.received ?? 0,
    ...(header as unknown as Partial<UploadHeader>),
  } as UploadHeader;
}

/**
 * Upload receipts (DESIGN §4 "rows in chunks"), under `UPLOAD#<id>`: a header, the lines the file
 * decided in chunks, one item per decided pack (its lines and the items sent to the router: row
 * numbers and signal ids) and a marker per routed pack; a listing item under the partner makes
 * `GET /intake/uploads` one query. No names, addresses or values: row numbers, statuses, signal ids,
 * value-free error messages, and the partner's own reference per line (a huurdernummer, P4).
 */
export function dynamoUploadStore(client: DynamoDBDocumentClient, tableName: string): UploadStore {
  const listing = (header: UploadHeader) => ({
    pk: listingPk(header.source),
    sk: `${header.receivedAt}#${header.uploadId}`,
    type: 'upload-listing',
    ...summaryOf(header),
  });

  return {
    async begin(header, fixedLines) {
      const field = header.kind === 'rent-arrears' ? 'rows' : 'items';
      await batchWrite(
        client,
        tableName,
        chunksWithin(fixedLines, withinItem).map((lines, index) => ({
          pk: uploadPk(header.uploadId),
          sk: `CHUNK#${number(index)}`,
          type: 'upload-chunk',
          field,
          lines,
        })),
      );
      // The header after the lines: its presence means the upload is committed (I1). The listing
      // after the header, so the partner's list never shows an upload that is not there; should it
      // be missing after a crash, finishing the upload writes it.
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: uploadPk(header.uploadId), sk: 'HEADER', type: 'upload', ...header },
        }),
      );
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: listing({ ...header, counts: { ...countLines(fixedLines), received: header.received } }),
        }),
      );
    },

    async saveDecisions(uploadId, decisions) {
      await batchWrite(
        client,
        tableName,
        decisions.map(({ pack, lines, items }) => ({
          pk: uploadPk(uploadId),
          sk: packSk(pack),
          type: 'upload-pack',
          pack,
          // The items follow from the lines (packItemsOf); only their number is kept, for the
          // reconciler's light read: whether the pack had anything to route.
          lines,
          itemCount: items.length,
        })),
      );
    },

    async markPackRouted(uploadId, pack) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: uploadPk(uploadId), sk: routedSk(pack), type: 'upload-pack-routed', pack },
        }),
      );
    },

    async finish(header, lines) {
      // The pages before the header: a `klaar` header means its pages are all there (a crash in
      // between leaves the upload `verwerken`, and finishing it again writes the same pages).
      // At most RECEIPT_PAGE_SIZE lines a page, fewer when its lines are large (rejected rows).
      const pages = chunksWithin(inPartnerOrder(lines), {
        count: RECEIPT_PAGE_SIZE,
        bytes: LINE_BYTES_PER_ITEM,
      });
      await batchWrite(
        client,
        tableName,
        pages.map((page, index) => {
          const next = pages[index + 1]?.[0];
          return {
            pk: uploadPk(header.uploadId),
            sk: viewSk(positionOf(page[0] as ReceiptLine)),
            type: 'upload-receipt-page',
            lines: page,
            ...(next ? { next: positionOf(next) } : {}),
          };
        }),
      );
      await batchWrite(client, tableName, [
        { pk: uploadPk(header.uploadId), sk: 'HEADER', type: 'upload', ...header },
        listing(header),
      ]);
    },

    async read(uploadId): Promise<UploadState | undefined> {
      const items = await queryAll(client, {
        TableName: tableName,
        // Everything but the pages of the finished receipt: the lines are in the chunks and packs.
        KeyConditionExpression: 'pk = :pk AND sk < :view',
        ExpressionAttributeValues: { ':pk': uploadPk(uploadId), ':view': VIEW },
        // A continuation reads what its request wrote a moment ago.
        ConsistentRead: true,
      });
      const headerItem = items.find((item) => item.sk === 'HEADER');
      if (!headerItem) return undefined;
      const decisions = new Map<number, PackDecision>();
      const routed = new Set<number>();
      const fixedLines: ReceiptLine[] = [];
      for (const item of items) {
        if (item.type === 'upload-chunk') fixedLines.push(...(item.lines as ReceiptLine[]));
        if (item.type === 'upload-pack') {
          const { pack, lines } = item as unknown as Pick<PackDecision, 'pack' | 'lines'>;
          decisions.set(pack, { pack, lines, items: packItemsOf(lines) });
        }
        if (item.type === 'upload-pack-routed') routed.add(item.pack as number);
      }
      return { header: headerOf(headerItem), fixedLines, decisions, routed };
    },

    async header(uploadId) {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: uploadPk(uploadId), sk: 'HEADER' },
          ConsistentRead: true,
        }),
      );
      return Item ? headerOf(Item) : undefined;
    },

    async receiptPage(uploadId, from): Promise<StoredReceiptPage | undefined> {
      const firstOf = async (condition: string, values: Record<string, string>, forward: boolean) => {
        const { Items } = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: `pk = :pk AND ${condition}`,
            ExpressionAttributeValues: { ':pk': uploadPk(uploadId), ...values },
            ScanIndexForward: forward,
            Limit: 1,
            // Written just before the header said `klaar`, which was read consistently.
            ConsistentRead: true,
          }),
        );
        return Items?.[0];
      };
      // One item read: the last page starting at or before `from`; without `from` (or before the
      // first line) the first page.
      const item =
        (from === undefined
          ? undefined
          : await firstOf('sk BETWEEN :first AND :at', { ':first': VIEW, ':at': viewSk(from) }, false)) ??
        (await firstOf('begins_with(sk, :view)', { ':view': VIEW }, true));
      if (!item) return undefined;
      const lines = item.lines as ReceiptLine[];
      return {
        lines: from === undefined ? lines : lines.filter((line) => positionOf(line) >= from),
        next: item.next as number | undefined,
      };
    },

    async progress(uploadId): Promise<UploadProgress> {
      const [header, items] = await Promise.all([
        client.send(
          new GetCommand({
            TableName: tableName,
            Key: { pk: uploadPk(uploadId), sk: 'HEADER' },
            ConsistentRead: true,
          }),
        ),
        queryAll(client, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': uploadPk(uploadId), ':from': 'PACK#', ':to': 'ROUTED#~' },
          ProjectionExpression: 'sk, pack, itemCount',
          ConsistentRead: true,
        }),
      ]);
      const decided = new Map<number, number>();
      const routed = new Set<number>();
      for (const item of items) {
        if (String(item.sk).startsWith('PACK#')) decided.set(item.pack as number, item.itemCount as number);
        else routed.add(item.pack as number);
      }
      return { header: header.Item ? headerOf(header.Item) : undefined, decided, routed };
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
        items: (page.Items ?? []).map(({ pk: _pk, sk: _sk, type: _type, ...item }) => {
          const summary = item as unknown as UploadSummary;
          // Listed before uploads had a status: complete when stored.
          return { ...summary, status: summary.status ?? 'klaar' };
        }),
        cursor: page.LastEvaluatedKey?.sk as string | undefined,
      };
    },
  };
}
