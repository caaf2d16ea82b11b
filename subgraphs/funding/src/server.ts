import { createServerFor, type ServeOptions } from '../../shared/src/serve';
import { funding } from './subgraph';

/** The funding subgraph's HTTP server on an initialised data source; call `listen` to serve. */
export function createServer(deps: ServeOptions) {
  return createServerFor(funding, deps);
}
