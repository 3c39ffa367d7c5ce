import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { Badge, ErrorMessage, Flags, Loading, ScrollTable, SelectField } from '../components/ui.tsx';
import {
  AUDIT_ACTIONS,
  CONTACT_KINDS,
  deadlineText,
  formatDate,
  formatDateTime,
  formatEuro,
  KIND_LABELS,
  OUTCOMES,
  outcomeLabel,
  principalLabel,
  problemLabel,
  RECIPIENT_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  TEAM_IDS,
  teamLabel,
} from '../labels.ts';
import type { Session } from '../session.ts';

interface Detail {
  signalId: string;
  teamId: string;
  status: string;
  outcome?: string;
  kind: string;
  source: string;
  receivedAt: string;
  dueDate: string;
  deadlineAt: string;
  overdue: boolean;
  flags: string[];
  categories: string[];
  dominantProblem?: string;
  amount?: number;
  arrearsSince?: string;
  monthlyRent?: number;
  evictionDate?: string;
  endOfSupplyDate?: string;
  supplier?: string;
  summary?: string;
  consent?: string;
  person: { displayName: string; birthDate?: string; phone?: string; email?: string; bsn?: string };
  address: {
    postcode: string;
    houseNumber: number;
    houseNumberSuffix?: string;
    street?: string;
    city?: string;
  };
  routing: { rule: string; explanation: string };
  routingHistory: { at: string; teamId: string; rule: string; explanation: string; by?: string }[];
  contactAttempts: { kind: string; reached: boolean; at: string; dagdeel: string; note?: string }[];
  firstContactAt?: string;
  firstContactInTime?: boolean;
  escalations: { level: number; at: string; recipient: { role: string; scope: string } }[];
}

