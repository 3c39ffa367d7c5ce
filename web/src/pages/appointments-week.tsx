import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import {
  Button,
  ButtonGroup,
  ErrorMessage,
  Heading,
  Link,
  Loading,
  Paragraph,
  ScrollTable,
  SelectField,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../components/ui.tsx';
import {
  addCalendarDays,
  amsterdamDateOf,
  formatDutchClock,
  formatDutchDay,
  isoWeekNumber,
  mondayOf,
} from '../dutch-time.ts';
import { APPOINTMENT_PLACES, KIND_LABELS, problemLabel, shortAddress, teamLabel } from '../labels.ts';
import { navigate } from '../router.ts';
import type { Session } from '../session.ts';
import { teamsFor } from './inbox.tsx';

/** One appointment of the team's week (`GET /teams/{teamId}/appointments`). */
interface WeekItem {
  signalId: string;
  appointmentId: string;
  startsAt: string;
  place: string;
  opVerzoekInwoner: boolean;
  person: { displayName: string };
  address: { postcode: string; houseNumber: number; houseNumberSuffix?: string };
  dominantProblem?: string;
  kind: string;
}

interface Week {
  /** The service's now (its test clock locally). */
  asOf: string;
  from: string;
  to: string;
  /** Sorted by start. */
  items: WeekItem[];
}

/** The week's appointments per day (Amsterdam dates), in the order of the answer. */
function perDay(items: readonly WeekItem[]): [string, WeekItem[]][] {
  const days = new Map<string, WeekItem[]>();
  for (const item of items) {
    const day = amsterdamDateOf(item.startsAt);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days.entries()];
}

/** "deze week", "vorige week", "volgende week", otherwise "week 3". */
function weekName(monday: string, thisMonday: string): string {
  if (monday === thisMonday) return 'deze week';
  if (monday === addCalendarDays(thisMonday, -7)) return 'vorige week';
  if (monday === addCalendarDays(thisMonday, 7)) return 'volgende week';
  return `week ${isoWeekNumber(monday)}`;
}

function DayTable({ day, items, today }: { day: string; items: readonly WeekItem[]; today: string }) {
  const name = formatDutchDay(day, today);
  return (
    <ScrollTable label={`Afspraken op ${name}`}>
      <Table caption={name}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Tijd</TableHeaderCell>
            <TableHeaderCell>Inwoner</TableHeaderCell>
            <TableHeaderCell>Adres</TableHeaderCell>
            <TableHeaderCell>Plaats</TableHeaderCell>
            <TableHeaderCell>Op verzoek van de inwoner</TableHeaderCell>
            <TableHeaderCell>Probleem</TableHeaderCell>
            <TableHeaderCell>Soort signaal</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.appointmentId}>
              <TableCell>{formatDutchClock(item.startsAt)}</TableCell>
              <TableCell>
                <Link href={`#/signals/${item.signalId}`}>{item.person.displayName}</Link>
              </TableCell>
              <TableCell>{shortAddress(item.address)}</TableCell>
              <TableCell>{APPOINTMENT_PLACES[item.place] ?? item.place}</TableCell>
              <TableCell>{item.opVerzoekInwoner ? 'Ja' : 'Nee'}</TableCell>
              <TableCell>{problemLabel(item.dominantProblem)}</TableCell>
              <TableCell>{KIND_LABELS[item.kind] ?? item.kind}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/**
 * Afspraken deze week (issue 17): the team's first conversations from Monday to Sunday, a table per
 * day, each linking to its signal; Vorige week / Volgende week. "This week" is the service's (its
 * test clock locally), on the Amsterdam calendar, so it agrees with the deadlines of the inbox.
 */
export function AppointmentsWeek({ api, session, team }: { api: Api; session: Session; team: string }) {
  /** The Monday of the service's today; undefined until the service has said what day it is. */
  const [thisMonday, setThisMonday] = useState<string>();
  const [monday, setMonday] = useState<string>();
  const [week, setWeek] = useState<Week>();
  const [error, setError] = useState<unknown>();
  // The week on screen is the one chosen last; an earlier choice's late answer is dropped.
  const shown = useRef(0);
  const teams = teamsFor(session);

  useEffect(() => {
    api.get<{ now: string }>('/health').then(({ now }) => {
      const current = mondayOf(amsterdamDateOf(now));
      setThisMonday(current);
      setMonday(current);
    }, setError);
  }, []);

  useEffect(() => {
    if (!monday) return;
    const request = ++shown.current;
    setWeek(undefined);
    setError(undefined);
    const query = new URLSearchParams({ from: monday, to: addCalendarDays(monday, 6) });
    api.get<Week>(`/teams/${team}/appointments?${query}`).then(
      (answer) => {
        if (request !== shown.current) return;
        setWeek(answer);
        // The service's clock may have moved on (a test clock set meanwhile): its today counts.
        setThisMonday(mondayOf(amsterdamDateOf(answer.asOf)));
      },
      (caught) => request === shown.current && setError(caught),
    );
  }, [monday]);

  const today = week ? amsterdamDateOf(week.asOf) : (thisMonday ?? '');
  const name = monday && thisMonday ? weekName(monday, thisMonday) : 'deze week';
  const days = week ? perDay(week.items) : [];
  return (
    <>
      <div class="page-head">
        <Heading level={1}>Afspraken {name}</Heading>
        {teams.length > 1 && (
          <SelectField
            id="team"
            label="Team"
            value={team}
            options={teams.map((id) => ({ value: id, label: teamLabel(id) }))}
            onChange={(id) => navigate(`/afspraken/${id}`)}
          />
        )}
      </div>
      {monday && (
        <Paragraph lead aria-live="polite">
          {teamLabel(team)}, week {isoWeekNumber(monday)}: {formatDutchDay(monday, today)} tot en met{' '}
          {formatDutchDay(addCalendarDays(monday, 6), today)}.
        </Paragraph>
      )}
      {monday && thisMonday && (
        <ButtonGroup>
          <Button onClick={() => setMonday(addCalendarDays(monday, -7))}>Vorige week</Button>
          {monday !== thisMonday && <Button onClick={() => setMonday(thisMonday)}>Deze week</Button>}
          <Button onClick={() => setMonday(addCalendarDays(monday, 7))}>Volgende week</Button>
        </ButtonGroup>
      )}
      <ErrorMessage error={error} />
      {!week && !error && <Loading />}
      {week && days.length === 0 && (
        <Paragraph>Geen afspraken {name.startsWith('week') ? `in ${name}` : name}.</Paragraph>
      )}
      {days.map(([day, items]) => (
        <DayTable key={day} day={day} items={items} today={today} />
      ))}
    </>
  );
}
