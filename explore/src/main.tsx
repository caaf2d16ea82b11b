import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Link } from './parts/link';
import { SignIn } from './parts/sign-in';
import { RefusalContext } from './refusal';
import { DEFAULT_SORT, type Route } from './route';
import { NavigationContext, useRouter } from './router';
import { Funding } from './views/funding';
import { Projects } from './views/projects';
import { State } from './views/state';
import { World } from './views/world';
import './style.css';

/** Kept for this tab only: a token in localStorage would outlive the session on a shared computer. */
const TOKEN_KEY = 'compact-graph-token';

const TITLES: Record<Route['view'], string> = {
  world: 'Needs no project covers',
  state: 'Member State',
  funding: 'Appeals and funding',
  projects: 'Projects',
};

function App() {
  const navigation = useRouter();
  const { route } = navigation;
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? undefined);
  const [refused, setRefused] = useState<string>();
  const onToken = (next: string | undefined) => {
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
    setRefused(undefined);
    setToken(next);
  };
  const home: Route = { view: 'world', priority: 'HIGH', sort: DEFAULT_SORT };
  document.title = `${TITLES[route.view]} — Compact Graph`;
  const view = (() => {
    switch (route.view) {
      case 'world':
        return <World route={route} token={token} />;
      case 'state':
        return <State key={route.iso3} route={route} token={token} />;
      case 'funding':
        return <Funding route={route} token={token} />;
      case 'projects':
        return <Projects route={route} token={token} />;
    }
  })();
  return (
    <NavigationContext.Provider value={navigation}>
      <a class="skip" href="#main">
        Skip to the content
      </a>
      <header class="top">
        <p class="brand">
          <Link to={home}>Compact Graph</Link>
          <span class="sub"> · Global Counter-Terrorism Coordination Compact</span>
        </p>
        <nav aria-label="Views">
          <Link to={home} current={route.view === 'world'}>
            World
          </Link>
          <Link to={{ view: 'funding', by: 'REGION' }} current={route.view === 'funding'}>
            Appeals and funding
          </Link>
          <Link to={{ view: 'projects', page: 1 }} current={route.view === 'projects'}>
            Projects
          </Link>
        </nav>
        <SignIn token={token} refused={refused} onToken={onToken} />
      </header>
      <main id="main" tabIndex={-1}>
        <RefusalContext.Provider value={setRefused}>{view}</RefusalContext.Provider>
      </main>
      <footer>
        Every figure comes from the graph at <code>/graphql</code>, as this caller may see it.
      </footer>
    </NavigationContext.Provider>
  );
}

const root = document.getElementById('app')!;
// The page's own "Loading…" line, which render() would keep beside the app.
root.replaceChildren();
render(<App />, root);
