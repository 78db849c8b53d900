import { Redirect, Route, Router, Switch } from 'wouter';
import { hasApi } from './api';
import { AppStateProvider, useAppState } from './hooks/app-state';
import { useHashPath, useHashSearch } from './lib/hash-location';
import { param, patterns, to } from './routes';
import { QrProvider } from './components/QrDialog';
import { Shell } from './components/Shell';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { KioskShell } from './kiosk/KioskShell';
import { Loading, NotFound, RouteLink, ScreenTitle } from './components/common';
import { OverviewScreen } from './screens/OverviewScreen';
import { ThemesScreen } from './screens/ThemesScreen';
import { ThemeScreen } from './screens/ThemeScreen';
import { StandScreen } from './screens/StandScreen';
import { PageScreen } from './screens/PageScreen';
import { SearchScreen } from './screens/SearchScreen';
import { CollectionsScreen } from './screens/CollectionsScreen';
import { ProblemsScreen } from './screens/ProblemsScreen';

export function App() {
  if (!hasApi) return <NoBridge />;
  return (
    <AppStateProvider>
      <QrProvider>
        <Router hook={useHashPath} searchHook={useHashSearch}>
          <KioskShell>
            <Shell>
              <ScreenErrorBoundary>
                <Routes />
              </ScreenErrorBoundary>
            </Shell>
          </KioskShell>
        </Router>
      </QrProvider>
    </AppStateProvider>
  );
}

function Routes() {
  const search = new URLSearchParams(useHashSearch());
  return (
    <Switch>
      <Route path={patterns.home}>
        <Home />
      </Route>
      <Route path={patterns.collections}>
        <CollectionsScreen />
      </Route>
      <Route path={patterns.overview}>
        {(p) => <OverviewScreen key={p.collection} collection={param(p.collection)} />}
      </Route>
      <Route path={patterns.themes}>
        {(p) => <ThemesScreen key={p.collection} collection={param(p.collection)} />}
      </Route>
      <Route path={patterns.theme}>
        {(p) => (
          <ThemeScreen
            key={`${p.collection}/${p.theme}`}
            collection={param(p.collection)}
            theme={param(p.theme)}
          />
        )}
      </Route>
      <Route path={patterns.stand}>
        {(p) => (
          <StandScreen
            key={`${p.collection}/${p.stand}`}
            collection={param(p.collection)}
            stand={param(p.stand)}
          />
        )}
      </Route>
      <Route path={patterns.page}>
        {(p) => (
          <PageScreen
            key={`${p.collection}/${p.stand}/${p.page}`}
            collection={param(p.collection)}
            stand={param(p.stand)}
            page={param(p.page)}
          />
        )}
      </Route>
      <Route path={patterns.search}>
        {(p) => (
          <SearchScreen key={p.collection} collection={param(p.collection)} query={search.get('q') ?? ''} />
        )}
      </Route>
      <Route path={patterns.problems}>
        {(p) => (
          <ProblemsScreen
            key={p.collection}
            collection={param(p.collection)}
            filter={{
              severity: search.get('severity') ?? '',
              stand: search.get('stand') ?? '',
              code: search.get('code') ?? '',
            }}
          />
        )}
      </Route>
      <Route>
        <NotFound
          what="This address does not lead to a screen of Standalone."
          back={{ to: to.home(), label: 'Go to the start' }}
        />
      </Route>
    </Switch>
  );
}

/** `#/`: the kiosk's start screen or the first collection; a welcome when there is none. */
export function Home() {
  const { collections, kiosk, organiser } = useAppState();
  if (collections === null) return <Loading />;
  const preferred = kiosk?.enabled ? collections.find((c) => c.id === kiosk.settings.collection) : undefined;
  const first = preferred ?? collections[0];
  if (!first && !organiser) {
    // A locked kiosk whose stands folder is not there (yet): nothing for visitors to do about it.
    return (
      <section className="sa-screen sa-welcome">
        <ScreenTitle title="Welcome">No stands to show yet</ScreenTitle>
        <p>The stands of this kiosk are not here yet. Please ask a volunteer.</p>
      </section>
    );
  }
  if (!first) {
    return (
      <section className="sa-screen sa-welcome">
        <ScreenTitle title="Welcome">Welcome to Standalone</ScreenTitle>
        <p>
          Standalone shows a conference’s stands without the internet. Point it at a stands folder to begin.
        </p>
        {organiser && (
          <p>
            <RouteLink to={to.collections()} className="sa-button sa-button-primary">
              Add a stands folder
            </RouteLink>
          </p>
        )}
      </section>
    );
  }
  const start = kiosk?.enabled ? kiosk.settings.startScreen : 'overview';
  const target =
    start === 'themes'
      ? to.themes(first.id)
      : start === 'search'
        ? to.search(first.id)
        : to.overview(first.id);
  return <Redirect to={target} replace />;
}

function NoBridge() {
  return (
    <main className="sa-main sa-no-bridge">
      <h1>Standalone</h1>
      <p>
        This page is Standalone’s interface, and it needs the desktop app around it: the bridge to the stands
        index (<code>window.api</code>) is not available here. Start Standalone with <code>npm start</code>,
        or open the app itself.
      </p>
    </main>
  );
}
