import { createServerFor, type ServeOptions } from '../../shared/src/serve';
import { assessments } from './subgraph';

/** The assessments subgraph's HTTP server on an initialised data source; call `listen` to serve. */
export function createServer(deps: ServeOptions) {
  return createServerFor(assessments, deps);
}
