import fc from 'fast-check';

/**
 * fast-check generators of rent-arrears files as partners really send them: valid and invalid
 * values, `;` or `,`, UTF-8 (with or without BOM) or Windows-1252, CRLF or LF, quoted fields with
 * delimiters, quotes and newlines inside, blank lines, stray extra columns, shuffled header case, and
 * as spreadsheets export them (issue 11): a `sep=` first line, title lines above the header, a NUL.
 */
const COLUMNS = [
  'Huurdernummer',
  'Achternaam',
  'Geboortedatum',
  'Postcode',
  'Huisnummer',
  'Achterstand bedrag',
  'Achterstand sinds',
  'Aantal minderjarigen',
  'BSN',
  'Bezwaar',
] as const;

const generatorOf: Record<(typeof COLUMNS)[number], fc.Arbitrary<string>> = {
  Huurdernummer: fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((n) => `HN-${n}`),
    fc.constant(''),
  ),
  Achternaam: fc.constantFrom(
    'Özdemir',
    'de Vries',
    'Éénhoorn',
    'O"Brien',
    'Smit; Jansen',
    'Bakker, J.',
    'regel\neen',
    'Sm\u0000it',
    '',
  ),
  Geboortedatum: fc.constantFrom(
    '14-03-1984',
    '5-5-1988',
    '1961-07-30',
    '12/12/1979',
    '31-02-1975',
    '01-01-2099',
    'gisteren',
    '',
  ),
  Postcode: fc.constantFrom('3561 AB', '3562cd', '3571AE', '1012AB', '3562', '0123AB', ''),
  Huisnummer: fc.constantFrom('12', '4', '0', '12a', ''),
  'Achterstand bedrag': fc.constantFrom(
    '1.234,56',
    '€ 812,40',
    '310,00',
    '1200',
    '60,00',
    '-5,00',
    'veel',
    '',
  ),
  'Achterstand sinds': fc.constantFrom('01-08-2026', '2026-10-01', '15-09-2026', '01-01-2099', ''),
  'Aantal minderjarigen': fc.constantFrom('', '0', '2', 'twee'),
  BSN: fc.constantFrom('', '111222333', '123456789', '12345'),
  Bezwaar: fc.constantFrom('', 'nee', 'ja', 'JA'),
};

const row = fc.record({
  fields: fc.tuple(...COLUMNS.map((column) => generatorOf[column])),
  stray: fc.array(fc.constantFrom('x', 'opmerking', ''), { maxLength: 2 }),
  blankBefore: fc.boolean(),
});

export interface GeneratedCsv {
  readonly bytes: Buffer;
  /** Data rows that are not blank: what `received` must count. */
  readonly dataRows: number;
  readonly description: string;
}

