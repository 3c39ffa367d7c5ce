import {
  RENT_ARREARS_COLUMNS,
  REQUIRED_COLUMNS,
  type RentArrearsColumn,
} from '../../shared/intake/rent-arrears-columns.ts';

// The rent-arrears list's format as the format page shows it (issue 15): the columns come from the
// list the service's parser maps headers onto (shared/intake/rent-arrears-columns.ts), in its order,
// with its required ones, so the page cannot name a column the parser does not know or miss one it
// does (each column needs its entry below, or this does not compile). The template's example row
// passes the service's own checks: test/unit/rent-arrears-format.test.ts reads it with the parser.
// The limits named here are the field schemas' (shared/api/field-schemas.ts, which brings zod and is
// not for the browser); the same test compares them.

/** The limits of shared/api/field-schemas.ts the descriptions name. */
export const FORMAT_LIMITS = {
  reference: 64,
  initials: 20,
  prefix: 20,
  surname: 200,
  street: 200,
  city: 100,
  houseNumberSuffix: 10,
  email: 200,
  maxHouseNumber: 99_999,
  maxHouseholdCount: 20,
  maxAmount: 1_000_000,
} as const;

const DATE = 'Datum als dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj of jjjj-mm-dd.';
const AMOUNT = "Bedrag in euro's: 1.234,56 of 1234,56 of 1234.56, ook met € ervoor.";
const text = (limit: number) => `Tekst, hoogstens ${limit} tekens.`;

/** What a column holds and an example, in the words of the people who fill the spreadsheet. */
const DESCRIPTIONS: Readonly<
  Record<RentArrearsColumn, { readonly format: string; readonly example: string }>
> = {
  huurdernummer: {
    format: `Uw eigen nummer van de huurder of het huurcontract, hoogstens ${FORMAT_LIMITS.reference} tekens. Op het ontvangstbewijs vindt u elke rij hiermee terug.`,
    example: 'HN-100231',
  },
  voorletters: { format: text(FORMAT_LIMITS.initials), example: 'J.' },
  tussenvoegsel: { format: text(FORMAT_LIMITS.prefix), example: 'van' },
  achternaam: { format: text(FORMAT_LIMITS.surname), example: 'Dijk' },
  geboortedatum: {
    format: `${DATE} In het verleden, een leeftijd van hoogstens 120 jaar.`,
    example: '14-03-1984',
  },
  straat: { format: text(FORMAT_LIMITS.street), example: 'Bernadottelaan' },
  woonplaats: { format: text(FORMAT_LIMITS.city), example: 'Utrecht' },
  postcode: { format: 'Vier cijfers en twee letters, met of zonder spatie.', example: '3561 AB' },
  huisnummer: {
    format: `Geheel getal van 1 tot en met ${FORMAT_LIMITS.maxHouseNumber.toLocaleString('nl-NL')}, zonder toevoeging.`,
    example: '12',
  },
  huisnummer_toevoeging: {
    format: `${text(FORMAT_LIMITS.houseNumberSuffix)} De kolom mag ook "toevoeging" heten.`,
    example: 'bis',
  },
  telefoon: {
    format: '6 tot 20 cijfers, eventueel met + vooraan, spaties, streepjes of haakjes.',
    example: '0612345678',
  },
  email: { format: `E-mailadres, hoogstens ${FORMAT_LIMITS.email} tekens.`, example: 'huurder@voorbeeld.nl' },
  achterstand_bedrag: {
    format: `${AMOUNT} Meer dan € 0 en hoogstens € ${FORMAT_LIMITS.maxAmount.toLocaleString('nl-NL')}.`,
    example: '1.234,56',
  },
  achterstand_sinds: {
    format: `De datum waarop de achterstand ontstond, niet in de toekomst. ${DATE}`,
    example: '01-08-2026',
  },
  maandhuur: { format: AMOUNT, example: '645,00' },
  aantal_minderjarigen: {
    format: `Geheel getal van 0 tot en met ${FORMAT_LIMITS.maxHouseholdCount}. Leeg: niet bekend.`,
    example: '2',
  },
  ontruimingsdatum: {
    format: `De datum van een geplande ontruiming: dan neemt het buurtteam binnen 3 werkdagen contact op in plaats van 5. ${DATE}`,
    example: '15-01-2027',
  },
  bsn: { format: 'Negen cijfers die de elfproef doorstaan.', example: '111222333' },
  bezwaar: {
    format:
      '"ja" als de huurder bezwaar heeft gemaakt tegen het delen van gegevens: de rij wordt dan afgewezen en er wordt niets van bewaard. Anders leeg of "nee".',
    example: 'nee',
  },
  warme_overdracht: {
    format:
      '"ja" als u al contact heeft met de huurder en om een warme overdracht vraagt. Anders leeg of "nee".',
    example: 'nee',
  },
};

export interface FormatColumn {
  /** The spreadsheet's column letter in the template: A, B, C … */
  readonly letter: string;
  /** The header as the template has it, which the parser takes as is. */
  readonly name: RentArrearsColumn;
  readonly required: boolean;
  readonly format: string;
  readonly example: string;
}

/** A, B, … Z, AA, AB …: the spreadsheet's name of the column at this position (0 = A). */
export function columnLetter(position: number): string {
  let n = position + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Every column the parser knows, in its order, as the template lays them out. */
export const FORMAT_COLUMNS: readonly FormatColumn[] = RENT_ARREARS_COLUMNS.map((name, position) => ({
  letter: columnLetter(position),
  name,
  required: REQUIRED_COLUMNS.includes(name),
  ...DESCRIPTIONS[name],
}));

/** The header names are the parser's own (canonicalColumn leaves them as they are). */
export const TEMPLATE_HEADER: readonly string[] = FORMAT_COLUMNS.map((column) => column.name);

const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The template: the header and one example row, `;`-separated, CRLF, UTF-8 with a BOM so a
 * spreadsheet shows é and € correctly (as the rejected-rows download). No `sep=` line: Excel would
 * then ignore the BOM; the parser finds the `;` on the header line itself.
 */
export function templateCsv(): string {
  const lines = [TEMPLATE_HEADER, FORMAT_COLUMNS.map((column) => column.example)];
  return `\uFEFF${lines.map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** The file name the template downloads as. */
export const TEMPLATE_FILE_NAME = 'huurachterstanden-sjabloon.csv';
