import { parseRoute, routeHref, type Route } from './routes';
import { flushAllDrafts } from './text-draft.svelte';

export class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    $effect(() => {
      const onHashChange = () => {
        // Pending typing is saved by its own draft; this only makes sure it starts now.
        void flushAllDrafts();
        this.route = parseRoute(location.hash);
      };
      window.addEventListener('hashchange', onHashChange);
      return () => window.removeEventListener('hashchange', onHashChange);
    });
  }

  go(route: Route): void {
    const href = routeHref(route);
    if (location.hash !== href) location.hash = href;
    this.route = route;
  }
}
