import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receivePartnerUpload } from '../../shared/application/partner-upload.ts';
import type { UploadReceipt } from '../../shared/application/ports.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { CsvFileError, csvLayoutOf, csvRecords, decodeCsv } from '../../shared/intake/csv-file.ts';
import { rejectedRowsCsv } from '../../web/src/csv.ts';
import { rentArrearsCsvArbitrary } from '../support/csv-arbitraries.ts';
import { inMemoryIntake } from '../support/in-memory-intake.ts';
import { readSampleBytes } from '../support/samples.ts';

// Issue 11: "Afgewezen rijen downloaden" re-reads the partner's file in the browser (the service
// keeps no row data). It must export exactly the rows the service rejected, by their spreadsheet row
// number (DESIGN I2), and never an accepted one. Here the service's own reader runs on the same
// bytes: its receipt says which rows were rejected, its records what those rows hold.

/** The service's reading of a file: the receipt (in-memory ports) and each row's cells by row number. */
async function serverReading(bytes: Uint8Array) {
  const { deps } = inMemoryIntake({ clock: fixedClock('2026-11-23T10:00:00+01:00') });
  const { receipt } = await receivePartnerUpload(
    { kind: 'rent-arrears', source: 'bo-ex', bytes, attestation: 'sociale-incasso' },
    deps,
    Number.POSITIVE_INFINITY,
  );
  const layout = csvLayoutOf(decodeCsv(bytes).text);
  const cells = new Map<number, readonly string[]>();
  for await (const { row, fields } of csvRecords(layout.body, layout.delimiter)) cells.set(row, fields);
  return { receipt, layout, cells };
}

const rejectedOf = (receipt: UploadReceipt) =>
  (receipt.rows ?? []).flatMap((line) =>
    line.status === 'rejected' && line.row !== undefined
      ? [{ row: line.row, reference: line.reference, errors: line.errors }]
      : [],
  );

/**
 * The web's download, read back: BOM, header, and per record its cells (padding dropped) and `fouten`.
 * Made as for an earlier upload whose file is chosen again (issue 15): checked against the receipt's
 * count and huurdernummers, which the service's own reading of the same bytes must always pass.
 */
function webExport(bytes: Uint8Array, receipt: UploadReceipt, delimiter: string) {
  const csv = rejectedRowsCsv(bytes, rejectedOf(receipt), { received: receipt.counts.received });
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header = [], ...records] = parse(csv.slice(1), {
    delimiter,
    relax_column_count: true,
  }) as string[][];
  expect(header.at(-1)).toBe('fouten');
  for (const record of records) expect(record).toHaveLength(header.length);
  return {
    header: header.slice(0, -1),
    records: records.map((record) => ({ cells: record.slice(0, -1), fouten: record.at(-1) })),
  };
}

/** The export holds the service's rejected rows, in order, each as the service read it, plus its errors. */
async function expectSameRows(bytes: Uint8Array) {
  const { receipt, layout, cells } = await serverReading(bytes);
  const rejected = rejectedOf(receipt);

  const exported = webExport(bytes, receipt, layout.delimiter);

  const padded = (fields: readonly string[]) => [
    ...fields,
    ...Array(exported.header.length - fields.length).fill(''),
  ];
  expect(exported.header).toEqual(padded(layout.header));
  expect(exported.records).toEqual(
    rejected.map(({ row, errors }) => ({
      cells: padded(cells.get(row) ?? []),
      fouten: (errors ?? []).map((error) => error.message).join(' '),
    })),
  );
  return { receipt, exported };
}

const HEADER = [
  'Huurdernummer',
  'Achternaam',
  'Geboortedatum',
  'Postcode',
  'Huisnummer',
  'Achterstand bedrag',
  'Achterstand sinds',
  'Opmerking',
];
/** A data row whose tenant number is its spreadsheet row, so the export shows which row it copied. */
const line = (row: number, delimiter: string, changes: Record<number, string> = {}) =>
  [`HN-${row}`, 'Jansen', '01-01-1980', '3561AB', `${row}`, '500', '01-09-2026', '']
    .map((value, index) => changes[index] ?? value)
    .join(delimiter);

