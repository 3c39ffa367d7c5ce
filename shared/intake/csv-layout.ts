import { invalidCharactersMessage } from '../api/field-messages.ts';
import type { FieldError } from '../api/zod-dutch.ts';
import {
  COLUMN_LABELS,
  type ColumnMap,
  canonicalColumn,
  mapColumns,
  type RentArrearsColumn,
} from './rent-arrears-columns.ts';

// DESIGN I2, "spreadsheet exports as they come": how the bytes of a rent-arrears file become text,
// where its header row is and how its rows are numbered. Plain TypeScript without Node imports:
// the web app's "Afgewezen rijen downloaden" runs this same code in the browser, so it picks the
// very rows the service rejected. The CSV parser (csv-parse's sync `parse`) is passed in, because
// the service and the browser load different builds of it.

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type Delimiter = ';' | ',';

/** A file that is not a usable CSV at all; becomes a 4xx with this code (never a 500). */
export class CsvFileError extends Error {
  readonly code: string;
  readonly row?: number | undefined;
  /** Field-level detail, e.g. one entry per missing column. */
  readonly details?: readonly FieldError[] | undefined;

  constructor(
    code: string,
    message: string,
    options: { row?: number; details?: readonly FieldError[] } = {},
  ) {
    super(message);
    this.name = 'CsvFileError';
    this.code = code;
    this.row = options.row;
    this.details = options.details;
  }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, index) => bytes[index] === byte);

const notACsv = (message: string) => new CsvFileError('not-a-csv', message);

/** How much of a file says whether it is text: binary formats show it in their first kilobytes. */
const SNIFF_BYTES = 4096;

/**
 * Only a file that is really something else is refused as a whole: a workbook (xlsx is a zip,
 * old xls an OLE2 compound file), a PDF, UTF-16 text (every other byte NUL), or bytes that are for
 * a large part NUL. A stray NUL in one row is that row's problem (see unreadableCells), not the file's.
 */
