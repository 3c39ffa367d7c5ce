import { assertAllowed, metricTeamsOf } from '../auth/access-policy.ts';
import { addCalendarDays, amsterdamDateOf, type CalendarDate } from '../domain/amsterdam-time.ts';
import { A3_CATEGORIES, type A3Category, a3Category } from '../domain/first-conversation.ts';
import { isPastDeadline } from '../domain/working-days.ts';
import type { DueSignal, SignalRepository } from './ports.ts';
import type { Caller } from './team-signals.ts';

/**
 * The teams whose figures a caller asked for and may see (API.md): all it may see, or the one team
 * asked for — 404 for an unknown team, 403 for one outside its scope (shared/auth/access-policy.ts).
 */
export function kpiTeams(caller: Caller, teamId: string | undefined): string[] {
  assertAllowed(
    caller.principal,
    caller.operation,
    { metricsTeamId: teamId },
    {
      forbidden: 'Geen toegang tot de cijfers van dit team.',
      notFound: { code: 'team-not-found', message: 'Dit team bestaat niet.' },
    },
  );
  return teamId === undefined ? metricTeamsOf(caller.principal) : [teamId];
}

/**
 * One team's figures. The counts add up to `due` (issue 15: the dashboard shows them beside the
 * percentage): contacted in time or late, closed without a first contact, and still open without
 * one — past the deadline (`openOverdue`) or not yet (`openWithinDeadline`).
 */
export interface KpiRow {
  due: number;
  contactedInTime: number;
  contactedLate: number;
  openOverdue: number;
  openWithinDeadline: number;
  closedWithoutContact: number;
  percentInTime: number | null;
  /** API.md names these two; they are `firstConversation`'s counts of the same name. */
  conversationHeldInTime: number;
  laterAtOwnRequest: number;
  /** A3 (issue 17): each due signal in one category; they add up to `due`. */
  firstConversation: A3Counts;
}

type A3Counts = Record<A3Category, number> & { percent: Record<A3Category, number | null> };

type Counts = Omit<
  KpiRow,
  'percentInTime' | 'conversationHeldInTime' | 'laterAtOwnRequest' | 'firstConversation'
>;
const noCounts = (): Counts => ({
  due: 0,
  contactedInTime: 0,
  contactedLate: 0,
  openOverdue: 0,
  openWithinDeadline: 0,
  closedWithoutContact: 0,
});

/** D3: counted from each signal's own record of its first contact; A3 from its first conversation. */
function tally(signals: readonly DueSignal[], now: Date): KpiRow {
  const row = noCounts();
  const a3 = noA3Counts();
  for (const signal of signals) {
    if (signal.status === 'forwarded') continue;
    row.due++;
    a3[a3Category(signal, now)]++;
    if (signal.firstContactAt) {
      // D3: in time when made by the end of the due date (as contact-attempts.ts records it).
      if (!isPastDeadline(signal.deadlineAt, new Date(signal.firstContactAt))) row.contactedInTime++;
      else row.contactedLate++;
    } else if (signal.status === 'closed') {
      row.closedWithoutContact++;
    } else if (isPastDeadline(signal.deadlineAt, now)) {
      row.openOverdue++;
    } else {
      row.openWithinDeadline++;
    }
  }
  return withPercentages(row, a3);
}

const noA3Counts = (): Record<A3Category, number> =>
  Object.fromEntries(A3_CATEGORIES.map((category) => [category, 0])) as Record<A3Category, number>;

function withPercentages(row: Counts, a3: Record<A3Category, number>): KpiRow {
  const percent = (count: number) => (row.due ? Math.round((count / row.due) * 1000) / 10 : null);
  return {
    ...row,
    percentInTime: percent(row.contactedInTime),
    conversationHeldInTime: a3.heldInTime,
    laterAtOwnRequest: a3.laterAtOwnRequest,
    firstConversation: {
      ...a3,
      percent: Object.fromEntries(
        A3_CATEGORIES.map((category) => [category, percent(a3[category])]),
      ) as Record<A3Category, number | null>,
    },
  };
}

/** Percentages with one decimal; null when nothing was due. */
function sum(rows: readonly KpiRow[]): KpiRow {
  const total = noCounts();
  const a3 = noA3Counts();
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += row[key];
    for (const category of A3_CATEGORIES) a3[category] += row.firstConversation[category];
  }
  return withPercentages(total, a3);
}

/**
 * The first-contact KPI (API.md): signals whose due date lies in [from, to], per team and in total.
 * Read per team from the inbox index by deadline — never a table scan. Every team asked for has its
 * row, zeros and a null percentage when nothing fell due (issue 15: the dashboard shows every team
 * of the caller's scope, kpiTeams).
 */
export async function firstContactKpi(
  teams: readonly string[],
  period: { readonly from: CalendarDate; readonly to: CalendarDate },
  now: Date,
  signals: Pick<SignalRepository, 'dueBetween'>,
) {
  const rows = await Promise.all(
    teams.map(async (teamId) => ({
      teamId,
      ...tally(await signals.dueBetween(teamId, period.from, period.to), now),
    })),
  );
  return { from: period.from, to: period.to, asOf: amsterdamDateOf(now), teams: rows, total: sum(rows) };
}

/**
 * Signals per source per month of receipt, for the dashboard: the routed signals of the teams in
 * scope, read by due date from the inbox index (a due date lies at most a few weeks after receipt).
 */
export async function signalVolume(
  teams: readonly string[],
  period: { readonly from: CalendarDate; readonly to: CalendarDate },
  signals: Pick<SignalRepository, 'dueBetween'>,
) {
  const lastDue = addCalendarDays(period.to, 21);
  const found = (
    await Promise.all(teams.map((teamId) => signals.dueBetween(teamId, period.from, lastDue)))
  ).flat();
  const months = new Map<string, Record<string, number>>();
  for (const signal of found) {
    const received = amsterdamDateOf(new Date(signal.receivedAt));
    if (received < period.from || received > period.to) continue;
    const month = received.slice(0, 7);
    const bySource = months.get(month) ?? {};
    bySource[signal.source] = (bySource[signal.source] ?? 0) + 1;
    months.set(month, bySource);
  }
  return {
    from: period.from,
    to: period.to,
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, bySource]) => ({
        month,
        bySource,
        total: Object.values(bySource).reduce((a, b) => a + b, 0),
      })),
  };
}
