import { parse } from 'csv-parse/browser/esm/sync';
import { CSV_OPTIONS, csvLayout, decodeCsv } from '../../shared/intake/csv-layout.ts';

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A record's own text, without the line break that ends it (a quoted one inside stays). */
const withoutLineBreak = (raw: string) => raw.replace(/(\r\n|\r|\n)$/, '');

/**
 * The rejected rows of an upload, with a column `fouten` that says what to fix, ready to correct and
 * send again. Built in the browser from the file the partner chose: the service keeps no row data.
 * The file is decoded, laid out (sep line, title lines, header: DESIGN I2) and parsed by the same
 * code and the same csv-parse as on the service, so row numbers mean the same rows. The header line
 * and each rejected record are copied as they are in the file, padded to one width so that `fouten`
 * is one column. UTF-8 with a BOM so spreadsheet programs show é and Ö correctly; no sep line, as
 * Excel then ignores the BOM.
 */
export function rejectedRowsCsv(
  bytes: Uint8Array,
  rejected: readonly { row: number; errors?: readonly { message: string }[] }[],
): string {
  const { text } = decodeCsv(bytes);
  const layout = csvLayout(text, parse);
  // With `raw`, each record comes with its text as in the file.
  const records = parse(layout.body, {
    ...CSV_OPTIONS,
    delimiter: layout.delimiter,
    raw: true,
  }) as unknown as readonly { record: string[]; raw: string }[];
  const picked = rejected.flatMap(({ row, errors }) => {
    const record = row > layout.headerRow ? records[row - 1] : undefined;
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
