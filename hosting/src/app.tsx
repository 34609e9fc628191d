/**
 * The application: language and session providers, then either the sign-in
 * page or the router over the route table (routes.tsx), each page inside the
 * layout and checked against the roles its route allows.
 */
import type { AnyComponent } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { ErrorView, Loading, Notice } from './components/ErrorView';
import { Layout } from './components/Layout';
import { homePath, parseClaims } from './lib/claims';
import { keptSessionClaims } from './lib/firebase';
import { I18nProvider, useI18n } from './lib/i18n';
import { SessionProvider, useSession } from './lib/session';
import { matchesPath, ROUTES, type RouteDef } from './routes';
import SignIn from './pages/SignIn';

function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return <Loading />;
}

function Home() {
  const { claims } = useSession();
  const { t } = useI18n();
  const home = claims && homePath(claims);
  if (!home) return <Notice>{t('ui.noRole')}</Notice>;
  return <Redirect to={home} />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Notice>
      <h1>{t('ui.page.notFound')}</h1>
      <p>
        <a href="/">{t('ui.backHome')}</a>
      </p>
    </Notice>
  );
}

/** A route's page, or the reason the account may not open it. */
function guarded(def: RouteDef): AnyComponent {
  const Page = def.component;
  return function Guarded(props: Record<string, unknown>) {
    const { claims } = useSession();
    const { t } = useI18n();
    if (!claims) return <Notice>{t('ui.noRole')}</Notice>;
    if (def.roles && !def.roles.includes(claims.role))
      return (
        <Notice>
          <p>{t('ui.error.roleNotAllowed')}</p>
          <p>
            <a href="/">{t('ui.backHome')}</a>
          </p>
        </Notice>
      );
    return <Page {...props} />;
  };
}

const GUARDED = ROUTES.map((r) => ({ path: r.path, component: guarded(r) }));

/**
 * The page of the address the app opened at starts downloading now, while
 * the session is restored, instead of after it (one round trip less on a
 * slow connection). At `/`, the home page of the account whose session this
 * browser keeps (a province admin's dashboard), read from the kept token
 * as a hint only (lib/firebase.ts, keptSessionClaims).
 */
function preloadCurrentRoute(): void {
  let path = location.pathname;
  if (path === '/') {
    const kept = keptSessionClaims();
    const claims = kept && parseClaims(kept);
    path = (claims && homePath(claims)) ?? path;
  }
  const route = ROUTES.find((r) => matchesPath(path, r.path));
  const component = route?.component as { preload?: () => Promise<unknown> } | undefined;
  void component?.preload?.().catch(() => undefined);
}
preloadCurrentRoute();

function Shell() {
  const { loading, user } = useSession();
  const { path } = useLocation();
  // bench:web prints when the session was back (scripts/bench/web.ts).
  if (!loading && performance.getEntriesByName('canbo:session').length === 0)
    performance.mark('canbo:session');
  if (loading) return <Loading />;
  if (!user) return <SignIn />;
  if (path === '/signin') return <Redirect to="/" />;
  return (
    <Layout>
      <ErrorBoundary onError={(e) => console.error(e)}>
        <Router>
          <Route path="/" component={Home} />
          {GUARDED.map((r) => (
            <Route key={r.path} path={r.path} component={r.component} />
          ))}
          <Route default component={NotFound} />
        </Router>
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider>
          <Shell />
        </LocationProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

export { ErrorView };
