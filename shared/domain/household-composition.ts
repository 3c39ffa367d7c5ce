import type { CalendarDate } from './amsterdam-time.ts';
import { isMinorOn } from './household.ts';

/** Utrecht's municipality code in the BRP (B2: a debt signal's resident must be registered here). */
export const OWN_MUNICIPALITY_CODE = '0344';

/** Where the stored count of minors comes from (API.md `household.source`, DESIGN B1). */
export type CompositionSource = 'brp' | 'partner' | 'onbekend';

/**
 * What is kept of a household's composition (B1): the number of members under 18 on the receipt
 * date and its source — nothing else of a BRP answer. Unknown: no count, source `onbekend`.
 */
export interface HouseholdComposition {
  readonly minorsUnder18?: number | undefined;
  readonly source: CompositionSource;
}

/** A BRP birth date: the register knows some only to the month or the year, or not at all. */
export type BrpBirthDate =
  | { readonly kind: 'datum'; readonly date: CalendarDate }
  | { readonly kind: 'jaar-maand'; readonly year: number; readonly month: number }
  | { readonly kind: 'jaar'; readonly year: number }
  | { readonly kind: 'onbekend' };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The earliest and latest date a (partial) birth date can stand for; none when it is unknown. */
function possibleRange(birth: BrpBirthDate): readonly [CalendarDate, CalendarDate] | undefined {
  switch (birth.kind) {
    case 'datum':
      return [birth.date, birth.date];
    case 'jaar-maand':
      return [
        `${birth.year}-${pad(birth.month)}-01`,
        `${birth.year}-${pad(birth.month)}-${pad(lastDayOfMonth(birth.year, birth.month))}`,
      ];
    case 'jaar':
      return [`${birth.year}-01-01`, `${birth.year}-12-31`];
    case 'onbekend':
      return undefined;
  }
}

/** What the BRP's birth dates at an address say about minors on a date (R3). */
export interface MinorsAssessment {
  /** Everyone registered there, counted as under 18 or not; undefined when someone is undecidable. */
  readonly minorsUnder18: number | undefined;
  /** At least one member is certainly under 18 (R3 holds even when the count is not certain). */
  readonly certainlyAMinor: boolean;
}

/**
 * R3 from the BRP (B1): a member is a minor when under 18 on the receipt date for every date the
 * register's (partial) birth date can stand for, an adult when 18 or older for every such date.
 * A member the register cannot place (no date, or a year that straddles the 18th birthday) leaves
 * the count unknown — the team checks, as with an unknown composition — but a member who is
 * certainly a minor still makes the problem relate to minor children.
 */
export function assessMinors(birthDates: readonly BrpBirthDate[], on: CalendarDate): MinorsAssessment {
  let minors = 0;
  let undecidable = 0;
  for (const birth of birthDates) {
    const range = possibleRange(birth);
    if (!range) {
      undecidable++;
      continue;
    }
    const [earliest, latest] = range;
    const youngest = isMinorOn(latest, on);
    const oldest = isMinorOn(earliest, on);
    if (youngest && oldest) minors++;
    else if (youngest !== oldest) undecidable++;
  }
  return { minorsUnder18: undecidable > 0 ? undefined : minors, certainlyAMinor: minors > 0 };
}

/** What the router learnt from the BRP for one signal (B1–B3); all absent when it did not ask. */
export interface BrpFindings {
  /** B1: the address search answered (someone or nobody registered). */
  readonly residents?: MinorsAssessment | undefined;
  /** B2: nobody is registered at the address: the team gets `niet-in-brp`. */
  readonly nobodyRegistered?: boolean | undefined;
  /** B2: the BSN is registered in another municipality (debt signals: `geen-inwoner`). */
  readonly registeredElsewhere?: boolean | undefined;
  /** B3: a question that should have been asked got no answer: retried later for the composition. */
  readonly compositionPending?: boolean | undefined;
}

/**
 * The composition routing uses and the signal keeps: the partner's count when given (the partner
 * knows the tenancy), else the BRP's, else unknown (R5's `samenstelling-onbekend`).
 */
export function compositionOf(
  partnerMinors: number | undefined,
  brp: BrpFindings | undefined,
): HouseholdComposition & { readonly certainlyAMinor: boolean } {
  if (partnerMinors !== undefined)
    return { minorsUnder18: partnerMinors, source: 'partner', certainlyAMinor: partnerMinors > 0 };
  const residents = brp?.residents;
  if (residents && !brp?.nobodyRegistered && residents.minorsUnder18 !== undefined)
    return {
      minorsUnder18: residents.minorsUnder18,
      source: 'brp',
      certainlyAMinor: residents.certainlyAMinor,
    };
  return { source: 'onbekend', certainlyAMinor: residents?.certainlyAMinor ?? false };
}
