import { resolve } from 'node:path';
import { envInt, envString, envUrl } from '../../subgraphs/shared/src/env';
import { startEmbeddedPostgres } from '../../subgraphs/shared/src/embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Where the embedded database keeps its data, when it is embedded. */
  dataDir?: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when it is set; otherwise the embedded PostgreSQL in PGLITE_DATA_DIR (default
 * `.data/pglite`), whose data stays there between runs.
 */
export async function openDatabase(env = process.env): Promise<DatabaseHandle> {
  const url = envUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']);
  if (url) return { url, embedded: false, close: async () => {} };
  const dataDir = resolve(envString(env, 'PGLITE_DATA_DIR', '.data/pglite'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: envInt(env, 'PGLITE_PORT', 0) });
  return { url: embedded.url, embedded: true, dataDir, close: () => embedded.stop() };
}
