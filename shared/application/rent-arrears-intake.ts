import { amsterdamDateOf, formatAmsterdam } from '../domain/amsterdam-time.ts';
import type { Clock } from '../domain/clock.ts';
import { CsvFileError, csvLayoutOf, csvRecords, decodeCsv } from '../intake/csv-file.ts';
import { unreadableCells } from '../intake/csv-layout.ts';
import { type ColumnMap, validateRentArrearsRow } from '../intake/rent-arrears-rows.ts';
import {
  countStatuses,
  enqueuePartnerItems,
  type PartnerIntakeDependencies,
  type ValidPartnerItem,
} from './partner-intake.ts';
import type { ItemReceipt, UploadReceipt, UploadStore } from './ports.ts';

export interface RentArrearsFile {
  readonly bytes: Uint8Array;
  readonly charset?: string | undefined;
  readonly fileName?: string | undefined;
}

export interface RentArrearsDependencies extends PartnerIntakeDependencies {
  readonly uploads: UploadStore;
  readonly clock: Clock;
  readonly newUploadId: () => string;
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/**
 * Receives a rent-arrears list (API.md, DESIGN I1–I6, C1): decodes and parses it as a stream,
 * validates every row as it comes, enqueues the valid ones and stores the receipt. Every data row
 * ends as accepted, rejected, duplicate or updated, and the counts add up to the rows received.
 * Throws CsvFileError for a file that is not a usable list at all.
 */
export async function receiveRentArrears(
  file: RentArrearsFile,
  context: { readonly source: string; readonly attestation: string },
  deps: RentArrearsDependencies,
): Promise<UploadReceipt> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  const { text } = decodeCsv(file.bytes, file.charset);
  // DESIGN I2: where the header is (below a sep line, title or blank lines) and the delimiter; the body's
  // records are numbered as the spreadsheet shows its rows.
  const layout = csvLayoutOf(text);
  let columns: ColumnMap | undefined;
  const valid: ValidPartnerItem[] = [];
  const rows = new Map<number, ItemReceipt>();

  for await (const { row, fields } of csvRecords(layout.body, layout.delimiter)) {
    if (row <= layout.headerRow) {
      // Title and blank lines, then the header itself.
      if (row === layout.headerRow) columns = layout.columns;
      continue;
    }
    if (isBlank(fields)) continue;
    const unreadable = unreadableCells(fields, layout.header);
    if (unreadable.length > 0) {
      rows.set(row, { row, status: 'rejected', errors: unreadable });
      continue;
    }
    const result = validateRentArrearsRow(fields, layout.columns, today, context.source);
    if (result.ok) valid.push({ ref: row, input: result.input, dedupeKey: result.dedupeKey });
    else rows.set(row, { row, status: 'rejected', errors: result.errors });
  }
  if (!columns) throw new CsvFileError('empty-file', 'Het bestand bevat geen kopregel en geen rijen.');
  if (valid.length === 0 && rows.size === 0) {
    throw new CsvFileError(
      'no-rows',
      'Het bestand bevat alleen een kopregel, geen rijen met huurachterstanden.',
    );
  }

  const uploadId = deps.newUploadId();
  const receivedAt = formatAmsterdam(now);
  const outcomes = await enqueuePartnerItems(valid, { uploadId, source: context.source, receivedAt }, deps);
  for (const [row, outcome] of outcomes) rows.set(row, { row, ...outcome });

  const ordered = [...rows.values()].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const receipt: UploadReceipt = {
    uploadId,
    kind: 'rent-arrears',
    source: context.source,
    receivedAt,
    fileName: file.fileName,
    attestation: context.attestation,
    counts: countStatuses(ordered),
    warnings: columns.unknown.map((column) => ({ code: 'unknown-column', column })),
    rows: ordered,
  };
  await deps.uploads.save(receipt);
  return receipt;
}
