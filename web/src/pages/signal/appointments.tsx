import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api.ts';
import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxField,
  checkDateTime,
  DateTimeField,
  EMPTY_DATE_TIME,
  ErrorMessage,
  ErrorSummary,
  Heading,
  Paragraph,
  ScrollTable,
  SelectField,
  type Status,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextareaField,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';
import { APPOINTMENT_PLACES, APPOINTMENT_STATUSES } from '../../labels.ts';
import { apiFieldErrors, maxLength, required, useFormErrors } from '../../validation.ts';
import { Panel } from './facts.tsx';
import type { Act, Appointment, Detail } from './types.ts';

const PLACE_OPTIONS = Object.entries(APPOINTMENT_PLACES).map(([value, label]) => ({ value, label }));

/** The API's fields (422 details) on the planning form's fields. */
const API_FIELDS = {
  startsAt: 'appointment-at-date',
  place: 'appointment-place',
  opVerzoekInwoner: 'appointment-own-request',
  note: 'appointment-note',
};

const STATUS_BADGES: Readonly<Record<Appointment['status'], Status>> = {
  gepland: 'active',
  gehouden: 'safe',
  'niet-verschenen': 'warning',
  geannuleerd: 'neutral',
};

type Outcome = Exclude<Appointment['status'], 'gepland'>;
const OUTCOMES: readonly { status: Outcome; label: string; done: string }[] = [
  { status: 'gehouden', label: 'Gehouden', done: 'Afspraak vastgelegd als gehouden.' },
  { status: 'niet-verschenen', label: 'Niet verschenen', done: 'Afspraak vastgelegd als niet verschenen.' },
  { status: 'geannuleerd', label: 'Geannuleerd', done: 'Afspraak geannuleerd.' },
];

/**
 * The first conversation (kennismakingsgesprek, DESIGN A1–A2): the appointments so far, and for the
 * team either the form to plan one or, while one stands, how it went. One stands at a time;
 * reschedule = cancel + plan a new one (the history keeps both). A held appointment is a reached
 * contact (the API adds an "Afspraak op locatie" to the contact attempts).
 */
export function Appointments({
  signal,
  today,
  canPlan,
  act,
}: {
  signal: Detail;
  today: string;
  canPlan: boolean;
  act: Act;
}) {
  const appointments = signal.appointments ?? [];
  const standing = appointments.find((appointment) => appointment.status === 'gepland');
  // What was saved last; `count` remounts the message, so the same words twice are announced twice.
  const [notice, setNotice] = useState<{ text: string; count: number }>();
  const noticeRef = useRef<HTMLDivElement>(null);
  // The form or the buttons just used are gone after saving: the focus goes to what happened.
  useEffect(() => {
    if (notice?.text) noticeRef.current?.focus();
  }, [notice]);
  const announce = (text: string) => setNotice((last) => ({ text, count: (last?.count ?? 0) + 1 }));

  return (
    <Panel id="appointments-title" title="Afspraken">
      <Paragraph small>
        Het eerste gesprek met de inwoner. Een gehouden afspraak telt als bereikt contact.
      </Paragraph>
      {notice?.text && (
        <div key={notice.count} ref={noticeRef} tabIndex={-1}>
          <Alert type="ok" role="status">
            <p class="utrecht-paragraph">{notice.text}</p>
          </Alert>
        </div>
      )}
      {appointments.length === 0 ? (
        <Paragraph small>Nog geen afspraken.</Paragraph>
      ) : (
        <AppointmentTable appointments={appointments} today={today} />
      )}
      {canPlan && standing && (
        <StandingAppointment appointment={standing} today={today} act={act} onSaved={announce} />
      )}
      {canPlan && !standing && <AppointmentForm act={act} onSaved={announce} />}
    </Panel>
  );
}

