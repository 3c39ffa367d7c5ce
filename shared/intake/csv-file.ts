import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { CSV_OPTIONS, CsvFileError, type CsvLayout, csvLayout } from './csv-layout.ts';

// Decoding and the layout live in csv-layout.ts, without Node imports, for the web app's sake.
export { type CsvEncoding, CsvFileError, decodeCsv } from './csv-layout.ts';

/** DESIGN I2: sep line, header row and delimiter of a decoded file, read with the service's csv-parse. */
export const csvLayoutOf = (text: string): CsvLayout => csvLayout(text, parseSync);

export interface CsvRecord {
  /**
   * The record's number, counted from 1 (quoted newlines stay in one record): the spreadsheet's row
   * when the text is a layout's body (csv-layout.ts).
   */
  readonly row: number;
  readonly fields: readonly string[];
}

const CHUNK = 64 * 1024;

/**
 * Streams the records of a decoded CSV through csv-parse (quotes, embedded delimiters and newlines,
 * CRLF or LF), one at a time, so validation runs as the file is read. Structural errors (an
 * unbalanced quote) become a CsvFileError that names the row where it started.
 */
export async function* csvRecords(text: string, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = parse({ ...CSV_OPTIONS, delimiter, info: true });
  let lastRow = 0;
  const feed = async () => {
    for (let offset = 0; offset < text.length; offset += CHUNK) {
      if (!parser.write(text.slice(offset, offset + CHUNK))) {
        await new Promise((resolve) => parser.once('drain', resolve));
      }
    }
    parser.end();
  };
  // Parse errors surface through the iterator below; a failed write only means the parser stopped.
  feed().catch(() => undefined);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number };
    }>) {
      lastRow = info.records;
      yield { row: info.records, fields: record };
    }
  } catch (error) {
    // csv-parse counts the records it completed before the problem; the next one is where it lies.
    const { code, records } = error as { code?: string; records?: number };
    const row = Math.max(records ?? 0, lastRow) + 1;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new CsvFileError(
        'unbalanced-quotes',
        `Een aanhalingsteken wordt niet gesloten (vanaf rij ${row}). Controleer die rij en stuur het bestand opnieuw.`,
        { row },
      );
    }
    throw new CsvFileError('malformed-csv', `Het bestand is geen geldige CSV (rond rij ${row}).`, { row });
  } finally {
    // The consumer may stop early (a 4xx on the header); stop the parser so nothing keeps waiting.
    parser.destroy();
  }
}
