import type { CalendarDate } from './amsterdam-time.ts';
import type { FieldProblem } from './domain-error.ts';
import { ageOn } from './household.ts';

// DESIGN I3 checks that need "now", so no schema can make them: the schemas check the formats, these
// the dates against the moment of receipt. Fields are named by their JSON path; the rent-arrears
// reader maps them to its columns, as it does for the schema's errors.

const BIRTH_DATE_IN_FUTURE = 'Geboortedatum ligt in de toekomst.';

/** What a debt signal's date checks read: an energy element and a rent-arrears row alike. */
export interface DebtDates {
  readonly person: { readonly birthDate?: CalendarDate | undefined };
  readonly arrearsSince?: CalendarDate | undefined;
}

/**
 * DESIGN I3 for a debt signal, against `today` (the Amsterdam date of receipt): the birth date lies
 * in the past with an age of at most 120, and the arrears did not start in the future. Absent dates
 * are the schema's business and skipped here.
 */
export function debtDateErrors(signal: DebtDates, today: CalendarDate): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const { birthDate } = signal.person;
  if (birthDate && birthDate >= today) {
    errors.push({ field: 'person.birthDate', code: 'birth-date-in-future', message: BIRTH_DATE_IN_FUTURE });
  } else if (birthDate && ageOn(birthDate, today) > 120) {
    errors.push({
      field: 'person.birthDate',
      code: 'implausible-age',
      message: 'Geboortedatum geeft een leeftijd boven 120 jaar.',
    });
  }
  if (signal.arrearsSince && signal.arrearsSince > today) {
    errors.push({
      field: 'arrearsSince',
      code: 'date-in-future',
      message: 'Achterstand sinds ligt in de toekomst.',
    });
  }
  return errors;
}
