import type { IncomingMessage, ServerResponse } from 'node:http';
import { rawPath } from '../../../subgraphs/shared/src/raw-path';

/** What the gateway serves: exact paths, and folders whose files a feature serves itself. */
export interface ServedPaths {
  exact?: readonly string[];
  /** Each ends with `/`, such as `/graphiql/`. */
  prefixes?: readonly string[];
}

const NOT_FOUND = JSON.stringify({
  errors: [
    {
      message: 'Nothing is served at this path; GraphQL is at /graphql.',
      extensions: { code: 'NOT_FOUND' },
    },
  ],
});

/**
 * A gate in front of the runtime, on the request target exactly as it arrived. The runtime serves
 * GraphQL on any URL that ends in `/graphql` (`/graphql/`, `//graphql`, `/?next=/graphql`) and
 * normalises others (`/%2e/graphql`), while the plugins' checks match the parsed path. So GraphQL
 * passes only at its exact path; every other path is read-only, passes without its query string
 * (which could end in `/graphql`), and is a 404 unless a feature serves it.
 */
export function pathGate(graphqlPath: string, paths: ServedPaths[]) {
  const exact = new Set(paths.flatMap((p) => p.exact ?? []));
  const prefixes = paths.flatMap((p) => p.prefixes ?? []);
  const unsafe = /\/\/|%|\/\.\.?(\/|$)|;/;
  const served = (path: string): boolean =>
    exact.has(path) || prefixes.some((prefix) => path.startsWith(prefix) && !unsafe.test(path));
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = rawPath(request.url);
    if (path === graphqlPath) return true;
    const method = request.method ?? 'GET';
    if (
      path !== undefined &&
      (method === 'GET' || method === 'HEAD') &&
      served(path) &&
      !path.endsWith(graphqlPath)
    ) {
      request.url = path;
      return true;
    }
    response.writeHead(404, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(NOT_FOUND),
      // The body, if any, is never read, so the connection cannot carry another request.
      ...(request.headers['content-length'] || request.headers['transfer-encoding']
        ? { connection: 'close' }
        : {}),
    });
    response.end(NOT_FOUND);
    return false;
  };
}
