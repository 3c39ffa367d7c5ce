import reference from '../../config/outcome-codes.json' with { type: 'json' };
import type { Dagdeel } from './dagdeel.ts';
import { OUTCOME_CODES } from './outcomes.ts';
import type { ContactKind } from './signal.ts';

// DESIGN X2: our vocabulary in DDAS Uitwisselmodel v1.2 terms, for the delivery to CBS (X1). The
// values come from config/outcome-codes.json (`ddas`), the only place that spells them.

const contactsoortByKind = new Map(reference.contactKinds.map((kind) => [kind.code, kind.ddas]));
const eindresultaatByCode = new Map(OUTCOME_CODES.map((outcome) => [outcome.code, outcome.ddas]));

const DAGDEEL: Readonly<Record<Dagdeel, string>> = {
  ochtend: 'Ochtend',
  middag: 'Middag',
  avond: 'Avond',
};

/** A contactpoging's `soort`: the `EnumContactsoort` value of a contact kind (D3, X2). */
export function ddasContactsoort(kind: ContactKind): string {
  const value = contactsoortByKind.get(kind);
  if (value === undefined) throw new RangeError(`No DDAS contactsoort for contact kind ${kind}`);
  return value;
}

/** A contactpoging's `dagdeel`: the `EnumDagdeel` value (D3, X2). */
export function ddasDagdeel(dagdeel: Dagdeel): string {
  return DAGDEEL[dagdeel];
}

/**
 * A vroegsignaalzaak's `resultaat`: the `EnumEindresultaat` value of an outcome code (O1, X2), or
 * null for a code of our own that never reaches a vroegsignaal. An unknown code is a programming
 * error: closing accepts only known codes.
 */
export function ddasEindresultaat(outcome: string): string | null {
  const value = eindresultaatByCode.get(outcome);
  if (value === undefined) throw new RangeError(`Unknown outcome code ${outcome}`);
  return value;
}
