import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { type Bar, BarChart } from '../components/bar-chart.tsx';
import {
  Button,
  ButtonGroup,
  ErrorMessage,
  ErrorSummary,
  Heading,
  Loading,
  Paragraph,
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextboxField,
} from '../components/ui.tsx';
import {
  addCalendarDays,
  dutchEntryOfDate,
  formatDutchDate,
  isoWeekNumber,
  mondayOf,
  parseDutchDate,
} from '../dutch-time.ts';
import { formatMonth, SOURCE_LABELS, TEAM_IDS, teamLabel } from '../labels.ts';
import type { Session } from '../session.ts';
import { useFormErrors } from '../validation.ts';
import { type FirstConversationCounts, FirstConversationSection } from './dashboard/first-conversation.tsx';

interface KpiRow {
  teamId: string;
  due: number;
  contactedInTime: number;
  contactedLate: number;
  openOverdue: number;
  closedWithoutContact?: number;
  percentInTime: number | null;
  /** DESIGN A3 (issue 17); absent from an API before it. */
  firstConversation?: FirstConversationCounts;
}
interface Kpi {
  teams: KpiRow[];
  total: Omit<KpiRow, 'teamId'>;
}
interface Volume {
  months: { month: string; bySource: Record<string, number>; total: number }[];
}
interface Period {
  readonly from: string;
  readonly to: string;
}
/** A week or month of the period, clipped to it, with its label on the chart. */
interface Slice extends Period {
  readonly label: string;
}
interface Figures {
  readonly period: Period;
  readonly kpi: Kpi;
  readonly per: 'week' | 'maand';
  readonly slices: readonly { readonly label: string; readonly kpi: Kpi }[];
  readonly overdue: Kpi;
  readonly volume: Volume;
}

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The default period: the last 8 weeks, this week included (Monday 7 weeks back to this Sunday). */
const WEEKS = 8;
function defaultPeriod(today: string): Period {
  const monday = mondayOf(today);
  return { from: addCalendarDays(monday, -7 * (WEEKS - 1)), to: addCalendarDays(monday, 6) };
}

/** Up to this many days the charts show weeks; longer periods show months. */
const WEEKLY_UP_TO_DAYS = 9 * 7;
/** The longest period: a year (366 days for a leap year), at most 13 months on a chart. */
const LONGEST_DAYS = 366;

/** The weeks (or, for a long period, the months) of a period, each clipped to the period. */
function slicesOf({ from, to }: Period): { per: 'week' | 'maand'; slices: Slice[] } {
  const slices: Slice[] = [];
  const days = (timeOf(to) - timeOf(from)) / DAY + 1;
  if (days <= WEEKLY_UP_TO_DAYS) {
    for (let monday = mondayOf(from); monday <= to; monday = addCalendarDays(monday, 7)) {
      const sunday = addCalendarDays(monday, 6);
      slices.push({
        from: monday < from ? from : monday,
        to: sunday > to ? to : sunday,
        label: `wk ${isoWeekNumber(monday)}`,
      });
    }
    return { per: 'week', slices };
  }
  for (let first = `${from.slice(0, 7)}-01`; first <= to; ) {
    const next = new Date(timeOf(first));
    next.setUTCMonth(next.getUTCMonth() + 1);
    const last = iso(next.getTime() - DAY);
    slices.push({
      from: first < from ? from : first,
      to: last > to ? to : last,
      label: formatMonth(first.slice(0, 7)),
    });
    first = iso(next.getTime());
  }
  return { per: 'maand', slices };
}

/**
 * The teams whose figures this principal may see — the rule of API.md metrics and of
 * shared/auth/access-policy.ts `metricTeamsOf`: a coordinator its team, a manager its organisation,
 * the municipality and admins every Buurtteam and the central triage (Veilig Thuis works by the
 * Meldcode, not by the first-contact promise).
 */
export function metricTeamsFor(session: Session): string[] {
  const teams = TEAM_IDS.filter((teamId) => teamId !== 'veilig-thuis');
  if (session.role === 'municipality' || session.role === 'admin') return teams;
  if (session.role === 'manager')
    return teams.filter((teamId) => teamId.startsWith(session.scope === 'jg' ? 'bt-jg-' : 'bt-sociaal-'));
  return session.role === 'coordinator' ? [session.scope] : [];
}