function AppointmentTable({ appointments, today }: { appointments: readonly Appointment[]; today: string }) {
  return (
    <ScrollTable label="Afspraken tot nu toe">
      <Table caption="Afspraken, in de volgorde waarin ze zijn gepland" captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Moment</TableHeaderCell>
            <TableHeaderCell>Plaats</TableHeaderCell>
            <TableHeaderCell>Op verzoek van de inwoner</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Notitie</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {appointments.map((appointment) => (
            <TableRow key={appointment.appointmentId}>
              <TableCell>{formatDutchDateTime(appointment.startsAt, today)}</TableCell>
              <TableCell>{APPOINTMENT_PLACES[appointment.place] ?? appointment.place}</TableCell>
              <TableCell>{appointment.opVerzoekInwoner ? 'Ja' : 'Nee'}</TableCell>
              <TableCell>
                <StatusBadge status={STATUS_BADGES[appointment.status] ?? 'neutral'}>
                  {APPOINTMENT_STATUSES[appointment.status] ?? appointment.status}
                </StatusBadge>
              </TableCell>
              <TableCell>{appointment.note ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/** How the standing appointment went: held, the resident did not come, or cancelled (A1). */
function StandingAppointment({
  appointment,
  today,
  act,
  onSaved,
}: {
  appointment: Appointment;
  today: string;
  act: Act;
  onSaved: (message: string) => void;
}) {
  const [busy, setBusy] = useState<Outcome>();
  const [error, setError] = useState<unknown>();
  const record = async (outcome: (typeof OUTCOMES)[number]) => {
    setError(undefined);
    onSaved('');
    setBusy(outcome.status);
    try {
      await act(
        `appointments/${encodeURIComponent(appointment.appointmentId)}`,
        { status: outcome.status },
        '',
      );
      onSaved(outcome.done);
    } catch (caught) {
      setError(caught);
      setBusy(undefined);
    }
  };
  return (
    <div class="app-appointment-outcome">
      <Heading level={3} id="appointment-outcome-title">
        Afspraak van {formatDutchDateTime(appointment.startsAt, today)}
      </Heading>
      {/* The API's refusal (held before its time, already ended) in its own words, without field names. */}
      {error instanceof ApiError ? (
        <Alert type="error" role="alert">
          <p class="utrecht-paragraph">{error.details[0]?.message ?? error.message}</p>
        </Alert>
      ) : (
        <ErrorMessage error={error} />
      )}
      <ButtonGroup>
        {OUTCOMES.map((outcome) => (
          <Button
            key={outcome.status}
            appearance={outcome.status === 'gehouden' ? 'primary-action' : 'secondary-action'}
            busy={busy === outcome.status}
            onClick={() => void record(outcome)}
          >
            {outcome.label}
          </Button>
        ))}
      </ButtonGroup>
      <Paragraph small>Verzetten: annuleer deze afspraak en plan een nieuwe.</Paragraph>
    </div>
  );
}

/**
 * Plans the first conversation. Nothing is chosen beforehand: not the place, and not "op verzoek van
 * de inwoner", which after the deadline pauses the escalation (A2) and so must be the resident's wish.
 */
function AppointmentForm({ act, onSaved }: { act: Act; onSaved: (message: string) => void }) {
  const [startsAt, setStartsAt] = useState(EMPTY_DATE_TIME);
  const [place, setPlace] = useState('');
  const [ownRequest, setOwnRequest] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const form = useFormErrors();

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    onSaved('');
    const empty = startsAt.date.trim() === '' && startsAt.time.trim() === '';
    const moment = empty
      ? { errors: { 'appointment-at-date': 'Vul de datum en de tijd van de afspraak in.' } }
      : checkDateTime('appointment-at', startsAt);
    const valid = form.check({
      ...moment.errors,
      'appointment-place': required(place, 'Kies de plaats van de afspraak.'),
      'appointment-note': maxLength(note, 2000, 'De notitie'),
    });
    if (!valid || !('iso' in moment) || !moment.iso) return;
    setBusy(true);
    try {
      await act(
        'appointments',
        {
          startsAt: moment.iso,
          place,
          opVerzoekInwoner: ownRequest,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        '',
      );
      form.clear();
      onSaved('Afspraak gepland.');
    } catch (caught) {
      const fields = apiFieldErrors(caught, API_FIELDS);
      if (Object.keys(fields).length > 0) form.show(fields);
      else setError(caught);
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="appointment-form-title">
      <Heading level={3} id="appointment-form-title">
        Afspraak plannen
      </Heading>
      <ErrorMessage error={error} />
      <ErrorSummary errors={form.errors} ref={form.summary} />
      <DateTimeField
        id="appointment-at"
        legend="Begin van de afspraak"
        value={startsAt}
        onChange={setStartsAt}
        errors={form.errors}
      />
      <SelectField
        id="appointment-place"
        label="Plaats"
        placeholder="Kies de plaats…"
        value={place}
        options={PLACE_OPTIONS}
        onChange={setPlace}
        error={form.errors['appointment-place']}
      />
      <CheckboxField
        id="appointment-own-request"
        label="Op verzoek van de inwoner (later dan de termijn)"
        description="Alleen als de inwoner zelf om dit moment vroeg. Ligt het na de termijn, dan wacht de escalatie zolang de afspraak staat."
        checked={ownRequest}
        onChange={setOwnRequest}
        error={form.errors['appointment-own-request']}
      />
      <TextareaField
        id="appointment-note"
        label="Notitie bij de afspraak (niet verplicht)"
        rows={2}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
        error={form.errors['appointment-note']}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={busy}>
          Plannen
        </Button>
      </ButtonGroup>
    </form>
  );
}
