import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { Badge, ErrorMessage, Flags, Loading, ScrollTable } from '../components/ui.tsx';
import {
  deadlineText,
  formatDate,
  formatDateTime,
  KIND_LABELS,
  problemLabel,
  RECIPIENT_LABELS,
  SOURCE_LABELS,
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

/** The team inbox: by deadline, what is overdue standing out, counts per tab, escalations. */
export function Inbox({ api, session, team }: { api: Api; session: Session; team: string }) {
  const [tab, setTab] = useState<Tab>('open');
  const [items, setItems] = useState<Item[]>();
  const [cursor, setCursor] = useState<string>();
  const [asOf, setAsOf] = useState('');
  const [counts, setCounts] = useState<Record<Tab, number>>();
  const [escalations, setEscalations] = useState<Escalation[]>();
  const [error, setError] = useState<unknown>();
  const teams = teamsFor(session);
  const seesEscalations = ['coordinator', 'manager', 'admin'].includes(session.role);

  async function load(more = false) {
    try {
      const query = new URLSearchParams({ status: tab, limit: '25', ...(more && cursor ? { cursor } : {}) });
      const page = await api.get<{ items: Item[]; cursor?: string; asOf: string }>(
        `/teams/${team}/signals?${query}`,
      );
      setItems((current) => (more && current ? [...current, ...page.items] : page.items));
      setCursor(page.cursor);
      setAsOf(page.asOf);
    } catch (caught) {
      setError(caught);
    }
  }

  useEffect(() => {
    setItems(undefined);
    setError(undefined);
    void load();
    api.get<Record<Tab, number>>(`/teams/${team}/signal-counts`).then(setCounts, setError);
    if (seesEscalations)
      api
        .get<{ items: Escalation[] }>(`/teams/${team}/escalations?limit=10`)
        .then((page) => setEscalations(page.items), setError);
  }, [team, tab]);

  return (
    <>
      <div class="page-head">
        <h1>Werkvoorraad {teamLabel(team)}</h1>
        {teams.length > 1 && (
          <div class="field-inline">
            <label for="team">Team</label>
            <select
              id="team"
              value={team}
              onChange={(event) => navigate(`/inbox/${event.currentTarget.value}`)}
            >
              {teams.map((id) => (
                <option key={id} value={id}>
                  {teamLabel(id)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div role="tablist" aria-label="Werkvoorraad" class="tabs">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="inbox-panel"
            class={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
          >
            {label}
            {counts && (
              <span class={id === 'overdue' && counts.overdue > 0 ? 'count count-danger' : 'count'}>
                {counts[id]}
              </span>
            )}
          </button>
        ))}
      </div>
      <section id="inbox-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <ErrorMessage error={error} />
        {!items && !error && <Loading />}
        {items && items.length === 0 && <p class="empty">Geen signalen in dit tabblad.</p>}
        {items && items.length > 0 && (
          <ScrollTable label="Signalen">
            <table class="inbox">
              <caption class="visually-hidden">Signalen, vroegste termijn eerst</caption>
              <thead>
                <tr>
                  <th scope="col">Termijn</th>
                  <th scope="col">Naam</th>
                  <th scope="col">Adres</th>
                  <th scope="col">Bron en soort</th>
                  <th scope="col">Probleem</th>
                  <th scope="col">Kenmerken</th>
                  <th scope="col">Escalatie</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.signalId} class={item.overdue ? 'overdue' : ''}>
                    <td>
                      {formatDate(item.dueDate)}
                      <br />
                      {item.status === 'open' ? (
                        <span class={item.overdue ? 'late' : 'muted'}>
                          {item.firstContactAt
                            ? 'contact gehad'
                            : deadlineText(item.dueDate, asOf, item.overdue)}
                        </span>
                      ) : (
                        <span class="muted">{item.status === 'closed' ? 'afgesloten' : 'Veilig Thuis'}</span>
                      )}
                    </td>
                    <td>
                      <a href={`#/signals/${item.signalId}`}>{item.person.displayName}</a>
                      {item.person.birthYear && <span class="muted"> ({item.person.birthYear})</span>}
                    </td>
                    <td>
                      {item.address.postcode} {item.address.houseNumber}
                      {item.address.houseNumberSuffix ? ` ${item.address.houseNumberSuffix}` : ''}
                    </td>
                    <td>
                      {SOURCE_LABELS[item.source] ?? item.source}
                      <br />
                      <span class="muted">{KIND_LABELS[item.kind] ?? item.kind}</span>
                    </td>
                    <td>{problemLabel(item.dominantProblem)}</td>
                    <td>
                      <Flags flags={item.flags} />
                    </td>
                    <td>
                      {item.escalationLevel > 0 ? (
                        <Badge tone="danger">Niveau {item.escalationLevel}</Badge>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        {cursor && (
          <button type="button" class="button secondary" onClick={() => void load(true)}>
            Meer laden
          </button>
        )}
      </section>
      {seesEscalations && (
        <section aria-labelledby="escalations-title" class="panel">
          <h2 id="escalations-title">Escalaties</h2>
          {escalations && escalations.length === 0 && <p class="empty">Geen escalaties.</p>}
          {escalations && escalations.length > 0 && (
            <ul class="escalations">
              {escalations.map((escalation) => (
                <li key={`${escalation.signalId}-${escalation.level}`}>
                  <Badge tone="danger">Niveau {escalation.level}</Badge>{' '}
                  <a href={`#/signals/${escalation.signalId}`}>
                    Signaal zonder eerste contact binnen de termijn
                  </a>{' '}
                  — naar {RECIPIENT_LABELS[escalation.recipient.role] ?? escalation.recipient.role},{' '}
                  {formatDateTime(escalation.at)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
