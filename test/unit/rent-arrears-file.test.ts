import { describe, expect, it } from 'vitest';
import { invalidCharactersMessage } from '../../shared/api/field-messages.ts';
import { CsvFileError, csvLayoutOf, csvRecords, decodeCsv } from '../../shared/intake/csv-file.ts';
import { HEADER_SEARCH_ROWS, unreadableCells } from '../../shared/intake/csv-layout.ts';
import { canonicalColumn, mapColumns } from '../../shared/intake/rent-arrears-columns.ts';
import { validateRentArrearsRow } from '../../shared/intake/rent-arrears-rows.ts';
import { readSampleBytes } from '../support/samples.ts';

const TODAY = '2026-11-23';

async function records(text: string, delimiter = ';') {
  const result: { row: number; fields: readonly string[] }[] = [];
  for await (const record of csvRecords(text, delimiter)) result.push(record);
  return result;
}

async function validatedSample() {
  const { text, encoding } = decodeCsv(readSampleBytes('rent-arrears-bo-ex.csv'));
  const layout = csvLayoutOf(text);
  const rows = (await records(layout.body, layout.delimiter)).slice(layout.headerRow);
  return {
    encoding,
    columns: layout.columns,
    results: new Map(
      rows.map(({ row, fields }) => [row, validateRentArrearsRow(fields, layout.columns, TODAY, 'bo-ex')]),
    ),
  };
}

/** The layout of a file and the first cell of each data row by its row number, as the service reads them. */
async function laidOut(bytes: Uint8Array) {
  const layout = csvLayoutOf(decodeCsv(bytes).text);
  const rows = (await records(layout.body, layout.delimiter))
    .filter(({ row, fields }) => row > layout.headerRow && fields.some((field) => field.trim()))
    .map(({ row, fields }) => [row, fields[0]] as const);
  return { layout, rows };
}

