import { TEXT_LIMITS } from '../api/field-schemas.ts';
import { type LineError, planUpload, type ReceiptLine, type ValidItem } from '../domain/upload-plan.ts';
import { CsvFileError, csvLayoutOf, csvRecords, decodeCsv } from '../intake/csv-file.ts';
import { unreadableCells } from '../intake/csv-layout.ts';
import type { ColumnMap } from '../intake/rent-arrears-columns.ts';
import { validateRentArrearsRow } from '../intake/rent-arrears-rows.ts';
import type { UploadPlanner } from './partner-upload.ts';

/** A rent-arrears file as it arrived (API.md): raw bytes, the declared charset, the file's name. */
export interface RentArrearsFile {
  readonly bytes: Uint8Array;
  readonly charset?: string | undefined;
  readonly fileName?: string | undefined;
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/**
 * A row's huurdernummer for its receipt line: the corporation's own reference (P4: only it reads its
 * receipts), so that it can find a row by it as well as by its number. Left out where it cannot be
 * trusted or must not be kept: an empty or unreadable cell (I2), one longer than a reference may be
 * (I3; this also bounds what the receipt stores per line), and a row whose tenant objected to sharing
 * (C1: nothing of such a row is kept beyond its status and error).
 */
function tenantReferenceOf(
  fields: readonly string[],
  columns: ColumnMap,
  errors: readonly LineError[] = [],
): { reference?: string } {
  const unusable = errors.some(
    (error) =>
      error.code === 'geen-grondslag' ||
      (error.code === 'invalid-characters' && error.field === 'huurdernummer'),
  );
  const position = columns.index.get('huurdernummer');
  const value = position === undefined ? '' : (fields[position] ?? '').trim();
  if (unusable || !value || [...value].length > TEXT_LIMITS.reference) return {};
  return { reference: value };
}

/**
 * Reads a rent-arrears list (API.md, DESIGN I1–I3, C1): decodes and parses it as a stream,
 * validates every row as it comes and plans the valid ones. Every data row ends as a rejected line
 * or in a pack, so the counts add up to the rows received. Throws CsvFileError for a file that is
 * not a usable list at all. The same bytes and date always give the same plan (I1: resumable).
 */
export const planRentArrears: UploadPlanner = async (bytes, { source, today, charset, secret }) => {
  const { text } = decodeCsv(bytes, charset);
  // DESIGN I2: where the header is (below a sep line, title or blank lines) and the delimiter; the
  // body's records are numbered as the spreadsheet shows its rows.
  const layout = csvLayoutOf(text);
  let columns: ColumnMap | undefined;
  const valid: ValidItem[] = [];
  const rejected: ReceiptLine[] = [];

  for await (const { row, fields } of csvRecords(layout.body, layout.delimiter)) {
    if (row <= layout.headerRow) {
      // Title and blank lines, then the header itself.
      if (row === layout.headerRow) columns = layout.columns;
      continue;
    }
    if (isBlank(fields)) continue;
    const unreadable = unreadableCells(fields, layout.header);
    if (unreadable.length > 0) {
      rejected.push({
        row,
        ...tenantReferenceOf(fields, layout.columns, unreadable),
        status: 'rejected',
        errors: unreadable,
      });
      continue;
    }
    const result = validateRentArrearsRow(fields, layout.columns, today, source);
    if (result.ok) {
      valid.push({
        label: { row, reference: result.input.sourceReference },
        input: result.input,
        dedupeKey: result.dedupeKey,
      });
    } else {
      rejected.push({
        row,
        ...tenantReferenceOf(fields, layout.columns, result.errors),
        status: 'rejected',
        errors: result.errors,
      });
    }
  }
  if (!columns) throw new CsvFileError('empty-file', 'Het bestand bevat geen kopregel en geen rijen.');
  if (valid.length === 0 && rejected.length === 0) {
    throw new CsvFileError(
      'no-rows',
      'Het bestand bevat alleen een kopregel, geen rijen met huurachterstanden.',
    );
  }
  return {
    plan: planUpload(valid, rejected, secret),
    warnings: columns.unknown.map((column) => ({ code: 'unknown-column', column })),
  };
};
