import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { invalidCharactersMessage } from '../../shared/api/field-messages.ts';
import { energySignalSchema } from '../../shared/api/partner-intake-schemas.ts';
import { type FieldError, fieldErrors } from '../../shared/api/zod-dutch.ts';
import { debtDateErrors } from '../../shared/domain/intake-dates.ts';
import {
  mapColumns,
  RENT_ARREARS_COLUMNS,
  type RentArrearsColumn,
} from '../../shared/intake/rent-arrears-columns.ts';
import { validateRentArrearsRow } from '../../shared/intake/rent-arrears-rows.ts';
import { readSample, sampleCareReports } from '../support/samples.ts';

// DESIGN I3, issue 11: one schema for a person, an address and an amount. The same bad value gets
// the same code and the same Dutch message in a rent-arrears CSV row (field = column) and in a JSON
// energy element or care report (field = dotted path), and never repeats the value.
const TODAY = '2026-11-23';

const GOOD_ROW: Record<RentArrearsColumn, string> = {
  huurdernummer: 'HN-1',
  voorletters: 'J.',
  tussenvoegsel: 'van',
  achternaam: 'Dijk',
  geboortedatum: '14-03-1984',
  straat: 'Bernadottelaan',
  woonplaats: 'Utrecht',
  postcode: '3561 AB',
  huisnummer: '12',
  huisnummer_toevoeging: 'bis',
  telefoon: '0612345678',
  email: 'j@example.nl',
  achterstand_bedrag: '1.234,56',
  achterstand_sinds: '01-08-2026',
  maandhuur: '645,00',
  aantal_minderjarigen: '2',
  ontruimingsdatum: '',
  bsn: '111222333',
  bezwaar: 'nee',
  warme_overdracht: '',
};
const COLUMNS = mapColumns([...RENT_ARREARS_COLUMNS]);

function csvRow(overrides: Partial<Record<RentArrearsColumn, string>>) {
  const row = { ...GOOD_ROW, ...overrides };
  return validateRentArrearsRow(
    RENT_ARREARS_COLUMNS.map((column) => row[column]),
    COLUMNS,
    TODAY,
    'bo-ex',
  );
}

const csvErrors = (overrides: Partial<Record<RentArrearsColumn, string>>): readonly FieldError[] => {
  const result = csvRow(overrides);
  return result.ok ? [] : result.errors;
};

const energySample = (JSON.parse(readSample('energy-debts-batch.json')) as { signals: object[] })
  .signals[0] as Record<string, unknown>;
const careSample = sampleCareReports()[0] as Record<string, unknown>;

/** A deep copy of `base` with the value at a dotted path replaced. */
function withValue(base: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
  return copy;
}

/** The energy path as receiveEnergyDebts runs it: the schema, then the date checks. */
function energyErrors(path: string, value: unknown): FieldError[] {
  const parsed = energySignalSchema.safeParse(withValue(energySample, path, value));
  return parsed.success ? debtDateErrors(parsed.data, TODAY) : fieldErrors(parsed.error);
}

function careErrors(path: string, value: unknown): FieldError[] {
  const parsed = careReportSchema.safeParse(withValue(careSample, path, value));
  return parsed.success ? [] : fieldErrors(parsed.error);
}

const long = (length: number) => 'a'.repeat(length);
const FORMULA = '=HYPERLINK("http://x","y")';

interface Case {
  readonly column: RentArrearsColumn;
  readonly path: string;
  readonly csv: string;
  /** The JSON value when it is no string (amounts, numbers). */
  readonly json?: unknown;
  readonly code: string;
  readonly message: string;
  /** The care report has this field too. */
  readonly care?: boolean;
}

const text = (
  column: RentArrearsColumn,
  path: string,
  label: string,
  max: number,
  options: { formula: boolean; care: boolean },
): Case[] => [
  {
    column,
    path,
    csv: long(max + 1),
    code: 'too-long',
    message: `${label} is te lang (maximaal ${max} tekens).`,
    care: options.care,
  },
  {
    column,
    path,
    csv: long(420_000),
    code: 'too-long',
    message: `${label} is te lang (maximaal ${max} tekens).`,
    care: options.care,
  },
  {
    column,
    path,
    csv: 'a\u0000b',
    code: 'invalid-characters',
    message: invalidCharactersMessage(label),
    care: options.care,
  },
  {
    column,
    path,
    csv: 'a\ufffdb',
    code: 'invalid-characters',
    message: invalidCharactersMessage(label),
    care: options.care,
  },
  {
    column,
    path,
    csv: 'a\u0085b',
    code: 'invalid-characters',
    message: invalidCharactersMessage(label),
    care: options.care,
  },
  {
    column,
    path,
    csv: 'a\tb',
    code: 'invalid-characters',
    message: invalidCharactersMessage(label),
    care: options.care,
  },
  ...(options.formula
    ? ['=', '+', '-', '@'].map((start) => ({
        column,
        path,
        csv: start === '=' ? FORMULA.slice(0, max) : `${start}a`,
        code: 'formula-not-allowed',
        message: `${label} mag niet beginnen met =, +, - of @.`,
        care: options.care,
      }))
    : []),
];

