import wijken from '../../../config/wijken.json' with { type: 'json' };
import { mulberry32 } from './seeded-random.ts';

// Made-up intake in bulk, deterministic for a seed: names, addresses and dates that appear in no
// sample, so the personal-data check on the logs stays meaningful (DESIGN P2).
const PC4 = Object.values(wijken.wijken).flat();
const SURNAMES = ['Verbeek', 'Postma', 'Kuiper', 'Hendriks', 'Dekker', 'Brouwer', 'Peeters', 'Aydin'];
const CATEGORIES = ['financien', 'huisvesting', 'psychisch', 'overlast', 'sociaal-isolement', 'verslaving'];

const letters = (next: () => number) =>
  String.fromCharCode(65 + Math.floor(next() * 26), 65 + Math.floor(next() * 26));
const pick = <T>(next: () => number, list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
const two = (value: number) => String(value).padStart(2, '0');

/** An address per household: `households` distinct ones, `PC4 XY` + house number. */
function addresses(households: number, next: () => number) {
  const seen = new Set<string>();
  const list: { postcode: string; houseNumber: number }[] = [];
  while (list.length < households) {
    const address = {
      postcode: `${pick(next, PC4)}${letters(next)}`,
      houseNumber: 1 + Math.floor(next() * 400),
    };
    const key = `${address.postcode}-${address.houseNumber}`;
    if (!seen.has(key)) list.push(address);
    seen.add(key);
  }
  return list;
}

/**
 * `count` police care reports (POST /intake/care-reports bodies) with consent given and no safety
 * flags, so each one becomes a routed signal (C2), over `households` addresses.
 */
export function careReports(
  count: number,
  options: { seed: number; prefix: string; households?: number },
): Record<string, unknown>[] {
  const next = mulberry32(options.seed);
  const homes = addresses(options.households ?? count, next);
  return Array.from({ length: count }, (_, index) => ({
    reportId: `${options.prefix}-${String(index).padStart(5, '0')}`,
    reportedAt: '2026-11-20T22:15:00+01:00',
    unit: 'Basisteam Test',
    categories: [pick(next, CATEGORIES)],
    urgent: false,
    safety: { acuteUnsafety: false, domesticViolence: false, childUnsafety: false },
    consent: 'given',
    person: {
      initials: 'T.',
      surname: pick(next, SURNAMES),
      birthDate: `19${50 + Math.floor(next() * 50)}-${two(1 + Math.floor(next() * 12))}-${two(1 + Math.floor(next() * 28))}`,
    },
    address: homes[index % homes.length],
    household: { adults: 1, minors: [] },
    summary: 'Testmelding zonder persoonsgegevens.',
  }));
}

const HEADER =
  'Huurdernummer;Achternaam;Geboortedatum;Postcode;Huisnummer;Achterstand bedrag;Achterstand sinds;Aantal minderjarigen;Bezwaar';

/**
 * A rent-arrears export (UTF-8, `;`) of `rows` tenants in as many households, every amount above
 * the threshold (I4) and every arrears date in 2026 before November, so every row becomes a signal.
 */
export function rentArrearsCsv(rows: number, options: { seed: number; prefix: string }): string {
  const next = mulberry32(options.seed);
  const homes = addresses(rows, next);
  const lines = homes.map((home, index) =>
    [
      `${options.prefix}-${String(index).padStart(5, '0')}`,
      pick(next, SURNAMES),
      `${two(1 + Math.floor(next() * 28))}-${two(1 + Math.floor(next() * 12))}-19${50 + Math.floor(next() * 50)}`,
      `${home.postcode.slice(0, 4)} ${home.postcode.slice(4)}`,
      String(home.houseNumber),
      `${100 + Math.floor(next() * 3000)},${two(Math.floor(next() * 100))}`,
      `01-${two(1 + Math.floor(next() * 10))}-2026`,
      String(Math.floor(next() * 3)),
      'nee',
    ].join(';'),
  );
  return `${[HEADER, ...lines].join('\r\n')}\r\n`;
}
