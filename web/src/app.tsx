import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApi } from './api.ts';
import { ErrorMessage, Loading } from './components/ui.tsx';
import { type AppConfig, loadConfig } from './config.ts';
import { principalLabel } from './labels.ts';
import { Dashboard } from './pages/dashboard.tsx';
import { Inbox, teamsFor } from './pages/inbox.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { SignalPage } from './pages/signal-page.tsx';
import { Upload, UploadDetail, Uploads } from './pages/uploads.tsx';
import { navigate, useRoute } from './router.ts';
import { finishCognitoSignIn, type Session, savedSession, saveSession, signOut } from './session.ts';

/** Dutch tab titles, so a worker with several tabs open can tell them apart. */
const PAGE_TITLES: Readonly<Record<string, string>> = {
  inbox: 'Werkvoorraad',
  signals: 'Signaal',
  upload: 'Aanleveren',
  uploads: 'Aanleveringen',
  dashboard: 'Dashboard',
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
    case 'team-member':
    case 'coordinator':
      return '/inbox';
    default:
      return '/dashboard';
  }
}

function navigation(session: Session): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  if (session.role === 'housing-corporation') links.push({ href: '/upload', label: 'Aanleveren' });
  if (['housing-corporation', 'energy-forwarder'].includes(session.role))
    links.push({ href: '/uploads', label: 'Eerdere aanleveringen' });
  if (teamsFor(session).length > 0) links.push({ href: '/inbox', label: 'Werkvoorraad' });
  if (['coordinator', 'manager', 'municipality', 'admin'].includes(session.role))
    links.push({ href: '/dashboard', label: 'Dashboard' });
  return links;
}

function Layout({
  session,
  onSignOut,
  route,
  children,
}: {
  session: Session;
  onSignOut: () => void;
  route: string;
  children: ComponentChildren;
}) {
  const main = useRef<HTMLElement>(null);
  // Keyboard and screen-reader users land on the new page's content after every navigation.
  useEffect(() => main.current?.focus(), [route]);
  return (
    <>
      {/* A button, not an anchor: the hash belongs to the router. */}
      <button type="button" class="skip-link" onClick={() => main.current?.focus()}>
        Naar de inhoud
      </button>
      <header class="site-header">
        <a href="#/" class="brand">
          Buurtsignaal
        </a>
        <nav aria-label="Hoofdmenu">
          <ul>
            {navigation(session).map((link) => (
              <li key={link.href}>
                <a href={`#${link.href}`} aria-current={isWithin(route, link.href) ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">{principalLabel(session)}</span>
        <button type="button" class="button link" onClick={onSignOut}>
          Afmelden
        </button>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </>
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
  const [, section, id] = route.split('/');
  switch (section) {
    case 'inbox': {
      const teams = teamsFor(session);
      const team = id ?? teams[0];
      return team ? (
        <Inbox key={team} api={api} session={session} team={team} />
      ) : (
        <p>Geen werkvoorraad voor deze rol.</p>
      );
    }
    case 'signals':
      return id ? <SignalPage api={api} session={session} signalId={id} /> : null;
    case 'upload':
      return <Upload api={api} />;
    case 'uploads':
      return id ? <UploadDetail api={api} uploadId={id} /> : <Uploads api={api} />;
    case 'dashboard':
      return <Dashboard api={api} />;
    default:
      return (
        <>
          <h1>Pagina niet gevonden</h1>
          <p>
            <a href={`#${homeOf(session)}`}>Naar de startpagina</a>
          </p>
        </>
      );
  }
}

export function App() {
  const [config, setConfig] = useState<AppConfig>();
  const [session, setSession] = useState<Session | undefined>(savedSession());
  const [error, setError] = useState<unknown>();
  const route = useRoute();

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

  if (error) return <ErrorMessage error={error} />;
  if (!config) return <Loading />;
  if (!session || !api) {
    return (
      <SignIn
        config={config}
        onSignIn={(chosen) => {
          saveSession(chosen);
          setSession(chosen);
          navigate(homeOf(chosen));
        }}
      />
    );
  }
  return (
    <Layout
      session={session}
      route={route}
      onSignOut={() => {
        signOut();
        setSession(undefined);
        navigate('/');
      }}
    >
      <Page route={route} session={session} api={api} />
    </Layout>
  );
}