const PHONE_MESSAGE =
  'Telefoonnummer is ongeldig: gebruik 6 tot 20 cijfers, eventueel met + vooraan, spaties, streepjes of haakjes.';
const HOUSE_NUMBER_MESSAGE =
  'Huisnummer moet een geheel getal van 1 tot en met 99999 zijn (zonder toevoeging).';
const TOO_LARGE = 'Achterstandsbedrag is hoger dan € 1.000.000.';

const CASES: Case[] = [
  ...text('voorletters', 'person.initials', 'Voorletters', 20, { formula: true, care: true }),
  ...text('tussenvoegsel', 'person.prefix', 'Tussenvoegsel', 20, { formula: true, care: true }),
  ...text('achternaam', 'person.surname', 'Achternaam', 200, { formula: true, care: true }),
  ...text('straat', 'address.street', 'Straat', 200, { formula: true, care: true }),
  ...text('woonplaats', 'address.city', 'Woonplaats', 100, { formula: true, care: true }),
  ...text('huisnummer_toevoeging', 'address.houseNumberSuffix', 'Huisnummertoevoeging', 10, {
    formula: false,
    care: true,
  }),
  ...text('telefoon', 'person.phone', 'Telefoonnummer', 30, { formula: false, care: false }),
  ...text('email', 'person.email', 'E-mailadres', 200, { formula: false, care: false }),
  {
    column: 'achternaam',
    path: 'person.surname',
    csv: FORMULA,
    code: 'formula-not-allowed',
    care: true,
    message: 'Achternaam mag niet beginnen met =, +, - of @.',
  },
  {
    column: 'telefoon',
    path: 'person.phone',
    csv: 'bel me maar',
    code: 'invalid-phone',
    message: PHONE_MESSAGE,
  },
  { column: 'telefoon', path: 'person.phone', csv: '12-34-5', code: 'invalid-phone', message: PHONE_MESSAGE },
  {
    column: 'telefoon',
    path: 'person.phone',
    csv: '123456789012345678901',
    code: 'invalid-phone',
    message: PHONE_MESSAGE,
  },
  {
    column: 'telefoon',
    path: 'person.phone',
    csv: '06+12345678',
    code: 'invalid-phone',
    message: PHONE_MESSAGE,
  },
  ...['geen-adres', 'a@b', 'a@@example.nl', 'a b@example.nl', '@example.nl'].map((email) => ({
    column: 'email' as const,
    path: 'person.email',
    csv: email,
    code: 'invalid-email',
    message: 'E-mailadres is ongeldig (bijvoorbeeld naam@voorbeeld.nl).',
  })),
  {
    column: 'email',
    path: 'person.email',
    csv: `${long(196)}@x.nl`,
    code: 'too-long',
    message: 'E-mailadres is te lang (maximaal 200 tekens).',
  },
  ...[
    // As JSON.parse reads it on the JSON routes.
    ['99999999999999999999999', JSON.parse('99999999999999999999999')],
    ['1.000.000,01', 1_000_000.01],
    ['€ 2.000.000', 2_000_000],
  ].map(([csv, json]) => ({
    column: 'achterstand_bedrag' as const,
    path: 'amount',
    csv: csv as string,
    json,
    code: 'amount-too-large',
    message: TOO_LARGE,
  })),
  {
    column: 'achterstand_bedrag',
    path: 'amount',
    csv: '0,00',
    json: 0,
    code: 'amount-not-positive',
    message: 'Achterstandsbedrag moet groter dan nul zijn.',
  },
  ...[
    ['123456', 123456],
    ['0', 0],
  ].map(([csv, json]) => ({
    column: 'huisnummer' as const,
    path: 'address.houseNumber',
    csv: csv as string,
    json,
    code: 'invalid-house-number',
    message: HOUSE_NUMBER_MESSAGE,
    care: true,
  })),
  {
    column: 'aantal_minderjarigen',
    path: 'minorsInHousehold',
    csv: '21',
    json: 21,
    code: 'invalid-number',
    message: 'Aantal minderjarigen moet een geheel getal van 0 tot en met 20 zijn.',
  },
  {
    column: 'postcode',
    path: 'address.postcode',
    csv: '3562',
    code: 'invalid-postcode',
    care: true,
    message: 'Ongeldige postcode: verwacht vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
  },
  {
    column: 'bsn',
    path: 'person.bsn',
    csv: '123456789',
    code: 'invalid-bsn',
    message: 'BSN is ongeldig (negen cijfers die de elfproef doorstaan).',
  },
  {
    column: 'geboortedatum',
    path: 'person.birthDate',
    csv: '01-01-2030',
    json: '2030-01-01',
    code: 'birth-date-in-future',
    message: 'Geboortedatum ligt in de toekomst.',
  },
  {
    column: 'geboortedatum',
    path: 'person.birthDate',
    csv: '01-01-1900',
    json: '1900-01-01',
    code: 'implausible-age',
    message: 'Geboortedatum geeft een leeftijd boven 120 jaar.',
  },
  {
    column: 'achterstand_sinds',
    path: 'arrearsSince',
    csv: '01-12-2026',
    json: '2026-12-01',
    code: 'date-in-future',
    message: 'Achterstand sinds ligt in de toekomst.',
  },
];

