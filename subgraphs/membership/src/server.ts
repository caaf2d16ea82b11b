import { createServerFor, type ServeOptions } from '../../shared/src/serve';
import { membership } from './subgraph';

/** The membership subgraph's HTTP server on an initialised data source; call `listen` to serve. */
export function createServer(deps: ServeOptions) {
  return createServerFor(membership, deps);
}