const HEADER =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds';
const row = (tenant: string, delimiter = ';') =>
  [tenant, 'Test', '01-01-1980', '3561AB', '1', '500', '01-09-2026'].join(delimiter);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('I2 decoding', () => {
  it('the sample is Windows-1252 with ; and keeps Ö and É', async () => {
    const { encoding, results } = await validatedSample();

    expect(encoding).toBe('windows-1252');
    const row3 = results.get(3);
    const row8 = results.get(8);
    expect(row3?.ok && row3.input.person.surname).toBe('Özdemir');
    expect(row8?.ok && row8.input.person.surname).toBe('Éénhoorn');
  });

  it('UTF-8 with and without BOM decodes as UTF-8; a declared charset wins', () => {
    const plain = Buffer.from('achternaam\nÖzdemir\n', 'utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);

    expect(decodeCsv(plain)).toEqual({ text: 'achternaam\nÖzdemir\n', encoding: 'utf-8' });
    expect(decodeCsv(withBom)).toEqual({ text: 'achternaam\nÖzdemir\n', encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from([0x4f, 0xd6]), 'windows-1252').text).toBe('OÖ');
  });

  it('a stray NUL in one row is kept in the text for that row to be rejected, not the file', () => {
    // Prepare
    const bytes = utf8(`${HEADER}\n${row('HN-1')}\n${row('HN-\u00002')}\n`);

    // Act
    const decoded = decodeCsv(bytes);

    // Assess
    expect(decoded).toEqual({ text: bytes.toString('utf8'), encoding: 'utf-8' });
  });

  it('UTF-8 with one broken byte sequence stays UTF-8: only that sequence becomes U+FFFD', () => {
    // Prepare: é and Ö elsewhere, and one row cut in the middle of a two-byte ë.
    const bytes = Buffer.concat([
      utf8('achternaam\nÖzdemir\nÉénhoorn\nBr'),
      Buffer.from([0xc3]),
      utf8('l\n'),
    ]);

    // Act
    const decoded = decodeCsv(bytes);

    // Assess
    expect(decoded).toEqual({ text: 'achternaam\nÖzdemir\nÉénhoorn\nBr\uFFFDl\n', encoding: 'utf-8' });
  });

  it('a file whose non-ASCII bytes are never valid UTF-8 is Windows-1252', () => {
    expect(decodeCsv(Buffer.from('achternaam\nÖzdemir\nÉénhoorn\nBrël\n', 'latin1'))).toEqual({
      text: 'achternaam\nÖzdemir\nÉénhoorn\nBrël\n',
      encoding: 'windows-1252',
    });
  });

  it.each([
    ['an xlsx workbook (a zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /xlsx/],
    ['an old xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]), /xls\)/],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), /PDF/],
    [
      'UTF-16 with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]),
      /CSV UTF-8/,
    ],
    ['UTF-16 without a BOM', Buffer.from(`${HEADER}\r\n${row('HN-1')}\r\n`, 'utf16le'), /CSV UTF-8/],
    ['UTF-16 big-endian', Buffer.from(Buffer.from(HEADER, 'utf16le')).swap16(), /CSV UTF-8/],
    ['mostly NUL bytes', Buffer.concat([utf8(`${HEADER}\n`), Buffer.alloc(2048)]), /binaire inhoud/],
  ])('%s is not a CSV, and the message says what to do', (_name, bytes, message) => {
    expect(() => decodeCsv(bytes)).toThrow(
      expect.objectContaining({ code: 'not-a-csv', message: expect.stringMatching(message) }),
    );
  });
});

describe('I2 layout: sep line, title lines, header row, row numbers', () => {
  it.each([
    ['sep=;', ';'],
    ['sep=,', ','],
    ['SEP=;', ';'],
    ['"sep=;"', ';'],
    ['"sep=,",,,,', ','],
    ['sep=;;;;;;', ';'],
  ])('a %j first line names the delimiter %s and is not a row', async (sepLine, delimiter) => {
    // Prepare
    const header = HEADER.replaceAll(';', delimiter);
    const bytes = utf8(
      `${sepLine}\r\n${header}\r\n${row('HN-2', delimiter)}\r\n${row('HN-3', delimiter)}\r\n`,
    );

    // Act
    const { layout, rows } = await laidOut(bytes);

    // Assess
    expect(layout).toMatchObject({ delimiter, headerRow: 1 });
    expect(rows).toEqual([
      [2, 'HN-2'],
      [3, 'HN-3'],
    ]);
  });

  it('a sep line after a BOM counts too', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8(`sep=,\n${HEADER.replaceAll(';', ',')}\n${row('HN-2', ',')}\n`),
    ]);

    const { layout, rows } = await laidOut(bytes);

    expect(layout.delimiter).toBe(',');
    expect(rows).toEqual([[2, 'HN-2']]);
  });

  it('the sep line wins over what the header line would suggest', async () => {
    // Prepare: a `;` header that also has commas, named `;` by the sep line.
    const bytes = utf8(`sep=;\n${HEADER};"opmerking, vrij";"a, b, c"\n${row('HN-2')}\n`);

    const { layout } = await laidOut(bytes);

    expect(layout.delimiter).toBe(';');
    expect(layout.columns.unknown).toEqual(['opmerking, vrij', 'a, b, c']);
  });

  it('title and blank lines above the header are skipped but keep their row numbers', async () => {
    // Prepare: rows 1–3 a title, a blank line, a subtitle with commas; the header is row 4.
    const bytes = utf8(
      `Huurachterstanden november 2026;;;\n\nBo-Ex, afdeling Incasso, Utrecht\n${HEADER}\n${row('HN-5')}\n\n${row('HN-7')}\n`,
    );

    const { layout, rows } = await laidOut(bytes);

    expect(layout).toMatchObject({ delimiter: ';', headerRow: 4 });
    expect(rows).toEqual([
      [5, 'HN-5'],
      [7, 'HN-7'],
    ]);
  });

  it('a title with a line break in its cell is one spreadsheet row', async () => {
    const bytes = utf8(`"Huurachterstanden\nnovember 2026"\n${HEADER}\n${row('HN-3')}\n`);

    const { layout, rows } = await laidOut(bytes);

    expect(layout.headerRow).toBe(2);
    expect(rows).toEqual([[3, 'HN-3']]);
  });

  it('the delimiter is detected on the header line, not on a title line above it', async () => {
    // Prepare: a `;`-rich title above a `,` header.
    const header = HEADER.replaceAll(';', ',');
    const bytes = utf8(`Lijst;november;2026;Bo-Ex;Utrecht;;;;;;;;\n${header}\n${row('HN-3', ',')}\n`);

    const { layout, rows } = await laidOut(bytes);

    expect(layout).toMatchObject({ delimiter: ',', headerRow: 2 });
    expect(rows).toEqual([[3, 'HN-3']]);
  });

  it(`the header may be line ${HEADER_SEARCH_ROWS}, after a sep line too`, async () => {
    const titles = Array.from({ length: HEADER_SEARCH_ROWS - 1 }, (_, index) => `Titel ${index + 1}`);

    const plain = await laidOut(utf8([...titles, HEADER, row('HN-11')].join('\n')));
    const withSep = await laidOut(utf8(['sep=;', ...titles, HEADER, row('HN-11')].join('\n')));

    expect(plain.layout.headerRow).toBe(HEADER_SEARCH_ROWS);
    expect(plain.rows).toEqual([[11, 'HN-11']]);
    expect(withSep.layout.headerRow).toBe(HEADER_SEARCH_ROWS);
    expect(withSep.rows).toEqual([[11, 'HN-11']]);
  });

  it(`a header on line ${HEADER_SEARCH_ROWS + 1} is not found: missing-columns, named from the best candidate line`, () => {
    // Prepare: line 2 names two of the seven required columns, the real header is one line too low.
    const titles = Array.from({ length: HEADER_SEARCH_ROWS }, (_, index) => `Titel ${index + 1}`);
    titles[1] = 'huurdernummer;achternaam';
    const text = [...titles, HEADER, row('HN-12')].join('\n');

    // Act
    const error = (() => {
      try {
        return csvLayoutOf(text);
      } catch (caught) {
        return caught;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(CsvFileError);
    expect(error).toMatchObject({
      code: 'missing-columns',
      details: ['geboortedatum', 'postcode', 'huisnummer', 'achterstand_bedrag', 'achterstand_sinds'].map(
        (field) => expect.objectContaining({ field, code: 'missing-column' }),
      ),
    });
  });

  it('a file of blank lines is empty', () => {
    expect(() => csvLayoutOf('\r\n;;;\r\n\r\n')).toThrow(expect.objectContaining({ code: 'empty-file' }));
  });
});

describe('I2 a row with unreadable characters', () => {
  const header = ['Huurnummer', 'Achternaam', 'Opmerking', 'huurdernummer'];

  it('names each column with a NUL, U+FFFD or another control character, never the value', () => {
    // Prepare: NUL, a broken UTF-8 sequence, the C1 control Windows-1252 gives byte 0x81, a form feed.
    const fields = ['A\u0000', 'Sm\uFFFDt', 'x\u0081y', 'HN\u000c1', 'extra\u0000'];

    // Act
    const errors = unreadableCells(fields, header);

    // Assess
    expect(errors.map(({ field, code }) => [field, code])).toEqual([
      ['huurnummer', 'invalid-characters'],
      ['achternaam', 'invalid-characters'],
      ['opmerking', 'invalid-characters'],
      ['huurdernummer', 'invalid-characters'],
      ['kolom 5', 'invalid-characters'],
    ]);
    expect(errors[1]?.message).toBe(invalidCharactersMessage('Achternaam'));
    expect(errors[4]?.message).toMatch(/^Kolom 5 bevat ongeldige tekens/);
    expect(errors.map((error) => error.message).join(' ')).not.toMatch(/Sm|HN|extra|x.y/);
  });

  it('tabs, line breaks in a quoted cell and accented letters are readable', () => {
    expect(unreadableCells(['a\tb', 'regel\r\neen', 'Éénhoorn', '€ 12,00'], header)).toEqual([]);
  });
});

describe('CSV records', () => {
  it('handles quotes, embedded delimiters and newlines, CRLF and blank lines; rows as in a spreadsheet', async () => {
    const text = 'a;b\r\n1;"x;y"\r\n\r\n2;"line 1\nline 2"\r\n3;"say ""hi"""\r\n';

    expect(await records(text)).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['1', 'x;y'] },
      { row: 3, fields: [''] },
      { row: 4, fields: ['2', 'line 1\nline 2'] },
      { row: 5, fields: ['3', 'say "hi"'] },
    ]);
  });

  it('an unbalanced quote is a file error naming the row where it starts', async () => {
    const error = await records('a;b\n1;2\n3;"open\n4;5\n').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CsvFileError);
    expect(error).toMatchObject({ code: 'unbalanced-quotes', row: 3 });
  });
});

