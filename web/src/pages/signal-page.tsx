import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { Alert, ErrorMessage, Loading } from '../components/ui.tsx';
import type { Session } from '../session.ts';
import { Appointments } from './signal/appointments.tsx';
import { AuditTrail } from './signal/audit-trail.tsx';
import { CaseHeader } from './signal/case-header.tsx';
import { CloseForm } from './signal/close-form.tsx';
import { ContactAttempts } from './signal/contact-attempts.tsx';
import { Escalations } from './signal/escalations.tsx';
import { Facts } from './signal/facts.tsx';
import { RerouteForm } from './signal/reroute-form.tsx';
import { Routing } from './signal/routing.tsx';
import type { Act, Detail } from './signal/types.ts';

/**
 * One signal with everything needed for the first contact, and the actions that stop the clock
 * (issue 15: the case record). The parts are in ./signal/; dates are read against the service's
 * clock (`/health`), so "this year" and "now" agree with the API's test clock.
 */
export function SignalPage({ api, session, signalId }: { api: Api; session: Session; signalId: string }) {
  const [signal, setSignal] = useState<Detail>();
  const [today, setToday] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');

  useEffect(() => {
    setSignal(undefined);
    setNotice('');
    Promise.all([api.get<Detail>(`/signals/${signalId}`), api.get<{ now: string }>('/health')]).then(
      ([detail, health]) => {
        setSignal(detail);
        setToday(health.now);
      },
      setError,
    );
  }, [signalId]);

  // The forms show the API's errors at their fields; a success is announced on the page.
  const act: Act = async (path, body, done) => {
    setNotice('');
    setSignal(await api.post<Detail>(`/signals/${signalId}/${path}`, body));
    if (done) setNotice(done);
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
      <CaseHeader signal={signal} today={today} />
      {notice && (
        <Alert type="ok" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </Alert>
      )}
      <Facts signal={signal} today={today} />
      <Routing signal={signal} today={today} />
      <ContactAttempts signal={signal} today={today} canRecord={works && open} act={act} />
      <Appointments signal={signal} today={today} canPlan={works && open} act={act} />
      {works && open && (
        <div class="columns">
          <RerouteForm current={signal.teamId} act={act} />
          <CloseForm attempts={signal.contactAttempts.length} act={act} />
        </div>
      )}
      <Escalations escalations={signal.escalations} today={today} />
      {readsAudit && <AuditTrail api={api} signalId={signal.signalId} today={today} />}
    </>
  );
}