const zeroRow = (teamId: string): KpiRow => ({
  teamId,
  due: 0,
  contactedInTime: 0,
  contactedLate: 0,
  openOverdue: 0,
  closedWithoutContact: 0,
  percentInTime: null,
});

/**
 * Every team of the caller's scope, with zeros where nothing was due (issue 15 build 5). The API
 * answers with every team of the scope; should an answer leave a team out (an older API), the team
 * is filled in here from the principal's scope so the manager still sees it, with zeros.
 */
function everyTeam(kpi: Kpi, scope: readonly string[]): KpiRow[] {
  const answered = new Map(kpi.teams.map((row) => [row.teamId, row]));
  const extra = kpi.teams.filter((row) => !scope.includes(row.teamId));
  return [...scope.map((teamId) => answered.get(teamId) ?? zeroRow(teamId)), ...extra];
}

const percentFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** The share in time with the count behind it: "72,7% (16 van 22)"; "– (0 van 0)" when none was due. */
function inTimeText(row: Pick<KpiRow, 'due' | 'contactedInTime' | 'percentInTime'>): string {
  const percent =
    row.percentInTime === null || row.due === 0 ? '–' : `${percentFormat.format(row.percentInTime)}%`;
  return `${percent} (${row.contactedInTime} van ${row.due})`;
}

async function loadFigures(api: Api, period: Period, today: string): Promise<Figures> {
  const kpiOf = ({ from, to }: Period) => api.get<Kpi>(`/metrics/first-contact?from=${from}&to=${to}`);
  const { per, slices } = slicesOf(period);
  const [kpi, perSlice, overdue, volume] = await Promise.all([
    kpiOf(period),
    Promise.all(slices.map(async (slice) => ({ label: slice.label, kpi: await kpiOf(slice) }))),
    // What is overdue now, whatever the period: everything due in the past year still without contact.
    kpiOf({ from: addCalendarDays(today, -365), to: today }),
    api.get<Volume>(`/metrics/signal-volume?from=${period.from}&to=${period.to}`),
  ]);
  return { period, kpi, per, slices: perSlice, overdue, volume };
}