function Field({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One signal with everything needed for the first contact, and the actions that stop the clock. */
export function SignalPage({ api, session, signalId }: { api: Api; session: Session; signalId: string }) {
  const [signal, setSignal] = useState<Detail>();
  const [asOf, setAsOf] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');

  const load = () =>
    Promise.all([api.get<Detail>(`/signals/${signalId}`), api.get<{ now: string }>('/health')]).then(
      ([detail, health]) => {
        setSignal(detail);
        setAsOf(health.now);
      },
      setError,
    );
  useEffect(() => void load(), [signalId]);

  const act = (path: string, body: unknown, done: string) => async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      setSignal(await api.post<Detail>(`/signals/${signalId}/${path}`, body));
      setNotice(done);
    } catch (caught) {
      setError(caught);
    }
  };

  if (!signal) return error ? <ErrorMessage error={error} /> : <Loading />;
  const works =
    (session.role === 'team-member' || session.role === 'coordinator') && session.scope === signal.teamId;
  const open = signal.status === 'open';
  // Only to decide whether to show the panel: the server's access policy decides what it answers.
  const readsAudit =
    session.role === 'admin' || (session.role === 'coordinator' && session.scope === signal.teamId);
  return (
    <>
      <p>
        <a href={`#/inbox/${signal.teamId}`}>← Werkvoorraad {teamLabel(signal.teamId)}</a>
      </p>
      <div class="page-head">
        <h1>{signal.person.displayName}</h1>
        <Badge tone={signal.overdue ? 'danger' : open ? 'info' : 'neutral'}>
          {signal.overdue ? 'Over de termijn' : (STATUS_LABELS[signal.status] ?? signal.status)}
        </Badge>
      </div>
      {notice && (
        <div class="alert alert-success" role="status">
          {notice}
        </div>
      )}
      <ErrorMessage error={error} />
      <div class="columns">
        <section aria-labelledby="deadline-title" class="panel">
          <h2 id="deadline-title">Termijn</h2>
          <dl>
            <Field label="Eerste contact uiterlijk">
              {formatDate(signal.dueDate)}
              {open && !signal.firstContactAt && <> — {deadlineText(signal.dueDate, asOf, signal.overdue)}</>}
            </Field>
            <Field label="Eerste contact">
              {signal.firstContactAt
                ? `${formatDateTime(signal.firstContactAt)} (${signal.firstContactInTime ? 'binnen de termijn' : 'na de termijn'})`
                : 'nog niet'}
            </Field>
            <Field label="Ontvangen">{formatDateTime(signal.receivedAt)}</Field>
            <Field label="Kenmerken">
              <Flags flags={signal.flags} />
            </Field>
          </dl>
        </section>
        <section aria-labelledby="person-title" class="panel">
          <h2 id="person-title">Persoon en adres</h2>
          <dl>
            <Field label="Naam">{signal.person.displayName}</Field>
            <Field label="Geboortedatum">{formatDate(signal.person.birthDate)}</Field>
            <Field label="Telefoon">{signal.person.phone ?? '—'}</Field>
            <Field label="E-mail">{signal.person.email ?? '—'}</Field>
            <Field label="Adres">
              {[
                signal.address.street,
                `${signal.address.houseNumber}${signal.address.houseNumberSuffix ? ` ${signal.address.houseNumberSuffix}` : ''}`,
              ]
                .filter(Boolean)
                .join(' ')}
              , {signal.address.postcode} {signal.address.city ?? ''}
            </Field>
          </dl>
        </section>
        <section aria-labelledby="source-title" class="panel">
          <h2 id="source-title">Signaal</h2>
          <dl>
            <Field label="Bron">{SOURCE_LABELS[signal.source] ?? signal.source}</Field>
            <Field label="Soort">
              {KIND_LABELS[signal.kind] ?? signal.kind}
              {signal.supplier ? ` (${signal.supplier})` : ''}
            </Field>
            <Field label="Hoofdprobleem">{problemLabel(signal.dominantProblem)}</Field>
            {signal.outcome && <Field label="Uitkomst">{outcomeLabel(signal.outcome)}</Field>}
            {signal.amount !== undefined && <Field label="Achterstand">{formatEuro(signal.amount)}</Field>}
            {signal.arrearsSince && (
              <Field label="Achterstand sinds">{formatDate(signal.arrearsSince)}</Field>
            )}
            {signal.monthlyRent !== undefined && (
              <Field label="Maandhuur">{formatEuro(signal.monthlyRent)}</Field>
            )}
            {signal.evictionDate && <Field label="Ontruimingsdatum">{formatDate(signal.evictionDate)}</Field>}
            {signal.endOfSupplyDate && (
              <Field label="Einde levering">{formatDate(signal.endOfSupplyDate)}</Field>
            )}
            {signal.consent === 'not-asked' && (
              <Field label="Toestemming">Niet gevraagd: alleen een aanbod doen</Field>
            )}
          </dl>
          {signal.summary && (
            <>
              <h3>Samenvatting van de melding</h3>
              <p>{signal.summary}</p>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="routing-title" class="panel">
        <h2 id="routing-title">Routering</h2>
        <p>{signal.routing.explanation}</p>
        <ol class="history">
          {signal.routingHistory.map((step) => (
            <li key={step.at + step.teamId}>
              {formatDateTime(step.at)} — {teamLabel(step.teamId)} ({step.rule})
              {step.by ? `, door ${step.by}` : ''}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="contacts-title" class="panel">
        <h2 id="contacts-title">Contactpogingen</h2>
        {signal.contactAttempts.length === 0 ? (
          <p class="empty">Nog geen contactpogingen.</p>
        ) : (
          <ul>
            {signal.contactAttempts.map((attempt) => (
              <li key={attempt.at + attempt.kind}>
                {formatDateTime(attempt.at)} ({attempt.dagdeel}):{' '}
                {CONTACT_KINDS[attempt.kind] ?? attempt.kind} — {attempt.reached ? 'bereikt' : 'niet bereikt'}
                {attempt.note ? ` (${attempt.note})` : ''}
              </li>
            ))}
          </ul>
        )}
        {works && open && (
          <ContactForm onSubmit={(body) => act('contact-attempts', body, 'Contactpoging vastgelegd.')} />
        )}
      </section>

      {works && open && (
        <div class="columns">
          <RerouteForm
            current={signal.teamId}
            onSubmit={(body) => act('reroute', body, 'Signaal doorgezet.')}
          />
          <CloseForm onSubmit={(body) => act('close', body, 'Signaal afgesloten.')} />
        </div>
      )}

      <section aria-labelledby="escalations-title" class="panel">
        <h2 id="escalations-title">Escalaties</h2>
        {signal.escalations.length === 0 ? (
          <p class="empty">Geen escalaties.</p>
        ) : (
          <ul>
            {signal.escalations.map((escalation) => (
              <li key={escalation.level}>
                Niveau {escalation.level} naar{' '}
                {RECIPIENT_LABELS[escalation.recipient.role] ?? escalation.recipient.role} —{' '}
                {formatDateTime(escalation.at)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {readsAudit && <AuditTrail api={api} signalId={signal.signalId} />}
    </>
  );
}

interface AuditEntry {
  at: string;
  action: string;
  principal: { id: string; role: string; scope: string };
}

/** DESIGN P3 for the coordinator of the team and admins: who saw or changed this signal, when. */
function AuditTrail({ api, signalId }: { api: Api; signalId: string }) {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<unknown>();
  useEffect(
    () =>
      void api
        .get<{ items: AuditEntry[] }>(`/signals/${signalId}/audit?limit=20`)
        .then((page) => setEntries(page.items), setError),
    [signalId],
  );
  return (
    <section aria-labelledby="audit-title" class="panel">
      <h2 id="audit-title">Auditspoor</h2>
      <ErrorMessage error={error} />
      {entries && entries.length === 0 && <p class="empty">Nog niemand heeft dit signaal ingezien.</p>}
      {entries && entries.length > 0 && (
        <ScrollTable label="Auditregels">
          <table>
            <caption class="visually-hidden">
              Wie heeft dit signaal ingezien of gewijzigd, nieuwste eerst
            </caption>
            <thead>
              <tr>
                <th scope="col">Moment</th>
                <th scope="col">Handeling</th>
                <th scope="col">Wie</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={`${entry.at}-${entry.action}-${entry.principal.id}`}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{AUDIT_ACTIONS[entry.action] ?? entry.action}</td>
                  <td>
                    {entry.principal.id} <span class="muted">({principalLabel(entry.principal)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

type Submit = (body: unknown) => (event: Event) => Promise<void>;

function ContactForm({ onSubmit }: { onSubmit: Submit }) {
  const [kind, setKind] = useState('telefoon');
  const [reached, setReached] = useState(true);
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const body = {
    kind,
    reached,
    ...(at ? { at: new Date(at).toISOString() } : {}),
    ...(note ? { note } : {}),
  };
  return (
    <form onSubmit={onSubmit(body)} class="form">
      <h3>Contactpoging vastleggen</h3>
      <label for="contact-kind">Soort contact</label>
      <select id="contact-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
        {Object.entries(CONTACT_KINDS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Inwoner bereikt?</legend>
        <label class="choice">
          <input type="radio" name="reached" checked={reached} onChange={() => setReached(true)} /> Ja
        </label>
        <label class="choice">
          <input type="radio" name="reached" checked={!reached} onChange={() => setReached(false)} /> Nee
        </label>
      </fieldset>
      <label for="contact-at">Moment (leeg: nu)</label>
      <input
        id="contact-at"
        type="datetime-local"
        value={at}
        onInput={(event) => setAt(event.currentTarget.value)}
      />
      <label for="contact-note">Notitie (optioneel)</label>
      <textarea
        id="contact-note"
        rows={2}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <button type="submit" class="button">
        Vastleggen
      </button>
    </form>
  );
}

function RerouteForm({ current, onSubmit }: { current: string; onSubmit: Submit }) {
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form onSubmit={onSubmit({ teamId, reason })} class="form panel">
      <h2>Doorzetten naar een ander team</h2>
      <SelectField
        id="reroute-team"
        label="Team"
        placeholder="Kies een team…"
        value={teamId}
        onChange={setTeamId}
        options={TEAM_IDS.filter((id) => id !== current).map((id) => ({ value: id, label: teamLabel(id) }))}
      />
      <label for="reroute-reason">Reden</label>
      <textarea
        id="reroute-reason"
        rows={2}
        value={reason}
        onInput={(event) => setReason(event.currentTarget.value)}
        required
      />
      <p class="hint">De termijn blijft staan.</p>
      <button type="submit" class="button secondary">
        Doorzetten
      </button>
    </form>
  );
}

function CloseForm({ onSubmit }: { onSubmit: Submit }) {
  const [outcome, setOutcome] = useState('');
  return (
    <form onSubmit={onSubmit({ outcome })} class="form panel">
      <h2>Afsluiten</h2>
      <SelectField
        id="close-outcome"
        label="Uitkomst (DDAS)"
        placeholder="Kies een uitkomst…"
        value={outcome}
        onChange={setOutcome}
        options={OUTCOMES.map((item) => ({ value: item.code, label: item.label }))}
      />
      <button type="submit" class="button secondary">
        Afsluiten
      </button>
    </form>
  );
}
