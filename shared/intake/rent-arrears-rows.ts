import type { FieldError } from '../api/zod-dutch.ts';
import type { CalendarDate } from '../domain/amsterdam-time.ts';
import type { DebtSignalInput } from '../domain/debt-signal.ts';
import { parseAmount, parseDate, validBsn } from '../domain/dutch-formats.ts';
import { ageOn } from '../domain/household.ts';
import { normalisePostcode } from '../domain/wijken.ts';

/** The columns of API.md, by their canonical name. */
export const RENT_ARREARS_COLUMNS = [
  'huurdernummer',
  'voorletters',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'straat',
  'woonplaats',
  'postcode',
  'huisnummer',
  'huisnummer_toevoeging',
  'telefoon',
  'email',
  'achterstand_bedrag',
  'achterstand_sinds',
  'maandhuur',
  'aantal_minderjarigen',
  'ontruimingsdatum',
  'bsn',
  'bezwaar',
  'warme_overdracht',
] as const;
export type RentArrearsColumn = (typeof RENT_ARREARS_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly RentArrearsColumn[] = [
  'huurdernummer',
  'achternaam',
  'geboortedatum',
  'postcode',
  'huisnummer',
  'achterstand_bedrag',
  'achterstand_sinds',
];

const ALIASES: Record<string, RentArrearsColumn> = { toevoeging: 'huisnummer_toevoeging' };

/** API.md: header names match in any case, with space, `_` and `-` equivalent. */
export function canonicalColumn(header: string): string {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
  return ALIASES[name] ?? name;
}

export interface ColumnMap {
  readonly index: ReadonlyMap<RentArrearsColumn, number>;
  readonly unknown: readonly string[];
  readonly missing: readonly RentArrearsColumn[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const known = new Set<string>(RENT_ARREARS_COLUMNS);
  const index = new Map<RentArrearsColumn, number>();
  const unknown: string[] = [];
  header.forEach((name, position) => {
    const canonical = canonicalColumn(name);
    if (known.has(canonical)) {
      if (!index.has(canonical as RentArrearsColumn)) index.set(canonical as RentArrearsColumn, position);
    } else if (name.trim()) {
      unknown.push(name.trim());
    }
  });
  return { index, unknown, missing: REQUIRED_COLUMNS.filter((column) => !index.has(column)) };
}

export type RowResult =
  | { readonly ok: true; readonly input: DebtSignalInput; readonly dedupeKey: readonly string[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const YES = /^(ja|j|yes|y|1|true|waar)$/i;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

// Messages never repeat the value: receipts are stored, and a value may be personal data.
const MESSAGES = {
  required: (field: string) => `${field} ontbreekt.`,
  invalidDate: (field: string) => `${field} is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd).`,
} as const;

/**
 * DESIGN I3 for one data row, C1 first: a tenant's objection (`bezwaar: ja`) rejects the row with
 * `geen-grondslag` and nothing else of it is looked at or kept. `today` is the Amsterdam date of
 * receipt (dates in the future are relative to it).
 */
export function validateRentArrearsRow(
  fields: readonly string[],
  columns: ColumnMap,
  today: CalendarDate,
  source: string,
): RowResult {
  const value = (column: RentArrearsColumn) => {
    const position = columns.index.get(column);
    return position === undefined ? '' : (fields[position] ?? '').trim();
  };
  if (YES.test(value('bezwaar'))) {
    return {
      ok: false,
      errors: [
        {
          field: 'bezwaar',
          code: 'geen-grondslag',
          message:
            'De huurder heeft bezwaar gemaakt tegen het delen van gegevens: deze rij is niet verwerkt.',
        },
      ],
    };
  }

  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => {
    errors.push({ field, code, message });
    return undefined;
  };
  const required = (column: RentArrearsColumn, label: string) =>
    value(column) || fail(column, 'required', MESSAGES.required(label));
  const date = (column: RentArrearsColumn, label: string, isRequired: boolean) => {
    const text = isRequired ? required(column, label) : value(column);
    if (!text) return undefined;
    return parseDate(text) ?? fail(column, 'invalid-date', MESSAGES.invalidDate(label));
  };

  /** A present value that must pass `parse`; undefined (with an error) when it does not. */
  const parsed = <T>(
    column: RentArrearsColumn,
    text: string | undefined,
    parse: (text: string) => T | undefined,
    code: string,
    message: string,
  ) => {
    if (!text) return undefined;
    const result = parse(text);
    return result === undefined ? fail(column, code, message) : result;
  };

  const tenant = required('huurdernummer', 'Huurdernummer');
  const surname = required('achternaam', 'Achternaam');
  const birthDate = date('geboortedatum', 'Geboortedatum', true);
  if (birthDate && birthDate >= today)
    fail('geboortedatum', 'birth-date-in-future', 'Geboortedatum ligt in de toekomst.');
  else if (birthDate && ageOn(birthDate, today) > 120) {
    fail('geboortedatum', 'implausible-age', 'Geboortedatum geeft een leeftijd boven 120 jaar.');
  }
  const postcode = parsed(
    'postcode',
    required('postcode', 'Postcode'),
    (text) => (POSTCODE.test(text) ? normalisePostcode(text) : undefined),
    'invalid-postcode',
    'Ongeldige postcode: verwacht vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
  );
  const houseNumber = parsed(
    'huisnummer',
    required('huisnummer', 'Huisnummer'),
    (text) => (/^[1-9]\d{0,5}$/.test(text) ? Number(text) : undefined),
    'invalid-house-number',
    'Huisnummer moet een positief geheel getal zijn (een toevoeging hoort in een eigen kolom).',
  );
  const amount = parsed(
    'achterstand_bedrag',
    required('achterstand_bedrag', 'Achterstandsbedrag'),
    parseAmount,
    'invalid-amount',
    'Achterstandsbedrag is geen geldig bedrag (bijvoorbeeld 1.234,56).',
  );
  if (amount !== undefined && amount <= 0) {
    fail('achterstand_bedrag', 'amount-not-positive', 'Achterstandsbedrag moet groter dan nul zijn.');
  }
  const arrearsSince = date('achterstand_sinds', 'Achterstand sinds', true);
  if (arrearsSince && arrearsSince > today)
    fail('achterstand_sinds', 'date-in-future', 'Achterstand sinds ligt in de toekomst.');
  const monthlyRent = parsed(
    'maandhuur',
    value('maandhuur'),
    parseAmount,
    'invalid-amount',
    'Maandhuur is geen geldig bedrag.',
  );
  const minors = parsed(
    'aantal_minderjarigen',
    value('aantal_minderjarigen'),
    (text) => (/^\d{1,2}$/.test(text) ? Number(text) : undefined),
    'invalid-number',
    'Aantal minderjarigen moet een geheel getal van 0 of meer zijn.',
  );
  const evictionDate = date('ontruimingsdatum', 'Ontruimingsdatum', false);
  const bsn = parsed(
    'bsn',
    value('bsn'),
    validBsn,
    'invalid-bsn',
    'BSN is ongeldig (negen cijfers die de elfproef doorstaan).',
  );

  if (errors.length > 0) return { ok: false, errors };
  const optional = (column: RentArrearsColumn) => value(column) || undefined;
  return {
    ok: true,
    dedupeKey: [source, 'huurachterstand', tenant as string, arrearsSince as string],
    input: {
      kind: 'huurachterstand',
      sourceReference: tenant as string,
      person: {
        initials: optional('voorletters'),
        prefix: optional('tussenvoegsel'),
        surname: surname as string,
        birthDate,
        phone: optional('telefoon'),
        email: optional('email'),
        bsn,
      },
      address: {
        postcode: postcode as string,
        houseNumber: houseNumber as number,
        houseNumberSuffix: optional('huisnummer_toevoeging'),
        street: optional('straat'),
        city: optional('woonplaats'),
      },
      amount: amount as number,
      arrearsSince: arrearsSince as string,
      monthlyRent,
      evictionDate,
      minorsInHousehold: minors,
      warmHandover: YES.test(value('warme_overdracht')) || undefined,
    },
  };
}