function quote(value: string, delimiter: string, always: boolean): string {
  const needs = always || value.includes(delimiter) || /["\r\n]/.test(value);
  return needs ? `"${value.replaceAll('"', '""')}"` : value;
}

export const rentArrearsCsvArbitrary: fc.Arbitrary<GeneratedCsv> = fc
  .record({
    rows: fc.array(row, { minLength: 1, maxLength: 12 }),
    delimiter: fc.constantFrom(';', ','),
    newline: fc.constantFrom('\r\n', '\n'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
    quoteAll: fc.boolean(),
    upperHeader: fc.boolean(),
    extraColumn: fc.boolean(),
    sepLine: fc.boolean(),
    titles: fc.array(fc.constantFrom('Huurachterstanden november 2026', 'Bo-Ex; Utrecht, Incasso', ''), {
      maxLength: 3,
    }),
  })
  .map(({ rows, delimiter, newline, encoding, quoteAll, upperHeader, extraColumn, sepLine, titles }) => {
    const header = [...COLUMNS, ...(extraColumn ? ['Opmerking'] : [])].map((name) =>
      upperHeader ? name.toUpperCase() : name,
    );
    const lines = [
      ...(sepLine ? [`sep=${delimiter}`] : []),
      ...titles.map((title) => quote(title, delimiter, quoteAll)),
      header.map((name) => quote(name, delimiter, quoteAll)).join(delimiter),
    ];
    let dataRows = 0;
    for (const generated of rows) {
      if (generated.blankBefore) lines.push('');
      const values = [...generated.fields, ...(extraColumn ? ['opm'] : []), ...generated.stray];
      const line = values.map((value) => quote(value, delimiter, quoteAll)).join(delimiter);
      // A row whose values are all empty is a blank row, not an item (I1 counts items).
      if (values.some((value) => value.trim() !== '')) dataRows++;
      lines.push(line);
    }
    const text = lines.join(newline) + newline;
    const bytes =
      encoding === 'windows-1252'
        ? Buffer.from(text, 'latin1')
        : Buffer.concat([
            encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
            Buffer.from(text, 'utf8'),
          ]);
    return {
      bytes,
      dataRows,
      description: `${encoding} '${delimiter}' ${JSON.stringify(newline)} ${sepLine ? 'sep, ' : ''}${titles.length} titles, ${rows.length} rows`,
    };
  });

/**
 * One rent-arrears row's cells by column, each a good value or something a partner's export can
 * hold: any text (control characters, U+FFFD, astral characters included), text far over any limit,
 * formula starts, amounts and house numbers with absurd digits. For properties of the row validator.
 */
const anyText = fc.oneof(
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc
    .string({ minLength: 1, maxLength: 3 })
    .chain((start) => fc.integer({ min: 1, max: 2000 }).map((length) => start.repeat(length))),
  fc
    .constantFrom('=', '+', '-', '@', ' ', '\u0000', '\ufffd')
    .chain((start) => fc.string({ maxLength: 30 }).map((rest) => start + rest)),
);
const digits = (max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: max });
const anyAmount = fc.oneof(
  digits(30),
  fc.double({ min: -10, max: 1e8, noNaN: true }).map((value) => value.toFixed(2).replace('.', ',')),
  fc.integer({ min: 0, max: 2_000_000 }).map((value) => value.toLocaleString('nl-NL')),
  fc.constantFrom('1.000.000,00', '1.000.000,01', '0,01', '0,00', '€ 1.234,56', '1e6'),
);

/** Mostly the good value, so that enough rows pass for the property to say something. */
const cell = (good: string, ...wild: fc.Arbitrary<string>[]) =>
  fc.oneof(
    { arbitrary: fc.constant(good), weight: 9 },
    ...wild.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );

const cellOf: Record<string, fc.Arbitrary<string>> = {
  huurdernummer: cell('HN-1', anyText),
  voorletters: cell('J.', fc.constant(''), anyText),
  tussenvoegsel: cell('van der', fc.constant(''), anyText),
  achternaam: cell('Dijk', anyText),
  geboortedatum: fc.constantFrom('14-03-1984', '1961-07-30'),
  straat: cell('Bernadottelaan', fc.constant(''), anyText),
  woonplaats: cell("'s-Gravenhage", fc.constant(''), anyText),
  postcode: fc.constantFrom('3561 AB', '3562cd'),
  huisnummer: cell('12', digits(25)),
  huisnummer_toevoeging: cell('bis', fc.constant(''), anyText),
  telefoon: cell('+31 (0)6-1234 5678', fc.constant(''), digits(25), anyText),
  email: cell('j@example.nl', fc.constant(''), anyText),
  achterstand_bedrag: cell('1.234,56', anyAmount),
  achterstand_sinds: fc.constant('01-08-2026'),
  maandhuur: cell('', anyAmount),
  aantal_minderjarigen: cell('', digits(20)),
};

export const RENT_ARREARS_ROW_COLUMNS = Object.keys(cellOf);

/** Cells in the order of RENT_ARREARS_ROW_COLUMNS. */
export const rentArrearsRowArbitrary: fc.Arbitrary<string[]> = fc.tuple(
  ...RENT_ARREARS_ROW_COLUMNS.map((column) => cellOf[column] as fc.Arbitrary<string>),
);
