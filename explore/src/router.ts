import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { parseRoute, routeSearch, type Route } from './route';

export interface Navigation {
  route: Route;
  /** A new entry in the history (the back button returns), or `replace` for a refinement. */
  go(route: Route, options?: { replace?: boolean }): void;
}

export const NavigationContext = createContext<Navigation | undefined>(undefined);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside the app');
  return navigation;
}

/** The route in the address bar, kept in step with the history. */
export function useRouter(): Navigation {
  const [route, setRoute] = useState(() => parseRoute(location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return {
    route,
    go(next, options = {}) {
      const url = `${location.pathname}${routeSearch(next)}`;
      if (options.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      setRoute(parseRoute(routeSearch(next)));
      if (!options.replace) scrollTo(0, 0);
    },
  };
}

/** A click that the page should handle itself: plain left click, no modifier (a new tab is kept). */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
