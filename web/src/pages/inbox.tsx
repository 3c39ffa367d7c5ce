import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { cx } from '../components/cx.ts';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  ErrorMessage,
  Flags,
  Heading,
  Link,
  ListItem,
  Loading,
  Paragraph,
  ScrollTable,
  SelectField,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
} from '../components/ui.tsx';
import { formatDutchDate, formatDutchDateTime, workingDaysText } from '../dutch-time.ts';
import {
  FLAG_EXPLANATIONS,
  FLAG_LABELS,
  KIND_LABELS,
  problemLabel,
  RECIPIENT_LABELS,
  SOURCE_LABELS,
  shortAddress,
  TEAM_IDS,
  teamLabel,
} from '../labels.ts';
import { navigate } from '../router.ts';
import type { Session } from '../session.ts';

type Tab = 'open' | 'overdue' | 'closed';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'overdue', label: 'Over de termijn' },
  { id: 'closed', label: 'Afgesloten' },
];

interface Item {
  signalId: string;
  source: string;
  kind: string;
  dueDate: string;
  overdue: boolean;
  escalationLevel: number;
  dominantProblem?: string;
  flags: string[];
  person: { displayName: string; birthYear?: number };
  address: { postcode: string; houseNumber: number; houseNumberSuffix?: string };
  status: string;
  firstContactAt?: string;
  /** The start of the first conversation planned now (DESIGN A1), if one stands. */
  nextAppointmentAt?: string;
  /** Open and awaiting first contact only: working days left, 0 the last day, negative late (D1–D2). */
  workingDaysLeft?: number;
}

interface Escalation {
  signalId: string;
  level: number;
  at: string;
  recipient: { role: string; scope: string };
}

/** The teams a principal may open (API.md): its own, its organisation's, or all for admins. */
export function teamsFor(session: Session): string[] {
  if (session.role === 'team-member' || session.role === 'coordinator') return [session.scope];
  if (session.role === 'manager')
    return TEAM_IDS.filter((team) => team.startsWith(session.scope === 'jg' ? 'bt-jg-' : 'bt-sociaal-'));
  return session.role === 'admin' ? [...TEAM_IDS] : [];
}

/** Where the deadline stands, in working days as the promise counts them (never calendar days). */
function deadlineState(item: Item): { text: string; late: boolean } {
  if (item.status === 'closed') return { text: 'afgesloten', late: false };
  if (item.status === 'forwarded') return { text: 'doorgezet naar Veilig Thuis', late: false };
  if (item.firstContactAt) return { text: 'contact gehad', late: false };
  if (item.workingDaysLeft === undefined) return { text: item.overdue ? 'te laat' : '', late: item.overdue };
  return { text: workingDaysText(item.workingDaysLeft, item.overdue), late: item.overdue };
}

/**
 * The tabs of the inbox (ARIA tabs pattern): one tab stop, arrow keys, Home and End move between the
 * tabs and choose them. The component library has no tabs; `.tabs` in styles.css draws them.
 */
