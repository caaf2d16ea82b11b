import { createHash } from 'node:crypto';
import { createInMemoryAPQStore } from '@graphql-yoga/plugin-apq';

/**
 * Where automatic persisted queries are found by their SHA-256: documents clients registered,
 * in a bounded LRU that forgets them after `ttlMs` (a client sends the document again when told
 * it is not found), and the given documents (the example operations), known for as long as the
 * process runs.
 */
export function persistedQueryStore(
  known: readonly { document: string }[],
  { size, ttlMs }: { size: number; ttlMs?: number },
) {
  const pinned = new Map(
    known.map(({ document }) => [createHash('sha256').update(document).digest('hex'), document]),
  );
  const registered = createInMemoryAPQStore({ max: size, ttl: ttlMs });
  return {
    get: (hash: string) => pinned.get(hash) ?? registered.get(hash),
    set: (hash: string, document: string) =>
      pinned.has(hash) ? undefined : registered.set(hash, document),
  };
}
