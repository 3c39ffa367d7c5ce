import * as z from 'zod';
import {
  addressSchema,
  calendarDateSchema,
  debtPersonSchema,
  requiredDateSchema,
} from '../api/common-schemas.ts';
import {
  amountSchema,
  householdCountSchema,
  MESSAGES,
  monthlyRentSchema,
  referenceSchema,
} from '../api/field-schemas.ts';
import { type FieldError, fieldErrors } from '../api/zod-dutch.ts';
import type { CalendarDate } from '../domain/amsterdam-time.ts';
import type { DebtSignalInput } from '../domain/debt-signal.ts';
import { parseAmount, parseDate } from '../domain/dutch-formats.ts';
import { debtDateErrors } from '../domain/intake-dates.ts';
import { type ColumnMap, RENT_ARREARS_COLUMNS, type RentArrearsColumn } from './rent-arrears-columns.ts';

export type RowResult =
  | { readonly ok: true; readonly input: DebtSignalInput; readonly dedupeKey: readonly string[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * DESIGN I3: a row is checked by the same person, address and amount schemas as an energy-debt
 * element, so the same problem gets the same code and message on both paths. Only reading the Dutch
 * formats (amounts, dates, integers) happens before, in `readRow`.
 */
const rentArrearsRowSchema = z.object({
  tenantReference: referenceSchema('Huurdernummer'),
  person: debtPersonSchema,
  address: addressSchema,
  amount: amountSchema('Achterstandsbedrag'),
  arrearsSince: requiredDateSchema('Achterstand sinds'),
  monthlyRent: monthlyRentSchema.optional(),
  evictionDate: calendarDateSchema.optional(),
  minorsInHousehold: householdCountSchema('Aantal minderjarigen').optional(),
});

/** The schema's field paths (the JSON routes' names) → the CSV's columns, for the receipt. */
const COLUMN_OF: Readonly<Record<string, RentArrearsColumn>> = {
  tenantReference: 'huurdernummer',
  'person.initials': 'voorletters',
  'person.prefix': 'tussenvoegsel',
  'person.surname': 'achternaam',
  'person.birthDate': 'geboortedatum',
  'person.phone': 'telefoon',
  'person.email': 'email',
  'person.bsn': 'bsn',
  'address.postcode': 'postcode',
  'address.houseNumber': 'huisnummer',
  'address.houseNumberSuffix': 'huisnummer_toevoeging',
  'address.street': 'straat',
  'address.city': 'woonplaats',
  amount: 'achterstand_bedrag',
  arrearsSince: 'achterstand_sinds',
  monthlyRent: 'maandhuur',
  evictionDate: 'ontruimingsdatum',
  minorsInHousehold: 'aantal_minderjarigen',
};

const toColumn = (error: FieldError): FieldError => ({
  ...error,
  field: COLUMN_OF[error.field] ?? error.field,
});
const columnOrder = (error: FieldError) => RENT_ARREARS_COLUMNS.indexOf(error.field as RentArrearsColumn);

const YES = /^(ja|j|yes|y|1|true|waar)$/i;
/** Digits only; longer than 15 is no integer a number can hold exactly, let alone a plausible one. */
const INTEGER = /^\d{1,15}$/;

const invalidDate = (label: string) => `${label} is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd).`;
const invalidAmount = (label: string) => `${label} is geen geldig bedrag (bijvoorbeeld 1.234,56).`;

/**
 * Reads a row's Dutch formats into the shape the schema checks. A value that cannot be read (a date
 * like 31-02-1975, an amount like `veel`) is an error of its own and left out of the candidate; an
 * empty cell is left out too, for the schema to say what is required. Text stays as it is.
 */
function readRow(value: (column: RentArrearsColumn) => string) {
  const errors: FieldError[] = [];
  const present = (column: RentArrearsColumn) => value(column) || undefined;
  const read = <T>(
    column: RentArrearsColumn,
    parse: (text: string) => T | undefined,
    code: string,
    message: string,
  ): T | undefined => {
    const text = value(column);
    if (!text) return undefined;
    const result = parse(text);
    if (result === undefined) errors.push({ field: column, code, message });
    return result;
  };
  const date = (column: RentArrearsColumn, label: string) =>
    read(column, parseDate, 'invalid-date', invalidDate(label));
  const integer = (text: string) => (INTEGER.test(text) ? Number(text) : undefined);

  const candidate = {
    tenantReference: present('huurdernummer'),
    person: {
      initials: present('voorletters'),
      prefix: present('tussenvoegsel'),
      surname: present('achternaam'),
      birthDate: date('geboortedatum', 'Geboortedatum'),
      phone: present('telefoon'),
      email: present('email'),
      bsn: present('bsn'),
    },
    address: {
      postcode: present('postcode'),
      houseNumber: read('huisnummer', integer, 'invalid-house-number', MESSAGES.houseNumber),
      houseNumberSuffix: present('huisnummer_toevoeging'),
      street: present('straat'),
      city: present('woonplaats'),
    },
    amount: read('achterstand_bedrag', parseAmount, 'invalid-amount', invalidAmount('Achterstandsbedrag')),
    arrearsSince: date('achterstand_sinds', 'Achterstand sinds'),
    monthlyRent: read('maandhuur', parseAmount, 'invalid-amount', invalidAmount('Maandhuur')),
    evictionDate: date('ontruimingsdatum', 'Ontruimingsdatum'),
    minorsInHousehold: read(
      'aantal_minderjarigen',
      integer,
      'invalid-number',
      MESSAGES.count('Aantal minderjarigen'),
    ),
  };
  return { candidate, errors };
}

/**
 * DESIGN I3 for one data row, C1 first: a tenant's objection (`bezwaar: ja`) rejects the row with
 * `geen-grondslag` and nothing else of it is looked at or kept. `today` is the Amsterdam date of
 * receipt (dates in the future are relative to it). Errors name the column and come in column order.
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

  const { candidate, errors: readErrors } = readRow(value);
  const parsed = rentArrearsRowSchema.safeParse(candidate);
  // A column that could not be read is absent from the candidate: the schema's `required` for it
  // would only repeat that.
  const unread = new Set(readErrors.map((error) => error.field));
  const schemaErrors = parsed.success ? [] : fieldErrors(parsed.error).map(toColumn);
  const errors = [
    ...readErrors,
    ...schemaErrors.filter((error) => !unread.has(error.field)),
    ...debtDateErrors(candidate, today).map(toColumn),
  ].sort((a, b) => columnOrder(a) - columnOrder(b));
  if (!parsed.success || errors.length > 0) return { ok: false, errors };

  const row = parsed.data;
  return {
    ok: true,
    dedupeKey: [source, 'huurachterstand', row.tenantReference, row.arrearsSince],
    input: {
      kind: 'huurachterstand',
      sourceReference: row.tenantReference,
      person: row.person,
      address: row.address,
      amount: row.amount,
      arrearsSince: row.arrearsSince,
      monthlyRent: row.monthlyRent,
      evictionDate: row.evictionDate,
      minorsInHousehold: row.minorsInHousehold,
      warmHandover: YES.test(value('warme_overdracht')) || undefined,
    },
  };
}
