import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApi } from './api.ts';
import { LinkButton } from './components/button.tsx';
import { cx } from './components/cx.ts';
import { Alert, ErrorMessage, Loading } from './components/feedback.tsx';
import { PageBody, PageFooter, PageHeader, SkipLink } from './components/page-layout.tsx';
import { Heading, Link, Paragraph } from './components/typography.tsx';
import { type AppConfig, loadConfig } from './config.ts';
import { formatDutchLongDateTime } from './dutch-time.ts';
import { principalLabel } from './labels.ts';
import { AppointmentsWeek } from './pages/appointments-week.tsx';
import { Dashboard } from './pages/dashboard.tsx';
import { Inbox, teamsFor } from './pages/inbox.tsx';
import { Contact, Help, Privacy } from './pages/info.tsx';
import { CareReportForm } from './pages/police/care-report-form.tsx';
import { MyReports } from './pages/police/my-reports.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { SignalPage } from './pages/signal-page.tsx';
import { FileFormat, Upload, UploadDetail, Uploads } from './pages/uploads.tsx';
import { VeiligThuisHome } from './pages/veilig-thuis/forwards.tsx';
import { navigate, useRoute } from './router.ts';
import { finishCognitoSignIn, type Session, savedSession, saveSession, signOut } from './session.ts';

/** Dutch tab titles, so a worker with several tabs open can tell them apart. */
const PAGE_TITLES: Readonly<Record<string, string>> = {
  inbox: 'Werkvoorraad',
  afspraken: 'Afspraken',
  signals: 'Signaal',
  upload: 'Aanleveren',
  uploads: 'Aanleveringen',
  dashboard: 'Dashboard',
  hulp: 'Hulp',
  privacy: 'Privacyverklaring',
  contact: 'Contact',
  meldingen: 'Mijn meldingen',
  zorgmelding: 'Zorgmelding doen',
  doorzettingen: 'Doorzettingen',
};

/** `/uploads/…` is within Eerdere aanleveringen, not within Aanleveren (`/upload`). */
const isWithin = (route: string, href: string) => route === href || route.startsWith(`${href}/`);

/** Where each role starts, and what it may open. */
function homeOf(session: Session): string {
  switch (session.role) {
    case 'housing-corporation':
      return '/upload';
    case 'energy-forwarder':
      return '/uploads';
    case 'police':
      return '/meldingen';
    case 'team-member':
    case 'coordinator':
      return isVeiligThuis(session) ? '/doorzettingen' : '/inbox';
    default:
      return '/dashboard';
  }
}

/**
 * Who may open which of these pages (API.md roles); a route of another role's page says so and leads
 * home instead of showing a page whose every request would be refused. The municipality reads
 * aggregates only: the dashboard is its one page (DESIGN P4). Pages not listed here are open to all.
 */
const PAGE_ROLES: Readonly<Record<string, readonly string[]>> = {
  inbox: ['team-member', 'coordinator', 'manager', 'admin'],
  afspraken: ['team-member', 'coordinator', 'manager', 'admin'],
  signals: ['team-member', 'coordinator', 'manager', 'admin'],
  upload: ['housing-corporation', 'admin'],
  uploads: ['housing-corporation', 'energy-forwarder', 'admin'],
  dashboard: ['coordinator', 'manager', 'municipality', 'admin'],
  meldingen: ['police'],
  zorgmelding: ['police'],
  doorzettingen: ['team-member', 'coordinator'],
};

function mayOpen(session: Session, section: string): boolean {
  return PAGE_ROLES[section]?.includes(session.role) ?? true;
}

/** Veilig Thuis is a team (API.md): its home is its forwards (DESIGN C2). */
const isVeiligThuis = (session: Session) =>
  ['team-member', 'coordinator'].includes(session.role) && session.scope === 'veilig-thuis';

function navigation(session: Session): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  if (session.role === 'police')
    links.push(
      { href: '/meldingen', label: 'Mijn meldingen' },
      { href: '/zorgmelding', label: 'Zorgmelding doen' },
    );
  if (isVeiligThuis(session)) links.push({ href: '/doorzettingen', label: 'Doorzettingen' });
  if (session.role === 'housing-corporation') links.push({ href: '/upload', label: 'Aanleveren' });
  if (['housing-corporation', 'energy-forwarder'].includes(session.role))
    links.push({ href: '/uploads', label: 'Eerdere aanleveringen' });
  if (teamsFor(session).length > 0)
    links.push(
      { href: '/inbox', label: 'Werkvoorraad' },
      { href: '/afspraken', label: 'Afspraken deze week' },
    );
  if (['coordinator', 'manager', 'municipality', 'admin'].includes(session.role))
    links.push({ href: '/dashboard', label: 'Dashboard' });
  return links;
}