/** The period filter: two Dutch dates, checked here with Dutch messages (never the browser's). */
function PeriodForm({ initial, onChoose }: { initial: Period; onChoose: (period: Period) => void }) {
  const [from, setFrom] = useState(dutchEntryOfDate(initial.from));
  const [to, setTo] = useState(dutchEntryOfDate(initial.to));
  const form = useFormErrors();
  const submit = (event: Event) => {
    event.preventDefault();
    const start = parseDutchDate(from);
    const end = parseDutchDate(to);
    const order =
      start.ok && end.ok && end.date < start.date
        ? '"Tot en met" ligt vóór "Van": kies een latere datum.'
        : undefined;
    const length =
      start.ok && end.ok && (timeOf(end.date) - timeOf(start.date)) / DAY + 1 > LONGEST_DAYS
        ? 'Kies een periode van hoogstens een jaar.'
        : undefined;
    if (
      !form.check({
        'period-from': start.ok ? undefined : start.message,
        'period-to': end.ok ? (order ?? length) : end.message,
      })
    )
      return;
    if (start.ok && end.ok) onChoose({ from: start.date, to: end.date });
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="period-title">
      <Heading level={2} id="period-title">
        Periode
      </Heading>
      <ErrorSummary errors={form.errors} ref={form.summary} />
      <TextboxField
        id="period-from"
        label="Van"
        description="Dag-maand-jaar, bijvoorbeeld 05-10-2026."
        value={from}
        onInput={(event) => setFrom(event.currentTarget.value)}
        error={form.errors['period-from']}
        autocomplete="off"
        size={12}
      />
      <TextboxField
        id="period-to"
        label="Tot en met"
        description="Dag-maand-jaar. Hoogstens een jaar na de begindatum."
        value={to}
        onInput={(event) => setTo(event.currentTarget.value)}
        error={form.errors['period-to']}
        autocomplete="off"
        size={12}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action">
          Cijfers tonen
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Per team over the whole period: due, in time with its count, late, overdue now, closed without contact. */
function TeamTable({
  rows,
  total,
  caption,
}: {
  rows: readonly KpiRow[];
  total: Kpi['total'];
  caption: string;
}) {
  return (
    <ScrollTable label="Eerste contact per team">
      <Table caption={caption} captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Team</TableHeaderCell>
            <TableHeaderCell numeric>Met termijn in de periode</TableHeaderCell>
            <TableHeaderCell numeric>Op tijd bereikt</TableHeaderCell>
            <TableHeaderCell numeric>Te laat bereikt</TableHeaderCell>
            <TableHeaderCell numeric>Nu over de termijn</TableHeaderCell>
            <TableHeaderCell numeric>Afgesloten zonder contact</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...rows, { ...total, teamId: '' }].map((row) => (
            <TableRow key={row.teamId || 'total'}>
              <TableHeaderCell scope="row">{row.teamId ? teamLabel(row.teamId) : 'Totaal'}</TableHeaderCell>
              <TableCell numeric>{row.due}</TableCell>
              <TableCell numeric>{inTimeText(row)}</TableCell>
              <TableCell numeric>{row.contactedLate}</TableCell>
              <TableCell numeric>{row.openOverdue}</TableCell>
              <TableCell numeric>{row.closedWithoutContact ?? 0}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/** For one team: the share in time per week (or month), the count under each bar. */
function TeamChart({ teamId, figures }: { teamId: string; figures: Figures }) {
  const bars: Bar[] = figures.slices.map(({ label, kpi }) => {
    const row = kpi.teams.find((candidate) => candidate.teamId === teamId) ?? zeroRow(teamId);
    const percent = row.due === 0 || row.percentInTime === null ? undefined : row.percentInTime;
    return {
      label,
      parts: [{ key: 'op tijd', value: percent ?? 0 }],
      text: percent === undefined ? '–' : `${percentFormat.format(percent)}%`,
      detail: `${row.contactedInTime}/${row.due}`,
      cells: [inTimeText(row)],
    };
  });
  return (
    <BarChart
      id={`kpi-${teamId}`}
      title={`${teamLabel(teamId)}: op tijd bereikt per ${figures.per}`}
      headers={[figures.per === 'week' ? 'Week' : 'Maand', 'Op tijd bereikt (aantal van met termijn)']}
      bars={bars}
      max={100}
      unit="%"
    />
  );
}

/** Short enough for a chart's axis, still telling Sociaal Overvecht from J&G Overvecht. */
const shortTeamLabel = (teamId: string) =>
  teamLabel(teamId)
    .replace(/^Buurtteam Jeugd & Gezin /, 'J&G ')
    .replace(/^Buurtteam /, '');

function Results({ figures, scope, today }: { figures: Figures; scope: readonly string[]; today: string }) {
  const { period, kpi, overdue, volume } = figures;
  const rows = everyTeam(kpi, scope);
  const withData = rows.filter((row) => row.due > 0);
  const overdueTeams = everyTeam(overdue, scope).filter((row) => row.openOverdue > 0);
  const sources = [...new Set(volume.months.flatMap((month) => Object.keys(month.bySource)))];
  const sourceLabels = sources.map((source) => SOURCE_LABELS[source] ?? source);
  const inWords = `${formatDutchDate(period.from, today)} t/m ${formatDutchDate(period.to, today)}`;

  return (
    <>
      <section aria-labelledby="kpi-title" class="panel">
        <Heading level={2} id="kpi-title">
          Eerste contact per team, {inWords}
        </Heading>
        <Paragraph>
          Signalen met hun uiterste datum in de periode. Op tijd bereikt: het percentage, met tussen haakjes
          het aantal op tijd bereikt van het aantal met een termijn.
        </Paragraph>
        <TeamTable rows={rows} total={kpi.total} caption={`Eerste contact per team, ${inWords}`} />
      </section>
      <FirstConversationSection rows={rows} total={kpi.total} period={inWords} weeks={figures} />
      <section aria-labelledby="charts-title" class="panel">
        <Heading level={2} id="charts-title">
          Op tijd bereikt per team per {figures.per}
        </Heading>
        {withData.length === 0 ? (
          <Paragraph>Geen signalen met een termijn in deze periode.</Paragraph>
        ) : (
          <div class="charts">
            {withData.map((row) => (
              <TeamChart key={row.teamId} teamId={row.teamId} figures={figures} />
            ))}
          </div>
        )}
      </section>
      <div class="columns">
        <section aria-labelledby="overdue-title" class="panel">
          <Heading level={2} id="overdue-title">
            Nu over de termijn
          </Heading>
          <Paragraph>
            In totaal <strong>{overdue.total.openOverdue}</strong>{' '}
            {overdue.total.openOverdue === 1 ? 'signaal' : 'signalen'} zonder eerste contact na de uiterste
            datum.
          </Paragraph>
          {overdueTeams.length > 0 && (
            <BarChart
              id="overdue"
              title="Signalen over de termijn per team"
              headers={['Team', 'Over de termijn']}
              bars={overdueTeams.map((row) => ({
                label: shortTeamLabel(row.teamId),
                parts: [{ key: 'over de termijn', value: row.openOverdue }],
                text: String(row.openOverdue),
                cells: [String(row.openOverdue)],
              }))}
              max={Math.max(...overdueTeams.map((row) => row.openOverdue))}
            />
          )}
        </section>
        <section aria-labelledby="volume-title" class="panel">
          <Heading level={2} id="volume-title">
            Signalen per bron per maand
          </Heading>
          {volume.months.length === 0 ? (
            <Paragraph>Geen signalen ontvangen in deze periode.</Paragraph>
          ) : (
            <BarChart
              id="volume"
              title={`Gerouteerde signalen per maand van ontvangst, naar bron, ${inWords}`}
              keys={sourceLabels}
              headers={['Maand', ...sourceLabels, 'Totaal']}
              bars={volume.months.map((month) => ({
                label: formatMonth(month.month),
                parts: Object.entries(month.bySource).map(([source, value]) => ({
                  key: SOURCE_LABELS[source] ?? source,
                  value,
                })),
                text: String(month.total),
                cells: [...sources.map((source) => String(month.bySource[source] ?? 0)), String(month.total)],
              }))}
              max={Math.max(...volume.months.map((month) => month.total))}
            />
          )}
        </section>
      </div>
    </>
  );
}

/**
 * For coordinators, managers and the municipality (its only page): the first-contact KPI of every
 * team in scope over a period of their choosing (the last 8 weeks unless chosen), each percentage
 * with its count, per week as charts with a table for screen readers; what is overdue now; the
 * signals per source per month (API.md metrics, DESIGN A3).
 */
export function Dashboard({ api, session }: { api: Api; session: Session }) {
  const [today, setToday] = useState<string>();
  const [period, setPeriod] = useState<Period>();
  const [figures, setFigures] = useState<Figures>();
  const [error, setError] = useState<unknown>();
  // The figures on screen are those of the period chosen last; an earlier choice's late answer is dropped.
  const shown = useRef(0);
  const scope = metricTeamsFor(session);

  useEffect(() => {
    // "Today" is the service's (its test clock locally), so the weeks match the API's deadlines.
    api
      .get<{ now: string }>('/health')
      .then(({ now }) => {
        setToday(now.slice(0, 10));
        setPeriod(defaultPeriod(now.slice(0, 10)));
      })
      .catch(setError);
  }, []);

  useEffect(() => {
    if (!period || !today) return;
    const request = ++shown.current;
    setFigures(undefined);
    setError(undefined);
    loadFigures(api, period, today).then(
      (loaded) => request === shown.current && setFigures(loaded),
      (caught) => request === shown.current && setError(caught),
    );
  }, [period, today]);

  return (
    <>
      <Heading level={1}>Dashboard eerste contact</Heading>
      <Paragraph lead>
        De belofte: een eerste contact binnen vijf werkdagen (drie bij een dreigende situatie). Hoeveel
        signalen met hun uiterste datum in de gekozen periode op tijd zijn bereikt, per team.
      </Paragraph>
      {period && (
        <div class="app-narrow">
          <PeriodForm initial={period} onChoose={setPeriod} />
        </div>
      )}
      <ErrorMessage error={error} />
      {!error && !figures && <Loading />}
      {figures && today && <Results figures={figures} scope={scope} today={today} />}
    </>
  );
}