describe('rejected rows download (issue 11, DESIGN I1, I2)', () => {
  it('sep line, two title lines, quoted newlines and delimiters, a NUL row: exactly rows 7 and 9', async () => {
    // Prepare: sep line (no row), rows 1–2 titles, 3 header; 5 has a quoted newline and 8 a quoted
    // delimiter (both accepted), 7 a NUL, 9 a bad postcode and a quoted `;` in its remark.
    const text = [
      'sep=;',
      'Huurachterstanden november 2026',
      'Bo-Ex;"afdeling Incasso; Utrecht"',
      HEADER.join(';'),
      line(4, ';'),
      line(5, ';', { 7: '"eerste regel\r\ntweede regel"' }),
      line(6, ';'),
      line(7, ';', { 1: 'Jan\u0000sen' }),
      line(8, ';', { 1: '"Smit; Jansen"' }),
      line(9, ';', { 3: '3562', 7: '"zie ""brief""; bel eerst"' }),
      line(10, ';'),
    ].join('\r\n');

    // Act
    const { receipt, exported } = await expectSameRows(Buffer.from(`${text}\r\n`, 'utf8'));

    // Assess
    expect(rejectedOf(receipt).map(({ row }) => row)).toEqual([7, 9]);
    expect(exported.records.map(({ cells }) => cells[0])).toEqual(['HN-7', 'HN-9']);
    expect(exported.records[1]?.cells[7]).toBe('zie "brief"; bel eerst');
    expect(exported.records[0]?.fouten).toMatch(/^Achternaam bevat ongeldige tekens/);
  });

  it('Windows-1252, `,`, blank and title lines, an undecodable byte: Ö survives, only its rows go out', async () => {
    // Prepare: row 1 blank, 2 a title, 3 the header, 4 blank; byte 0x81 (no Windows-1252 character)
    // in row 6, a birth date in the future in row 8.
    const text = [
      '',
      'Overzicht huurachterstanden',
      HEADER.join(','),
      '',
      line(5, ',', { 1: 'Özdemir' }),
      line(6, ',', { 1: 'Br\u0081l' }),
      line(7, ',', { 1: '"Bakker, J."' }),
      line(8, ',', { 1: 'Éénhoorn', 2: '01-01-2099' }),
    ].join('\r\n');

    const { receipt, exported } = await expectSameRows(Buffer.from(text, 'latin1'));

    expect(rejectedOf(receipt).map(({ row }) => row)).toEqual([6, 8]);
    expect(exported.records.map(({ cells }) => cells.slice(0, 2))).toEqual([
      ['HN-6', 'Br\u0081l'],
      ['HN-8', 'Éénhoorn'],
    ]);
  });

  it('a rejected row shorter or longer than the header keeps `fouten` in one column', async () => {
    const text = [HEADER.join(';'), line(2, ';'), 'HN-3;Kort', `${line(4, ';', { 3: 'x' })};extra;meer`].join(
      '\n',
    );

    const { exported } = await expectSameRows(Buffer.from(text, 'utf8'));

    expect(exported.records.map(({ cells }) => cells[0])).toEqual(['HN-3', 'HN-4']);
  });

  it('the sample file: rows 5, 6, 7 and 9, as in rent-arrears-bo-ex.expected.md', async () => {
    const { exported } = await expectSameRows(readSampleBytes('rent-arrears-bo-ex.csv'));

    expect(exported.records.map(({ cells }) => cells[0])).toEqual([
      'HN-100234',
      'HN-100235',
      'HN-100236',
      'HN-100238',
    ]);
  });

  it('holds for generated files with sep lines, title lines, NULs, quotes and both encodings', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(rentArrearsCsvArbitrary, async (file) => {
        try {
          await expectSameRows(file.bytes);
          compared++;
        } catch (error) {
          // A file the service refuses whole has no receipt, so nothing to download.
          if (!(error instanceof CsvFileError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(150);
  });
});