describe('columns (API.md)', () => {
  it.each([
    ['Achterstand bedrag', 'achterstand_bedrag'],
    ['ACHTERSTAND-SINDS', 'achterstand_sinds'],
    [' Huisnummer_Toevoeging ', 'huisnummer_toevoeging'],
    ['Toevoeging', 'huisnummer_toevoeging'],
  ])('%j is %s', (header, canonical) => {
    expect(canonicalColumn(header)).toBe(canonical);
  });

  it('names missing required columns and lists unknown ones once', () => {
    const columns = mapColumns(['Huurdernummer', 'Achternaam', 'Opmerking', 'Postcode']);

    expect(columns.missing).toEqual([
      'geboortedatum',
      'huisnummer',
      'achterstand_bedrag',
      'achterstand_sinds',
    ]);
    expect(columns.unknown).toEqual(['Opmerking']);
  });
});

describe('rent-arrears-bo-ex.expected.md, row by row (I3, I4 input, C1)', () => {
  it('row 2: accepted, 2 minors, Dutch amount and dates', async () => {
    const row = (await validatedSample()).results.get(2);

    expect(row).toMatchObject({
      ok: true,
      dedupeKey: ['bo-ex', 'huurachterstand', 'HN-100231', '2026-08-01'],
      input: {
        amount: 1234.56,
        arrearsSince: '2026-08-01',
        minorsInHousehold: 2,
        monthlyRent: 645,
        person: {
          initials: 'J.',
          prefix: 'van',
          surname: 'Dijk',
          birthDate: '1984-03-14',
          phone: '0612345678',
        },
        address: { postcode: '3561AB', houseNumber: 12 },
      },
    });
  });

  it('row 3: accepted, composition unknown, € amount, suffix, lowercase postcode', async () => {
    const row = (await validatedSample()).results.get(3);

    expect(row).toMatchObject({
      ok: true,
      input: {
        amount: 812.4,
        minorsInHousehold: undefined,
        address: { postcode: '3562CD', houseNumber: 4, houseNumberSuffix: 'bis' },
      },
    });
  });

  it('row 4: accepted with ISO dates and a valid BSN', async () => {
    const row = (await validatedSample()).results.get(4);

    expect(row).toMatchObject({
      ok: true,
      input: { person: { birthDate: '1961-07-30', bsn: '111222333' }, arrearsSince: '2026-10-01' },
    });
  });

  it.each([
    [5, 'geboortedatum', 'invalid-date'],
    [6, 'postcode', 'invalid-postcode'],
    [7, 'bezwaar', 'geen-grondslag'],
    [9, 'bsn', 'invalid-bsn'],
  ])(
    'row %i: rejected on %s (%s), with a Dutch message that does not repeat the value',
    async (rowNumber, field, code) => {
      const row = (await validatedSample()).results.get(rowNumber);

      expect(row?.ok).toBe(false);
      if (row?.ok !== false) return;
      expect(row.errors).toEqual([{ field, code, message: expect.any(String) }]);
      expect(row.errors[0]?.message).not.toMatch(/31-02-1975|3562|123456789/);
    },
  );

  it('row 8: accepted here; the €75 threshold is applied when routing (I4)', async () => {
    const row = (await validatedSample()).results.get(8);

    expect(row).toMatchObject({ ok: true, input: { amount: 60 } });
  });

  it('collects every field error of a row, and rejects future and impossible values', () => {
    const columns = mapColumns([
      'huurdernummer',
      'achternaam',
      'geboortedatum',
      'postcode',
      'huisnummer',
      'achterstand_bedrag',
      'achterstand_sinds',
      'aantal_minderjarigen',
    ]);
    const result = validateRentArrearsRow(
      ['', '', '01-01-2030', '3561AB', '12a', '-5,00', '01-01-2027', 'twee'],
      columns,
      TODAY,
      'bo-ex',
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => `${error.field}:${error.code}`)).toEqual([
      'huurdernummer:required',
      'achternaam:required',
      'geboortedatum:birth-date-in-future',
      'huisnummer:invalid-house-number',
      'achterstand_bedrag:amount-not-positive',
      'achterstand_sinds:date-in-future',
      'aantal_minderjarigen:invalid-number',
    ]);
  });
});
