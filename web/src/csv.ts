import { parse } from 'csv-parse/browser/esm/sync';
import { CSV_OPTIONS, csvLayout, decodeCsv } from '../../shared/intake/csv-layout.ts';

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A record's own text, without the line break that ends it (a quoted one inside stays). */
const withoutLineBreak = (raw: string) => raw.replace(/(\r\n|\r|\n)$/, '');

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/** A rejected line of a receipt, as the downloads read it. */
export interface RejectedLine {
  readonly row: number;
  /** The huurdernummer the receipt has for the row (absent in receipts from before issue 15). */
  readonly reference?: string | undefined;
  readonly errors?: readonly { readonly message: string }[] | undefined;
}

/** The chosen file is not the one the receipt is of: no download, and a Dutch message that says so. */
export class NotThisUploadError extends Error {}

const notThisUpload = (why: string) =>
  new NotThisUploadError(
    `Dit bestand hoort niet bij deze aanlevering: ${why}. Kies het bestand dat u toen verstuurde.`,
  );

/**
 * The rejected rows of an upload, with a column `fouten` that says what to fix, ready to correct and
 * send again. Built in the browser from the file the partner chose: the service keeps no row data.
 * The file is decoded, laid out (sep line, title lines, header: DESIGN I2) and parsed by the same
 * code and the same csv-parse as on the service, so row numbers mean the same rows. The header line
 * and each rejected record are copied as they are in the file, padded to one width so that `fouten`
 * is one column. UTF-8 with a BOM so spreadsheet programs show é and Ö correctly; no sep line, as
 * Excel then ignores the BOM.
 *
 * `receipt` is what the receipt says of the file: a file chosen again for an earlier upload must be
 * that upload's, so its rows are counted (the receipt's `received`) and each rejected row's
 * huurdernummer compared with the receipt's; another file throws NotThisUploadError.
 */
export function rejectedRowsCsv(
  bytes: Uint8Array,
  rejected: readonly RejectedLine[],
  receipt?: { readonly received: number },
): string {
  const { text } = decodeCsv(bytes);
  const layout = csvLayout(text, parse);
  // With `raw`, each record comes with its text as in the file.
  const records = parse(layout.body, {
    ...CSV_OPTIONS,
    delimiter: layout.delimiter,
    raw: true,
  }) as unknown as readonly { record: string[]; raw: string }[];
  if (receipt) {
    // The rows the service counted: every non-blank record below the header.
    const rows = records.slice(layout.headerRow).filter(({ record }) => !isBlank(record)).length;
    if (rows !== receipt.received) {
      const counted = (n: number) => `${n.toLocaleString('nl-NL')} ${n === 1 ? 'rij' : 'rijen'}`;
      throw notThisUpload(`het telt ${counted(rows)}, de aanlevering ${counted(receipt.received)}`);
    }
  }
  const tenantColumn = layout.columns.index.get('huurdernummer');
  const picked = rejected.flatMap(({ row, reference, errors }) => {
    const record = row > layout.headerRow ? records[row - 1] : undefined;
    const inFile = tenantColumn === undefined ? undefined : record?.record[tenantColumn]?.trim();
    if (receipt && (!record || (reference !== undefined && inFile !== reference))) {
      throw notThisUpload(`rij ${row} heeft er een ander huurdernummer dan op het ontvangstbewijs`);
    }
    return record ? [{ record, errors }] : [];
  });
  const width = Math.max(layout.header.length, ...picked.map(({ record }) => record.record.length));
  const line = (raw: string, cells: number) =>
    `${withoutLineBreak(raw)}${layout.delimiter.repeat(width - cells + 1)}`;
  const header = records[layout.headerRow - 1];
  const lines = [`${line(header?.raw ?? '', layout.header.length)}fouten`];
  for (const { record, errors } of picked) {
    lines.push(
      `${line(record.raw, record.record.length)}${quote((errors ?? []).map((error) => error.message).join(' '))}`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A cell a spreadsheet will not read as a formula (CSV injection): a reference of the partner's
 * that starts with =, +, - or @ gets a leading apostrophe, which spreadsheets hide.
 */
const safeCell = (value: string) => quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The rejected rows of an upload without its file: row number, huurdernummer and `fouten`, for when
 * the partner no longer has the file it sent (the service keeps none of its values). `;`-separated,
 * UTF-8 with a BOM, CRLF, like the other downloads.
 */
export function rejectedOverviewCsv(
  rejected: readonly RejectedLine[],
  names: { readonly position: string; readonly reference: string } = {
    position: 'rij',
    reference: 'huurdernummer',
  },
): string {
  const lines = [`${names.position};${names.reference};fouten`];
  for (const { row, reference, errors } of rejected) {
    lines.push(
      `${row};${safeCell(reference ?? '')};${quote((errors ?? []).map((error) => error.message).join(' '))}`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