/** The pages every visitor may open, signed in or not (the footer's links). */
const INFO_PAGES: Readonly<Record<string, () => JSX.Element>> = {
  '/hulp': Help,
  '/privacy': Privacy,
  '/contact': Contact,
};

/** The local runtime's test clock (API.md `GET /_local/clock`). */
interface TestClock {
  readonly now: string;
  readonly mode: 'system' | 'frozen' | 'running';
}

/**
 * The test clock while it is set (issue 15 build 5), read again on every navigation (and every
 * minute while it runs on from a set time); undefined on real time. Only the local runtime has it:
 * on AWS (Cognito) nothing is asked, and a local runtime without the route (404) or a failed request
 * simply shows no banner.
 */
function useTestClock(config: AppConfig | undefined, route: string): TestClock | undefined {
  const [clock, setClock] = useState<TestClock>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (config?.mode !== 'local') return;
    let current = true;
    fetch(`${config.apiUrl}/_local/clock`, { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<TestClock>) : undefined))
      .catch(() => undefined)
      .then((read) => {
        if (current) setClock(read && read.mode !== 'system' ? read : undefined);
      });
    return () => {
      current = false;
    };
  }, [config, route, tick]);
  useEffect(() => {
    if (clock?.mode !== 'running') return;
    const timer = setInterval(() => setTick((count) => count + 1), 60_000);
    return () => clearInterval(timer);
  }, [clock?.mode]);
  return clock;
}

/** On every page while the local test clock is set: what time the service thinks it is. */
function TestClockBanner({ clock }: { clock: TestClock }) {
  return (
    <Alert type="warning" class="app-test-clock">
      <p class="utrecht-paragraph">
        <strong>Testklok: {formatDutchLongDateTime(clock.now)}</strong> —{' '}
        {clock.mode === 'frozen' ? 'de tijd staat stil' : 'de klok is verzet en loopt vanaf daar door'}.
        Termijnen, escalaties en datums rekenen met deze tijd.
      </p>
    </Alert>
  );
}

/**
 * Utrecht's page layout (issue 15): the page header with Gemeente Utrecht and Buurtsignaal, who is
 * signed in and Afmelden, the main menu, the test clock when it is set; the page content; the page
 * footer with help, privacy and contact. Before signing in the same layout, without the menu.
 */