function refuseBinary(bytes: Uint8Array): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw notACsv(
      'Dit is een Excel-werkmap (xlsx) of zip-bestand, geen CSV. Sla de lijst in Excel op als "CSV UTF-8" of "CSV (gescheiden door lijstscheidingsteken)" en probeer opnieuw.',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw notACsv(
      'Dit is een Excel-werkmap (xls), geen CSV. Sla de lijst in Excel op als "CSV UTF-8" of "CSV (gescheiden door lijstscheidingsteken)" en probeer opnieuw.',
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw notACsv('Dit is een PDF-bestand, geen CSV. Sla de lijst op als CSV en probeer opnieuw.');
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let nulsAtEven = 0;
  let nulsAtOdd = 0;
  sample.forEach((byte, index) => {
    if (byte !== 0) return;
    if (index % 2 === 0) nulsAtEven++;
    else nulsAtOdd++;
  });
  const half = sample.length / 2;
  // UTF-16 ("Unicode-tekst" in Excel): a byte order mark, or plain letters as a letter and a NUL.
  const utf16 =
    startsWith(bytes, [0xff, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xff]) ||
    (nulsAtOdd > half / 2 && nulsAtEven < nulsAtOdd / 8) ||
    (nulsAtEven > half / 2 && nulsAtOdd < nulsAtEven / 8);
  if (utf16) {
    throw notACsv(
      'Dit bestand is opgeslagen als Unicode-tekst (UTF-16), niet als CSV. Sla de lijst opnieuw op als "CSV UTF-8" en probeer opnieuw.',
    );
  }
  if ((nulsAtEven + nulsAtOdd) * 8 > sample.length) {
    throw notACsv('Dit is geen CSV-bestand (binaire inhoud). Sla de lijst op als CSV en probeer opnieuw.');
  }
}

/**
 * DESIGN I2: UTF-8 (with or without BOM) or Windows-1252; a declared Windows-1252/Latin-1 charset
 * wins. A file that is valid UTF-8 is UTF-8. Otherwise the majority decides, so that one broken
 * sequence does not turn a UTF-8 file into Windows-1252 (which would garble every é in it): with a
 * BOM, or with more valid multi-byte sequences than broken ones, it is UTF-8 and the broken ones
 * become U+FFFD, which rejects just their rows (unreadableCells); else Windows-1252, where ë, Ö, é
 * are single bytes that are never valid UTF-8. Throws not-a-csv for a file that is no text at all.
 */
export function decodeCsv(
  bytes: Uint8Array,
  declaredCharset?: string,
): { text: string; encoding: CsvEncoding } {
  refuseBinary(bytes);
  const declared = declaredCharset?.toLowerCase();
  if (
    declared === 'windows-1252' ||
    declared === 'cp1252' ||
    declared === 'iso-8859-1' ||
    declared === 'latin1'
  ) {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
  try {
    // ignoreBOM false (the default) strips a UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const { valid, broken } = utf8Sequences(bytes);
    if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || valid > broken) {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Counts the multi-byte UTF-8 sequences in `bytes` and the non-ASCII bytes that start none. */
function utf8Sequences(bytes: Uint8Array): { valid: number; broken: number } {
  let valid = 0;
  let broken = 0;
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length = 0;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    let complete = length > 0 && index + length <= bytes.length;
    for (let next = 1; complete && next < length; next++) {
      complete = ((bytes[index + next] as number) & 0xc0) === 0x80;
    }
    if (complete) {
      valid++;
      index += length;
    } else {
      broken++;
      index++;
    }
  }
  return { valid, broken };
}

/** csv-parse's options for rent-arrears files, the same for the service and the web app. */
export const CSV_OPTIONS = { relax_column_count: true, relax_quotes: true } as const;

/**
 * The part of csv-parse's synchronous `parse` used here: `csv-parse/sync` in the service,
 * `csv-parse/browser/esm/sync` in the web app.
 */
export type ParseCsv = (
  input: string,
  options: typeof CSV_OPTIONS & {
    delimiter: string;
    to?: number;
    on_record?: (record: string[]) => string[];
  },
) => unknown;

/** I2: the header is the first line within this many (not counting a sep line) naming the columns. */
export const HEADER_SEARCH_ROWS = 10;

export interface CsvLayout {
  readonly delimiter: Delimiter;
  /**
   * The text from the first spreadsheet row on: without a `sep=` line, which Excel hides. Its
   * records, counted from 1 (blank lines and title lines included, quoted newlines inside their
   * record), are the row numbers the spreadsheet shows and the receipt uses.
   */
  readonly body: string;
  /** The row of the header: 1, or lower down when title or blank lines sit above it. */
  readonly headerRow: number;
  /** The header's cells as written. */
  readonly header: readonly string[];
  readonly columns: ColumnMap;
}

/**
 * Excel writes `sep=;` as the first line to name the delimiter and hides it (it is no row). We read
 * it case-insensitively, after a BOM, quoted (`"sep=;"`) and with trailing delimiters (`sep=;;;`).
 */
const SEP_LINE = /^\uFEFF?("?)sep=([;,])\1[;,]*[ \t]*(\r\n|\n|\r|$)/i;

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/** Parses a prefix that is long enough for the first `count` records. */
function firstRecords(body: string, delimiter: Delimiter, count: number, parse: ParseCsv): string[][] {
  // Parsing a 6 MB upload whole just to read its head costs tens of milliseconds: take a prefix,
  // and a longer one while it does not hold a complete record beyond the ones wanted.
  for (let length = 64 * 1024; ; length *= 4) {
    const whole = length >= body.length;
    const records: string[][] = [];
    try {
      parse(whole ? body : body.slice(0, length), {
        ...CSV_OPTIONS,
        delimiter,
        to: count + 1,
        on_record: (record) => {
          records.push(record);
          return record;
        },
      });
    } catch {
      // An unbalanced quote: the records before it are what the head has; reading the file
      // reports the quote itself (csvRecords), with its row.
      if (!whole) continue;
    }
    if (whole || records.length > count) return records.slice(0, count);
  }
}

function missingColumnsError(missing: readonly string[]): CsvFileError {
  return new CsvFileError(
    'missing-columns',
    `Verplichte kolommen ontbreken: ${missing.join(', ')}. Gebruik de kolomnamen uit de aanleverspecificatie; de kopregel moet binnen de eerste ${HEADER_SEARCH_ROWS} regels staan.`,
    {
      details: missing.map((column) => ({
        field: column,
        code: 'missing-column',
        message: `Kolom ${column} ontbreekt in de kopregel.`,
      })),
    },
  );
}

/**
 * DESIGN I2: the layout of a decoded rent-arrears file. A `sep=` first line names the delimiter and
 * is not a row. Above the header, blank and title lines are skipped but keep their row numbers:
 * the header is the first of the first HEADER_SEARCH_ROWS rows that names every required column.
 * Without a sep line the delimiter is detected on that header line: the one, `;` or `,`, under
 * which it names them (`;` if both would). Throws `missing-columns` naming what the best candidate
 * line lacks, or `empty-file` when there is nothing but blank lines.
 */
export function csvLayout(text: string, parse: ParseCsv): CsvLayout {
  const sep = SEP_LINE.exec(text);
  const body = sep ? text.slice(sep[0].length) : text.replace(/^\uFEFF/, '');
  const delimiters: readonly Delimiter[] = sep ? [sep[2] as Delimiter] : [';', ','];
  let found: CsvLayout | undefined;
  let best: ColumnMap | undefined;
  for (const delimiter of delimiters) {
    for (const [index, fields] of firstRecords(body, delimiter, HEADER_SEARCH_ROWS, parse).entries()) {
      // A header found no earlier under the second delimiter does not win: `;` is tried first.
      if (found && index + 1 >= found.headerRow) break;
      if (isBlank(fields)) continue;
      const columns = mapColumns(fields);
      if (columns.missing.length === 0) {
        found = { body, delimiter, headerRow: index + 1, header: fields, columns };
        break;
      }
      if (!best || columns.missing.length < best.missing.length) best = columns;
    }
  }
  if (found) return found;
  if (/^[\s;,"]*$/.test(body)) {
    throw new CsvFileError('empty-file', 'Het bestand bevat geen kopregel en geen rijen.');
  }
  throw missingColumnsError((best ?? mapColumns([])).missing);
}

// NUL, the other C0 controls except tab and line breaks, DEL, the C1 controls (what Windows-1252
// bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D decode to) and U+FFFD (a byte sequence that was no UTF-8).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNREADABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;

/**
 * DESIGN I2: a data row with a NUL, an undecodable byte or another control character in any cell is
 * rejected, one `invalid-characters` error per such column, before the row is validated: its values
 * cannot be trusted, and a stray NUL must not cost the whole file. The message names the column as
 * the file's header does and never repeats the value.
 */
export function unreadableCells(fields: readonly string[], header: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  fields.forEach((value, index) => {
    if (!UNREADABLE.test(value)) return;
    const name = (header[index] ?? '').replace(new RegExp(UNREADABLE, 'g'), '').trim();
    const field = name ? canonicalColumn(name) : `kolom ${index + 1}`;
    // A known column by the label the field schemas use (one message per problem, DESIGN I3).
    const label = COLUMN_LABELS[field as RentArrearsColumn] ?? (name || `Kolom ${index + 1}`);
    errors.push({ field, code: 'invalid-characters', message: invalidCharactersMessage(label) });
  });
  return errors;
}
