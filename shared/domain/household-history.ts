import { amsterdamDateOf } from './amsterdam-time.ts';

/** What the household index keeps of each signal: dates, source and state — no personal data (M1). */
export interface HouseholdEntry {
  readonly signalId: string;
  readonly receivedAt: string;
  readonly source: string;
  readonly status: 'open' | 'closed' | 'not-routed' | 'forwarded';
  readonly teamId?: string | undefined;
  readonly amount?: number | undefined;
  readonly outcome?: string | undefined;
  readonly closedAt?: string | undefined;
  /** When the signal's own data expires (P1, ISO); absent while a team works on it. */
  readonly expiresAt?: string | undefined;
}

export interface HouseholdFindings {
  /** M3: the team and anchor signal of the household's open case. */
  readonly openCase?: { readonly teamId: string; readonly signalId: string } | undefined;
  /** M2: another signal in the same calendar month. */
  readonly meervoudig: boolean;
  /** M2: another signal in one of the six calendar months before. */
  readonly opeenvolgend: boolean;
  /** Open signals of this calendar month that should now carry `meervoudig` too (M2). */
  readonly sameMonthOpenSignalIds: readonly string[];
  /** C3: the resident declined help from this partner within 6 months and the amount did not rise. */
  readonly declinedRecently: boolean;
}

const DECLINED = 'inwoner-hoeft-geen-hulp';

function monthIndex(instant: string): number {
  const [year, month] = amsterdamDateOf(new Date(instant)).split('-').map(Number) as [number, number];
  return year * 12 + (month - 1);
}

/** The same day six months earlier (clamped to the month's end), as epoch milliseconds. */
function sixMonthsBefore(instant: string): number {
  const [year, month, day] = amsterdamDateOf(new Date(instant)).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const lastDayOfThatMonth = new Date(Date.UTC(year, month - 6, 0)).getUTCDate();
  return Date.UTC(year, month - 7, Math.min(day, lastDayOfThatMonth));
}

/**
 * What the household's earlier signals mean for a new one (DESIGN M2, M3, C3). `entries` are the
 * household's other signals; `signal` is the new one.
 */
export function householdFindings(
  entries: readonly HouseholdEntry[],
  signal: {
    readonly signalId: string;
    readonly receivedAt: string;
    readonly source: string;
    readonly amount?: number | undefined;
  },
): HouseholdFindings {
  const others = entries.filter((entry) => entry.signalId !== signal.signalId);
  const month = monthIndex(signal.receivedAt);
  const open = others
    .filter((entry) => entry.status === 'open' && entry.teamId)
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))[0];
  const sameMonth = others.filter((entry) => monthIndex(entry.receivedAt) === month);
  const horizon = sixMonthsBefore(signal.receivedAt);
  const declinedRecently = others.some(
    (entry) =>
      entry.source === signal.source &&
      entry.outcome === DECLINED &&
      entry.closedAt !== undefined &&
      Date.parse(entry.closedAt) >= horizon &&
      (signal.amount === undefined || entry.amount === undefined || signal.amount <= entry.amount),
  );
  return {
    openCase: open ? { teamId: open.teamId as string, signalId: open.signalId } : undefined,
    meervoudig: sameMonth.length > 0,
    opeenvolgend: others.some((entry) => {
      const difference = month - monthIndex(entry.receivedAt);
      return difference >= 1 && difference <= 6;
    }),
    sameMonthOpenSignalIds: sameMonth
      .filter((entry) => entry.status === 'open')
      .map((entry) => entry.signalId),
    declinedRecently,
  };
}
