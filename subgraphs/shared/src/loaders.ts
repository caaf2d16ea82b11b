import DataLoader from 'dataloader';
import { knownIds } from './ids';

/**
 * A per-request loader that fetches many keys in one statement and hands each caller its row,
 * or null when none exists (an unknown id is absent, not an error).
 */
export function keyedLoader<K extends string | number, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const rows = await fetch([...keys]);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

/** A per-request loader of the rows that belong to each key (one-to-many), in one statement. */
export function groupedLoader<K extends string | number, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const rows = await fetch([...keys]);
      const groups = new Map<K, V[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: 1000 },
  );
}

/**
 * A keyed loader for UUID keys: ids that cannot exist resolve to null without a query, so a
 * malformed id from a caller is an unknown id, not a database error.
 */
export function idLoader<V>(fetch: (ids: string[]) => Promise<V[]>, keyOf: (row: V) => string) {
  return keyedLoader<string, V>(async (ids) => {
    const valid = knownIds(ids);
    return valid.length ? fetch(valid) : [];
  }, keyOf);
}
