import { BarChart } from '../../components/bar-chart.tsx';
import {
  Heading,
  Paragraph,
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { teamLabel } from '../../labels.ts';

/** DESIGN A3: how the first conversation of the signals due stands; the counts add up to `due`. */
export interface FirstConversationCounts {
  heldInTime: number;
  contactInTime: number;
  laterAtOwnRequest: number;
  lateOtherwise: number;
  noneYet: number;
  /** One decimal; null when nothing was due. */
  percent: Record<Category, number | null>;
}

type Category = 'heldInTime' | 'contactInTime' | 'laterAtOwnRequest' | 'lateOtherwise' | 'noneYet';

/** The five ways a due signal's first conversation can stand, in the order of the bar. */
const CATEGORIES: readonly { key: Category; label: string; color: string }[] = [
  { key: 'heldInTime', label: 'Gesprek gehouden binnen de termijn', color: '#2e7d32' },
  { key: 'contactInTime', label: 'Eerste contact binnen de termijn', color: '#1d5f9e' },
  { key: 'laterAtOwnRequest', label: 'Later, op verzoek van de inwoner', color: '#6a1b9a' },
  { key: 'lateOtherwise', label: 'Te laat', color: '#b3261e' },
  { key: 'noneYet', label: 'Nog niets (termijn loopt)', color: '#6b6b6b' },
];

/** The seeds' figure (DESIGN A1): in 2018, 70% of first conversations in Utrecht within five working days. */
const REFERENCE_PERCENT = 70;

const percentFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export interface FirstConversationRow {
  teamId: string;
  due: number;
  firstConversation?: FirstConversationCounts;
}

/** The share of one category: the API's, or computed from the counts should it be missing. */
function shareOf(counts: FirstConversationCounts, key: Category, due: number): number | null {
  const given = counts.percent?.[key];
  if (given !== undefined) return given;
  return due === 0 ? null : Math.round((counts[key] / due) * 1000) / 10;
}

/** One team's (or the total's) A3 figures: a stacked bar for the eye, the table for everyone. */
function FirstConversationTable({ row, label }: { row: FirstConversationRow; label: string }) {
  const counts = row.firstConversation;
  if (!counts) return null;
  const shares = CATEGORIES.map(({ key }) => shareOf(counts, key, row.due));
  return (
    <div class="a3">
      <Heading level={3}>Eerste gesprek (A3): {label}</Heading>
      {/* The drawing is for the eye: the table under it says the same in words and numbers. */}
      <div class="a3-bar" aria-hidden="true">
        <div class="a3-bar__track">
          {CATEGORIES.map(({ key, color }, index) =>
            (shares[index] ?? 0) > 0 ? (
              <span
                key={key}
                class="a3-bar__part"
                style={{ width: `${shares[index]}%`, background: color }}
              />
            ) : null,
          )}
          <span class="a3-bar__reference" style={{ left: `${REFERENCE_PERCENT}%` }} />
        </div>
        <span class="a3-bar__reference-label" style={{ left: `${REFERENCE_PERCENT}%` }}>
          {REFERENCE_PERCENT}% (Utrecht 2018)
        </span>
      </div>
      <ScrollTable label={`Eerste gesprek (A3): ${label}`}>
        <Table caption={`Eerste gesprek (A3): ${label}`} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Eerste gesprek</TableHeaderCell>
              <TableHeaderCell numeric>Aantal</TableHeaderCell>
              <TableHeaderCell numeric>Aandeel</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {CATEGORIES.map(({ key, label: category, color }, index) => {
              const share = shares[index];
              return (
                <TableRow key={key}>
                  <TableHeaderCell scope="row">
                    <span class="swatch" style={{ background: color }} aria-hidden="true" />
                    {category}
                  </TableHeaderCell>
                  <TableCell numeric>{counts[key]}</TableCell>
                  <TableCell numeric>
                    {share === null || share === undefined ? '–' : `${percentFormat.format(share)}%`}
                  </TableCell>
                </TableRow>
              );
            })}
            <TableRow>
              <TableHeaderCell scope="row">Met termijn in de periode</TableHeaderCell>
              <TableCell numeric>{row.due}</TableCell>
              <TableCell numeric>{row.due === 0 ? '–' : '100%'}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollTable>
    </div>
  );
}

/** The dashboard's slices of the period: its weeks (or months), each with the API's answer. */
export interface FirstConversationSlices {
  readonly per: 'week' | 'maand';
  readonly slices: readonly {
    readonly label: string;
    readonly kpi: { readonly teams: readonly FirstConversationRow[] };
  }[];
}

const inTimeOf = (counts: FirstConversationCounts) => counts.heldInTime + counts.contactInTime;

/**
 * A3 per team and week (issue 17): each week's signals due, stacked by category in the order of the
 * table, against the 70% line; above each bar the share in time (conversation held or first
 * contact), under it that count of the signals due.
 */
function FirstConversationWeeks({ teamId, weeks }: { teamId: string; weeks: FirstConversationSlices }) {
  const title = `${teamLabel(teamId)}: eerste gesprek per ${weeks.per} (lijn: ${REFERENCE_PERCENT}%, Utrecht 2018)`;
  return (
    <BarChart
      id={`a3-${teamId}`}
      title={title}
      keys={CATEGORIES.map(({ label }) => label)}
      colors={CATEGORIES.map(({ color }) => color)}
      reference={{ value: REFERENCE_PERCENT, label: `${REFERENCE_PERCENT}%` }}
      headers={[
        weeks.per === 'week' ? 'Week' : 'Maand',
        ...CATEGORIES.map(({ label }) => label),
        'Met termijn',
      ]}
      max={100}
      unit="%"
      bars={weeks.slices.map(({ label, kpi }) => {
        const row = kpi.teams.find((candidate) => candidate.teamId === teamId);
        const counts = row?.firstConversation;
        const due = row?.due ?? 0;
        if (!counts || due === 0) {
          return { label, parts: [], text: '–', detail: '0/0', cells: [...CATEGORIES.map(() => '0'), '0'] };
        }
        const shares = CATEGORIES.map(({ key }) => shareOf(counts, key, due) ?? 0);
        return {
          label,
          parts: CATEGORIES.map(({ label: key }, index) => ({ key, value: shares[index] ?? 0 })),
          text: `${percentFormat.format(Math.round((inTimeOf(counts) / due) * 1000) / 10)}%`,
          detail: `${inTimeOf(counts)}/${due}`,
          cells: [
            ...CATEGORIES.map(
              ({ key }, index) => `${counts[key]} (${percentFormat.format(shares[index] ?? 0)}%)`,
            ),
            String(due),
          ],
        };
      })}
    />
  );
}

/**
 * DESIGN A3 on the dashboard (issue 17): per team with signals due in the period, how the first
 * conversation stands — held in time, first contact in time, later at the resident's own request,
 * late, nothing yet — against the seeds' 70% of 2018. Nothing when the API does not send the figures
 * (an API before issue 17).
 */
export function FirstConversationSection({
  rows,
  total,
  period,
  weeks,
}: {
  rows: readonly FirstConversationRow[];
  total: Omit<FirstConversationRow, 'teamId'>;
  period: string;
  weeks: FirstConversationSlices;
}) {
  const withData = rows.filter((row) => row.due > 0 && row.firstConversation);
  if (!total.firstConversation && withData.length === 0) return null;
  return (
    <section aria-labelledby="a3-title" class="panel">
      <Heading level={2} id="a3-title">
        Eerste gesprek per team, {period}
      </Heading>
      <Paragraph>
        Hoe het eerste gesprek met de inwoner staat bij de signalen met hun uiterste datum in de periode. Ter
        vergelijking: in 2018 vond in Utrecht 70% van de eerste gesprekken binnen vijf werkdagen plaats. Later
        op verzoek van de inwoner telt niet als te laat.
      </Paragraph>
      {withData.length === 0 ? (
        <Paragraph>Geen signalen met een termijn in deze periode.</Paragraph>
      ) : (
        <div class="charts">
          {withData.map((row) => (
            <div key={row.teamId}>
              <FirstConversationTable row={row} label={teamLabel(row.teamId)} />
              <FirstConversationWeeks teamId={row.teamId} weeks={weeks} />
            </div>
          ))}
          {withData.length > 1 && total.firstConversation && (
            <FirstConversationTable row={{ ...total, teamId: '' }} label="Totaal" />
          )}
        </div>
      )}
    </section>
  );
}
