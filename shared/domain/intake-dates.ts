import { amsterdamDateOf, type CalendarDate } from './amsterdam-time.ts';
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

/** The police's clock and ours may differ a little; a report stamped minutes ahead is not refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** What a care report's date checks read. */
export interface CareReportDates {
  readonly reportedAt: string;
  readonly person: { readonly birthDate?: CalendarDate | undefined };
  readonly household?: { readonly minors: readonly { readonly birthDate?: CalendarDate | undefined }[] };
}

/**
 * DESIGN I3 for a care report, against `now`: `reportedAt` not in the future (beyond the clock skew),
 * and no birth date — the person's, a minor's — after today. A child born today is no error.
 */
export function careReportDateErrors(report: CareReportDates, now: Date): FieldProblem[] {
  const today = amsterdamDateOf(now);
  const errors: FieldProblem[] = [];
  if (Date.parse(report.reportedAt) > now.getTime() + CLOCK_SKEW_MS) {
    errors.push({
      field: 'reportedAt',
      code: 'date-in-future',
      message: 'Het tijdstip van de melding (reportedAt) ligt in de toekomst.',
    });
  }
  const bornLater = (birthDate: CalendarDate | undefined) => birthDate !== undefined && birthDate > today;
  if (bornLater(report.person.birthDate)) {
    errors.push({ field: 'person.birthDate', code: 'birth-date-in-future', message: BIRTH_DATE_IN_FUTURE });
  }
  report.household?.minors.forEach((minor, index) => {
    if (bornLater(minor.birthDate)) {
      errors.push({
        field: `household.minors.${index}.birthDate`,
        code: 'birth-date-in-future',
        message: BIRTH_DATE_IN_FUTURE,
      });
    }
  });
  return errors;
}
