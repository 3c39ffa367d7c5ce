// The rent-arrears list's columns (API.md) and how a header row maps onto them. Without zod or any
// other dependency: the web app's rejected-rows download reads headers with this very code.

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

/** What a message calls each column: the same labels the shared field schemas use (DESIGN I3). */
export const COLUMN_LABELS: Readonly<Record<RentArrearsColumn, string>> = {
  huurdernummer: 'Huurdernummer',
  voorletters: 'Voorletters',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  straat: 'Straat',
  woonplaats: 'Woonplaats',
  postcode: 'Postcode',
  huisnummer: 'Huisnummer',
  huisnummer_toevoeging: 'Huisnummertoevoeging',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
  achterstand_bedrag: 'Achterstandsbedrag',
  achterstand_sinds: 'Achterstand sinds',
  maandhuur: 'Maandhuur',
  aantal_minderjarigen: 'Aantal minderjarigen',
  ontruimingsdatum: 'Ontruimingsdatum',
  bsn: 'BSN',
  bezwaar: 'Bezwaar',
  warme_overdracht: 'Warme overdracht',
};

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