const label = (value: string) =>
  value.length > 40 ? `${value.length} × ${JSON.stringify(value.slice(0, 12))}…` : JSON.stringify(value);

describe('I3: the same code and message on the CSV and JSON paths', () => {
  it.each(CASES.map((c) => [c.column, label(c.csv), c.code, c]))(
    'CSV %s = %s → %s',
    (_column, _value, _code, c) => {
      const errors = csvErrors({ [c.column]: c.csv });

      expect(errors).toEqual([{ field: c.column, code: c.code, message: c.message }]);
    },
  );

  it.each(CASES.map((c) => [c.path, label(c.csv), c.code, c]))(
    'energy element %s = %s → %s',
    (_path, _value, _code, c) => {
      const errors = energyErrors(c.path, c.json ?? c.csv);

      expect(errors).toEqual([{ field: c.path, code: c.code, message: c.message }]);
    },
  );

  it.each(CASES.filter((c) => c.care).map((c) => [c.path, label(c.csv), c.code, c]))(
    'care report %s = %s → %s',
    (_path, _value, _code, c) => {
      const errors = careErrors(c.path, c.json ?? c.csv);

      expect(errors).toEqual([{ field: c.path, code: c.code, message: c.message }]);
    },
  );

  it('no message repeats the value', () => {
    for (const c of CASES.filter((c) => c.csv.length >= 3)) {
      const errors = [...csvErrors({ [c.column]: c.csv }), ...energyErrors(c.path, c.json ?? c.csv)];
      for (const { message } of errors) expect(message).not.toContain(c.csv);
    }
  });

  it('a too-long value is reported as too long, whatever else is wrong with it', () => {
    const value = `=${'\u0000'.repeat(300)}`;

    expect(csvErrors({ achternaam: value })).toEqual([
      { field: 'achternaam', code: 'too-long', message: 'Achternaam is te lang (maximaal 200 tekens).' },
    ]);
    expect(energyErrors('person.surname', value)).toEqual([
      { field: 'person.surname', code: 'too-long', message: 'Achternaam is te lang (maximaal 200 tekens).' },
    ]);
  });
});