function Layout({
  session,
  onSignOut,
  route,
  testClock,
  children,
}: {
  session: Session | undefined;
  onSignOut: () => void;
  route: string;
  testClock: TestClock | undefined;
  children: ComponentChildren;
}) {
  const main = useRef<HTMLElement>(null);
  // Keyboard and screen-reader users land on the new page's content after every navigation.
  useEffect(() => main.current?.focus(), [route]);
  return (
    <div class="app-page">
      <SkipLink onSkip={() => main.current?.focus()} />
      <PageHeader>
        <div class="app-header">
          <a href="#/" class="app-brand">
            <span class="app-brand__organisation">Gemeente Utrecht</span>
            <span class="app-brand__service">Buurtsignaal</span>
          </a>
          {session && (
            <p class="utrecht-paragraph app-header__user">
              <span>
                Aangemeld als <strong>{principalLabel(session)}</strong>
              </span>
              <LinkButton onClick={onSignOut}>Afmelden</LinkButton>
            </p>
          )}
        </div>
        {session && (
          <nav aria-label="Hoofdmenu" class="utrecht-nav-bar app-nav">
            <div class="utrecht-nav-bar__content">
              <ul class="utrecht-nav-list">
                {navigation(session).map((link) => {
                  const current = isWithin(route, link.href);
                  return (
                    <li key={link.href} class="utrecht-nav-list__item">
                      <a
                        href={`#${link.href}`}
                        class={cx(
                          'utrecht-link',
                          'utrecht-link--html-a',
                          'utrecht-nav-list__link',
                          current && 'utrecht-link--current',
                        )}
                        aria-current={current ? 'page' : undefined}
                      >
                        {link.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          </nav>
        )}
        {testClock && <TestClockBanner clock={testClock} />}
      </PageHeader>
      <PageBody mainRef={main}>{children}</PageBody>
      <PageFooter route={route} />
    </div>
  );
}

function Page({
  route,
  session,
  api,
}: {
  route: string;
  session: Session;
  api: ReturnType<typeof createApi>;
}) {
  const [, section = '', id] = route.split('/');
  if (!mayOpen(session, section)) return <NotForRole href={homeOf(session)} />;
  switch (section) {
    case 'inbox': {
      const teams = teamsFor(session);
      const team = id ?? teams[0];
      return team ? (
        <Inbox key={team} api={api} session={session} team={team} />
      ) : (
        <Paragraph>Geen werkvoorraad voor deze rol.</Paragraph>
      );
    }
    case 'afspraken': {
      const team = id ?? teamsFor(session)[0];
      return team ? (
        <AppointmentsWeek key={team} api={api} session={session} team={team} />
      ) : (
        <Paragraph>Geen afspraken voor deze rol.</Paragraph>
      );
    }
    case 'signals':
      return id ? <SignalPage api={api} session={session} signalId={id} /> : null;
    case 'upload':
      return id === 'formaat' ? <FileFormat source={session.scope} /> : <Upload api={api} />;
    case 'uploads':
      return id ? <UploadDetail api={api} uploadId={id} /> : <Uploads api={api} />;
    case 'dashboard':
      return <Dashboard api={api} session={session} />;
    case 'meldingen':
      return session.role === 'police' ? <MyReports api={api} /> : <NotFound href={homeOf(session)} />;
    case 'zorgmelding':
      return session.role === 'police' ? <CareReportForm api={api} /> : <NotFound href={homeOf(session)} />;
    case 'doorzettingen':
      return isVeiligThuis(session) ? <VeiligThuisHome api={api} /> : <NotFound href={homeOf(session)} />;
    default: {
      const Info = INFO_PAGES[route];
      return Info ? <Info /> : <NotFound href={homeOf(session)} />;
    }
  }
}

function NotFound({ href }: { href: string }) {
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>
        <Link href={`#${href}`}>Naar de startpagina</Link>
      </Paragraph>
    </>
  );
}

function NotForRole({ href }: { href: string }) {
  return (
    <>
      <Heading level={1}>Deze pagina is niet voor uw rol</Heading>
      <Paragraph>
        <Link href={`#${href}`}>Naar uw startpagina</Link>
      </Paragraph>
    </>
  );
}

export function App() {
  const [config, setConfig] = useState<AppConfig>();
  const [session, setSession] = useState<Session | undefined>(savedSession());
  const [error, setError] = useState<unknown>();
  const route = useRoute();
  const testClock = useTestClock(config, route);

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.mode === 'cognito' && !session) {
          const signedIn = await finishCognitoSignIn(loaded);
          if (signedIn) setSession(signedIn);
        }
      })
      .catch(setError);
  }, []);

  const api = useMemo(
    () => (config && session ? createApi(config.apiUrl, session.token) : undefined),
    [config, session],
  );
  useEffect(() => {
    if (session && (route === '/' || route === '')) navigate(homeOf(session));
  }, [session, route]);
  useEffect(() => {
    const title = PAGE_TITLES[route.split('/')[1] ?? ''];
    document.title = title ? `${title} — Buurtsignaal` : 'Buurtsignaal';
  }, [route]);

  const signOutNow = () => {
    signOut();
    setSession(undefined);
    navigate('/');
  };
  const signedIn = session && api;
  const Info = INFO_PAGES[route];
  let content: ComponentChildren;
  if (error) content = <ErrorMessage error={error} />;
  else if (!config) content = <Loading />;
  else if (signedIn) content = <Page route={route} session={session} api={api} />;
  else if (Info) content = <Info />;
  else
    content = (
      <SignIn
        config={config}
        onSignIn={(chosen) => {
          saveSession(chosen);
          setSession(chosen);
          navigate(homeOf(chosen));
        }}
      />
    );
  return (
    <Layout
      session={signedIn ? session : undefined}
      route={route}
      onSignOut={signOutNow}
      testClock={testClock}
    >
      {content}
    </Layout>
  );
}
