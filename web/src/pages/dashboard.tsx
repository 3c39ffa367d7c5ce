import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { type Bar, BarChart } from '../components/bar-chart.tsx';
import { ErrorMessage, Loading } from '../components/ui.tsx';
import { formatMonth, SOURCE_LABELS, teamLabel } from '../labels.ts';

interface KpiRow {
  teamId: string;
  due: number;
  contactedInTime: number;
  contactedLate: number;
  openOverdue: number;
  percentInTime: number | null;
}
interface Kpi {
  teams: KpiRow[];
  total: Omit<KpiRow, 'teamId'>;
}
interface Volume {
  months: { month: string; bySource: Record<string, number>; total: number }[];
}

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Monday of the ISO week of a date, and the ISO week number (for labels). */
function weekOf(date: string): { monday: string; number: number } {
  const time = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  const monday = time - weekday * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return { monday: iso(monday), number: Math.ceil(((thursday.getTime() - yearStart) / DAY + 1) / 7) };
}

const WEEKS = 8;

/**
 * For coordinators, managers and the municipality: the first-contact KPI per team per week as
 * charts, what is overdue now, and the signals per source per month (API.md metrics).
 */
export function Dashboard({ api }: { api: Api }) {
  const [weeks, setWeeks] = useState<{ label: string; kpi: Kpi }[]>();
  const [overdue, setOverdue] = useState<Kpi>();
  const [volume, setVolume] = useState<Volume>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    (async () => {
      const { now } = await api.get<{ now: string }>('/health');
      const today = now.slice(0, 10);
      const current = weekOf(today);
      const periods = Array.from({ length: WEEKS }, (_, index) => {
        const monday = Date.parse(`${current.monday}T00:00:00Z`) - (WEEKS - 1 - index) * 7 * DAY;
        return { from: iso(monday), to: iso(monday + 6 * DAY), label: `wk ${weekOf(iso(monday)).number}` };
      });
      const [weekly, open, months] = await Promise.all([
        Promise.all(
          periods.map(async ({ from, to, label }) => ({
            label,
            kpi: await api.get<Kpi>(`/metrics/first-contact?from=${from}&to=${to}`),
          })),
        ),
        api.get<Kpi>(
          `/metrics/first-contact?from=${iso(Date.parse(`${today}T00:00:00Z`) - 365 * DAY)}&to=${today}`,
        ),
        api.get<Volume>(
          `/metrics/signal-volume?from=${today.slice(0, 5)}${String(Math.max(1, Number(today.slice(5, 7)) - 5)).padStart(2, '0')}-01&to=${today}`,
        ),
      ]);
      setWeeks(weekly);
      setOverdue(open);
      setVolume(months);
    })().catch(setError);
  }, []);

  if (error) return <ErrorMessage error={error} />;
  if (!weeks || !overdue || !volume) return <Loading />;

  const teamIds = (weeks[0]?.kpi.teams ?? []).map((row) => row.teamId);
  const withData = teamIds.filter((teamId) =>
    weeks.some(({ kpi }) => (kpi.teams.find((row) => row.teamId === teamId)?.due ?? 0) > 0),
  );
  const sources = [...new Set(volume.months.flatMap((month) => Object.keys(month.bySource)))];
  const overdueTeams = overdue.teams.filter((row) => row.openOverdue > 0);

  return (
    <>
      <h1>Dashboard eerste contact</h1>
      <p class="hint">
        De belofte: een eerste gesprek binnen vijf werkdagen. Percentage per week van de signalen met hun
        uiterste datum in die week dat op tijd is bereikt.
      </p>
      <section aria-labelledby="kpi-title" class="panel">
        <h2 id="kpi-title">Op tijd bereikt, per team per week</h2>
        {withData.length === 0 && (
          <p class="empty">Nog geen signalen met een termijn in de afgelopen {WEEKS} weken.</p>
        )}
        <div class="charts">
          {withData.map((teamId) => {
            const bars: Bar[] = weeks.map(({ label, kpi }) => {
              const row = kpi.teams.find((candidate) => candidate.teamId === teamId);
              const percent = row?.percentInTime;
              return {
                label,
                parts: [{ key: 'op tijd', value: percent ?? 0 }],
                text: percent === null || percent === undefined ? '–' : `${percent}%`,
              };
            });
            return (
              <BarChart
                key={teamId}
                id={`kpi-${teamId}`}
                title={`${teamLabel(teamId)}: op tijd bereikt per week`}
                bars={bars}
                max={100}
                unit="%"
              />
            );
          })}
        </div>
      </section>
      <div class="columns">
        <section aria-labelledby="overdue-title" class="panel">
          <h2 id="overdue-title">Nu over de termijn</h2>
          <p>
            In totaal <strong>{overdue.total.openOverdue}</strong>{' '}
            {overdue.total.openOverdue === 1 ? 'signaal' : 'signalen'} zonder eerste contact na de uiterste
            datum.
          </p>
          {overdueTeams.length > 0 && (
            <BarChart
              id="overdue"
              title="Signalen over de termijn per team"
              bars={overdueTeams.map((row) => ({
                // Short enough for the axis, still telling Sociaal Overvecht from J&G Overvecht.
                label: teamLabel(row.teamId)
                  .replace(/^Buurtteam Jeugd & Gezin /, 'J&G ')
                  .replace(/^Buurtteam /, ''),
                parts: [{ key: 'over de termijn', value: row.openOverdue }],
                text: String(row.openOverdue),
              }))}
              max={Math.max(...overdueTeams.map((row) => row.openOverdue))}
            />
          )}
        </section>
        <section aria-labelledby="volume-title" class="panel">
          <h2 id="volume-title">Signalen per bron per maand</h2>
          {volume.months.length === 0 ? (
            <p class="empty">Nog geen signalen.</p>
          ) : (
            <BarChart
              id="volume"
              title="Gerouteerde signalen per maand, naar bron"
              keys={sources.map((source) => SOURCE_LABELS[source] ?? source)}
              bars={volume.months.map((month) => ({
                label: formatMonth(month.month),
                parts: Object.entries(month.bySource).map(([source, value]) => ({
                  key: SOURCE_LABELS[source] ?? source,
                  value,
                })),
                text: String(month.total),
              }))}
              max={Math.max(...volume.months.map((month) => month.total))}
            />
          )}
        </section>
      </div>
    </>
  );
}