function Tabs({
  tab,
  counts,
  onChoose,
}: {
  tab: Tab;
  counts: Record<Tab, number> | undefined;
  onChoose: (tab: Tab) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const index = TABS.findIndex(({ id }) => id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const chosen = TABS[next]?.id ?? 'open';
    onChoose(chosen);
    list.current?.querySelector<HTMLElement>(`#tab-${chosen}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Werkvoorraad" class="tabs" ref={list} onKeyDown={move}>
      {TABS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={tab === id}
          aria-controls="inbox-panel"
          tabIndex={tab === id ? 0 : -1}
          class={tab === id ? 'tab active' : 'tab'}
          onClick={() => onChoose(id)}
        >
          {label}
          {counts && (
            <>
              {' '}
              <span
                class={cx(
                  'utrecht-number-badge',
                  id === 'overdue' && counts.overdue > 0 && 'app-count--attention',
                )}
              >
                {counts[id]}
              </span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}

/** The flags that occur in the list, each explained in words (a badge alone does not say why). */
function FlagExplanations({ items }: { items: readonly Item[] }) {
  const flags = [...new Set(items.flatMap((item) => item.flags))];
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="flags-title">
      <Heading level={2} id="flags-title">
        Wat de kenmerken betekenen
      </Heading>
      <DataList>
        {flags.map((flag) => (
          <DataListItem key={flag} label={<Flags flags={[flag]} />}>
            {FLAG_EXPLANATIONS[flag] ?? FLAG_LABELS[flag] ?? flag}
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}

function InboxTable({ items, asOf }: { items: readonly Item[]; asOf: string }) {
  return (
    <ScrollTable label="Signalen">
      <Table caption="Signalen, vroegste termijn eerst" captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Termijn</TableHeaderCell>
            <TableHeaderCell>Volgende afspraak</TableHeaderCell>
            <TableHeaderCell>Naam</TableHeaderCell>
            <TableHeaderCell>Adres</TableHeaderCell>
            <TableHeaderCell>Bron en soort</TableHeaderCell>
            <TableHeaderCell>Probleem</TableHeaderCell>
            <TableHeaderCell>Kenmerken</TableHeaderCell>
            <TableHeaderCell>Escalatie</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => {
            const deadline = deadlineState(item);
            return (
              <TableRow key={item.signalId} class={item.overdue ? 'overdue' : undefined}>
                <TableCell>
                  {formatDutchDate(item.dueDate, asOf)}
                  {deadline.text && (
                    <>
                      <br />
                      <span class={deadline.late ? 'late' : undefined}>{deadline.text}</span>
                    </>
                  )}
                </TableCell>
                <TableCell>{formatDutchDateTime(item.nextAppointmentAt, asOf)}</TableCell>
                <TableCell>
                  <Link href={`#/signals/${item.signalId}`}>{item.person.displayName}</Link>
                  {item.person.birthYear && <> ({item.person.birthYear})</>}
                </TableCell>
                <TableCell>{shortAddress(item.address)}</TableCell>
                <TableCell>
                  {SOURCE_LABELS[item.source] ?? item.source}
                  <br />
                  {KIND_LABELS[item.kind] ?? item.kind}
                </TableCell>
                <TableCell>{problemLabel(item.dominantProblem)}</TableCell>
                <TableCell
                  title={
                    item.flags
                      .map((flag) => `${FLAG_LABELS[flag] ?? flag}: ${FLAG_EXPLANATIONS[flag] ?? ''}`)
                      .join('\n') || undefined
                  }
                >
                  <Flags flags={item.flags} />
                </TableCell>
                <TableCell>
                  {item.escalationLevel > 0 ? (
                    <StatusBadge status="danger">Niveau {item.escalationLevel}</StatusBadge>
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/** The team inbox: by deadline, what is overdue standing out, counts per tab, escalations. */
export function Inbox({ api, session, team }: { api: Api; session: Session; team: string }) {
  const [tab, setTab] = useState<Tab>('open');
  const [items, setItems] = useState<Item[]>();
  const [cursor, setCursor] = useState<string>();
  const [asOf, setAsOf] = useState('');
  const [counts, setCounts] = useState<Record<Tab, number>>();
  const [escalations, setEscalations] = useState<Escalation[]>();
  const [error, setError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  // Which tab's list is on screen now. An answer for an earlier choice (the user switched tabs before
  // it came) is dropped: it would otherwise overwrite the list of the tab now chosen.
  const shown = useRef(0);
  const teams = teamsFor(session);
  const seesEscalations = ['coordinator', 'manager', 'admin'].includes(session.role);

  async function load(more = false) {
    const request = shown.current;
    try {
      const query = new URLSearchParams({ status: tab, limit: '25', ...(more && cursor ? { cursor } : {}) });
      const page = await api.get<{ items: Item[]; cursor?: string; asOf: string }>(
        `/teams/${team}/signals?${query}`,
      );
      if (request !== shown.current) return;
      setItems((current) => (more && current ? [...current, ...page.items] : page.items));
      setCursor(page.cursor);
      setAsOf(page.asOf);
    } catch (caught) {
      if (request === shown.current) setError(caught);
    }
  }

  useEffect(() => {
    shown.current++;
    setItems(undefined);
    setCursor(undefined);
    setError(undefined);
    void load();
    api.get<Record<Tab, number>>(`/teams/${team}/signal-counts`).then(setCounts, setError);
    if (seesEscalations)
      api
        .get<{ items: Escalation[] }>(`/teams/${team}/escalations?limit=10`)
        .then((page) => setEscalations(page.items), setError);
  }, [team, tab]);

  const loadMore = async () => {
    setLoadingMore(true);
    await load(true);
    setLoadingMore(false);
  };

  return (
    <>
      <div class="page-head">
        <Heading level={1}>Werkvoorraad {teamLabel(team)}</Heading>
        {teams.length > 1 && (
          <SelectField
            id="team"
            label="Team"
            value={team}
            options={teams.map((id) => ({ value: id, label: teamLabel(id) }))}
            onChange={(id) => navigate(`/inbox/${id}`)}
          />
        )}
      </div>
      <Tabs tab={tab} counts={counts} onChoose={setTab} />
      <section id="inbox-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <ErrorMessage error={error} />
        {!items && !error && <Loading />}
        {items && items.length === 0 && <Paragraph>Geen signalen in dit tabblad.</Paragraph>}
        {items && items.length > 0 && <InboxTable items={items} asOf={asOf} />}
        {cursor && (
          <ButtonGroup>
            <Button busy={loadingMore} onClick={() => void loadMore()}>
              Meer laden
            </Button>
          </ButtonGroup>
        )}
        {items && <FlagExplanations items={items} />}
      </section>
      {seesEscalations && (
        <section aria-labelledby="escalations-title" class="panel">
          <Heading level={2} id="escalations-title">
            Escalaties
          </Heading>
          {escalations && escalations.length === 0 && <Paragraph>Geen escalaties.</Paragraph>}
          {escalations && escalations.length > 0 && (
            <UnorderedList>
              {escalations.map((escalation) => (
                <ListItem key={`${escalation.signalId}-${escalation.level}`}>
                  <StatusBadge status="danger">Niveau {escalation.level}</StatusBadge>{' '}
                  <Link href={`#/signals/${escalation.signalId}`}>
                    Signaal zonder eerste contact binnen de termijn
                  </Link>{' '}
                  — naar {RECIPIENT_LABELS[escalation.recipient.role] ?? escalation.recipient.role},{' '}
                  {formatDutchDateTime(escalation.at, asOf || escalation.at)}
                </ListItem>
              ))}
            </UnorderedList>
          )}
        </section>
      )}
    </>
  );
}
