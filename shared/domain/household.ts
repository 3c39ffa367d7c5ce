import type { CalendarDate } from './amsterdam-time.ts';

/** Age in whole years on a calendar date (both 'YYYY-MM-DD'); birthdays on 29 Feb count from 1 Mar. */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** DESIGN R3: under 18 on the date; somebody turning 18 that day is an adult. */
export function isMinorOn(birthDate: CalendarDate, on: CalendarDate): boolean {
  return ageOn(birthDate, on) < 18;
}

/** What routing needs to know of a household (DESIGN R3, R5). */
export interface HouseholdFacts {
  /** Somebody in the household is under 18 on the receipt date (the person concerned included). */
  readonly hasMinor: boolean;
  /** False when the source did not say who lives there: the team checks it (R5 flag). */
  readonly compositionKnown: boolean;
  /** B1: the composition came from the BRP, with this many under 18: the explanation says so. */
  readonly brpMinors?: number | undefined;
}