describe('I3: the other text fields of each path', () => {
  it.each([
    ['huurdernummer', long(65), 'too-long', 'Huurdernummer is te lang (maximaal 64 tekens).'],
    ['huurdernummer', 'HN\u00001', 'invalid-characters', invalidCharactersMessage('Huurdernummer')],
    ['maandhuur', '100.000,01', 'amount-too-large', 'Maandhuur is hoger dan € 100.000.'],
    ['maandhuur', '-5,00', 'amount-negative', 'Maandhuur kan niet negatief zijn.'],
  ] as const)('CSV %s = %j → %s', (column, value, code, message) => {
    expect(csvErrors({ [column]: value })).toEqual([{ field: column, code, message }]);
  });

  it.each([
    ['reference', long(65), 'too-long', 'Referentie (reference) is te lang (maximaal 64 tekens).'],
    ['customerNumber', long(65), 'too-long', 'Klantnummer (customerNumber) is te lang (maximaal 64 tekens).'],
    [
      'customerNumber',
      '81\u00007',
      'invalid-characters',
      invalidCharactersMessage('Klantnummer (customerNumber)'),
    ],
    ['supplier', long(101), 'too-long', 'Energieleverancier (supplier) is te lang (maximaal 100 tekens).'],
    [
      'supplier',
      '@Eneco',
      'formula-not-allowed',
      'Energieleverancier (supplier) mag niet beginnen met =, +, - of @.',
    ],
  ] as const)('energy element %s = %j → %s', (path, value, code, message) => {
    expect(energyErrors(path, value)).toEqual([{ field: path, code, message }]);
  });

  it.each([
    ['unit', long(201), 'too-long', 'Eenheid (unit) is te lang (maximaal 200 tekens).'],
    ['unit', '+Basisteam', 'formula-not-allowed', 'Eenheid (unit) mag niet beginnen met =, +, - of @.'],
    ['summary', long(2001), 'too-long', 'Samenvatting (summary) is te lang (maximaal 2000 tekens).'],
    [
      'summary',
      'Buren\u0000melden',
      'invalid-characters',
      invalidCharactersMessage('Samenvatting (summary)'),
    ],
    [
      'household.adults',
      21,
      'invalid-number',
      'Aantal volwassenen moet een geheel getal van 0 tot en met 20 zijn.',
    ],
    [
      'household.minors',
      Array.from({ length: 21 }, () => ({})),
      'too-many',
      'Geef ten hoogste 20 minderjarigen op.',
    ],
  ] as const)('care report %s → %s', (path, value, code, message) => {
    expect(careErrors(path, value)).toEqual([{ field: path, code, message }]);
  });
});

describe('I3: good values still pass', () => {
  it.each([
    [
      'names with accents, apostrophes and spaces',
      { voorletters: 'A.C.', tussenvoegsel: "van 't", achternaam: "O'Brien-Éénhoorn" },
    ],
    ['a city and street as written', { straat: 'Burgemeester Reigerstraat', woonplaats: "'s-Hertogenbosch" }],
    [
      'values exactly at their limit',
      {
        achternaam: long(200),
        voorletters: long(20),
        straat: long(200),
        woonplaats: long(100),
        huisnummer_toevoeging: long(10),
        huurdernummer: long(64),
      },
    ],
    ['200 characters that take 400 UTF-16 units', { achternaam: '𝔄'.repeat(200) }],
    ['a phone number with country code, spaces, dashes and parentheses', { telefoon: '+31 (0)6-1234 5678' }],
    ['a phone number of 6 digits', { telefoon: '123456' }],
    ['an e-mail address with dots and plus', { email: 'j.van.dijk+huur@woning-utrecht.example.nl' }],
    [
      'the largest amount, house number and number of minors',
      {
        achterstand_bedrag: '1.000.000,00',
        huisnummer: '99999',
        aantal_minderjarigen: '20',
        maandhuur: '100.000,00',
      },
    ],
    ['the smallest amount and a monthly rent of 0', { achterstand_bedrag: '0,01', maandhuur: '0,00' }],
    [
      'empty optional columns',
      {
        voorletters: '',
        tussenvoegsel: '',
        straat: '',
        woonplaats: '',
        telefoon: '',
        email: '',
        maandhuur: '',
        bsn: '',
      },
    ],
  ] as const)('CSV: %s', (_name, overrides) => {
    expect(csvRow(overrides)).toMatchObject({ ok: true });
  });

  it('the CSV row keeps what it read: trimmed text, numbers, normalised postcode and BSN', () => {
    const result = csvRow({
      achternaam: '  Dijk ',
      huisnummer: '99999',
      postcode: '3561 ab',
      bsn: '12345672',
    });

    expect(result).toMatchObject({
      ok: true,
      input: {
        person: { surname: 'Dijk', bsn: '012345672' },
        address: { postcode: '3561AB', houseNumber: 99999 },
        amount: 1234.56,
        monthlyRent: 645,
        minorsInHousehold: 2,
      },
    });
  });

  it.each([
    ['person.surname', long(200)],
    ['person.initials', long(20)],
    ['person.phone', '+31 (0)6-1234 5678'],
    ['person.email', 'j.van.dijk+huur@woning-utrecht.example.nl'],
    ['person.email', ''],
    ['address.houseNumber', 99999],
    ['address.city', "'s-Hertogenbosch"],
    ['amount', 1_000_000],
    ['amount', 0.01],
    ['minorsInHousehold', 20],
  ] as const)('energy element: %s = %j', (path, value) => {
    expect(energyErrors(path, value)).toEqual([]);
  });

  it.each([
    ['summary', 'Regel één.\nRegel twee,\tmet een tab.'],
    ['person.prefix', 'van der'],
    ['household.adults', 20],
  ] as const)('care report: %s = %j', (path, value) => {
    expect(careErrors(path, value)).toEqual([]);
  });
});
