/**
 * The path of a request target as it arrived, before any decoding or normalisation (a URL parser
 * reads `//graphql` as a host and `/%2e/graphql` as `/graphql`); undefined unless it starts
 * with `/`. Services route on it, so one spelling reaches one handler.
 */
export function rawPath(target: string | undefined): string | undefined {
  if (!target?.startsWith('/')) return undefined;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}
