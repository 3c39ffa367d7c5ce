// Generates a realistic rent-arrears export for load tests: `;`-separated, Windows-1252, CRLF,
// Dutch amounts and dates, addresses spread over Utrecht's wijken. Deterministic for a seed.
import reference from '../config/wijken.json' with { type: 'json' };
import { mulberry32 } from '../test/integration/support/seeded-random.ts';

const SURNAMES = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Özdemir',
  'Éénhoorn',
  'El Amrani',
  'Yılmaz',
];
const STREETS = [
  'Bernadottelaan',
  'Marshallaan',
  'Eykmanlaan',
  'Columbuslaan',
  'Zamenhofdreef',
  'Amsterdamsestraatweg',
];
const PC4 = Object.values(reference.wijken).flat();
const HEADER =
  'Huurdernummer;Voorletters;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;Email;Achterstand bedrag;Achterstand sinds;Maandhuur;Aantal minderjarigen;Ontruimingsdatum;BSN;Bezwaar';

const pick = <T>(next: () => number, list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
const two = (value: number) => String(value).padStart(2, '0');

export interface RentArrearsFileOptions {
  readonly seed?: number;
  /** Tenant numbers start here, so two files can hold different tenants. */
  readonly firstTenant?: number;
  /** Only these PC4 areas (e.g. one wijk, for one team's inbox); default: all of Utrecht. */
  readonly pc4?: readonly string[];
  /** Every row with this number of minors (`'0'`: adults only, so Buurtteam Sociaal by R5). */
  readonly minors?: string;
}

export function rentArrearsCsv(rows: number, options: RentArrearsFileOptions = {}): Buffer {
  // Seeded, so every run measures the same file.
  const next = mulberry32(options.seed ?? 2026);
  const areas = options.pc4 ?? PC4;
  const first = options.firstTenant ?? 0;
  const lines = [HEADER];
  for (let index = 0; index < rows; index++) {
    const euros = 80 + Math.floor(next() * 4000);
    const cents = Math.floor(next() * 100);
    const amount = `${euros >= 1000 ? `${Math.floor(euros / 1000)}.${String(euros % 1000).padStart(3, '0')}` : euros},${two(cents)}`;
    const randomMinors = next() < 0.3 ? '' : String(Math.floor(next() * 4));
    const minors = options.minors ?? randomMinors;
    lines.push(
      [
        `HN-${String(first + index).padStart(7, '0')}`,
        'J.',
        next() < 0.3 ? 'van' : '',
        pick(next, SURNAMES),
        `${two(1 + Math.floor(next() * 28))}-${two(1 + Math.floor(next() * 12))}-${1940 + Math.floor(next() * 60)}`,
        pick(next, STREETS),
        String(1 + Math.floor(next() * 300)),
        next() < 0.1 ? 'bis' : '',
        `${pick(next, areas)} ${String.fromCharCode(65 + Math.floor(next() * 26))}${String.fromCharCode(65 + Math.floor(next() * 26))}`,
        'Utrecht',
        `06${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
        `huurder${first + index}@voorbeeld.nl`,
        amount,
        `01-${two(1 + Math.floor(next() * 10))}-2026`,
        `${500 + Math.floor(next() * 400)},00`,
        minors,
        next() < 0.05 ? '15-12-2026' : '',
        '',
        'nee',
      ].join(';'),
    );
  }
  return encodeWindows1252(`${lines.join('\r\n')}\r\n`);
}

/**
 * Windows-1252 bytes of the text. Every character used here other than the Turkish dotless ı lies in
 * the Latin-1 range, where Windows-1252 and Latin-1 agree; ı does not exist in the code page.
 */
function encodeWindows1252(text: string): Buffer {
  return Buffer.from(text.replaceAll('ı', 'i'), 'latin1');
}
