import { resolve } from 'node:path';
import { readSettings, secret, setting, type Env } from '../../subgraphs/shared/src/settings';
import { startEmbeddedPostgres } from '../../subgraphs/shared/src/embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Where the embedded database keeps its data, when it is embedded. */
  dataDir?: string;
  close(): Promise<void>;
}

/** The variables that choose the database of `npm start` and the scripts. */
export const databaseSettings = {
  DATABASE_URL: secret(setting.url(['postgres', 'postgresql'])),
  PGLITE_DATA_DIR: setting.string('.data/pglite'),
  PGLITE_PORT: setting.port(0),
};

/**
 * DATABASE_URL when it is set; otherwise the embedded PostgreSQL in PGLITE_DATA_DIR (default
 * `.data/pglite`), whose data stays there between runs.
 */
export async function openDatabase(env: Env = process.env): Promise<DatabaseHandle> {
  const values = readSettings(databaseSettings, env);
  const url = values.DATABASE_URL;
  if (url) return { url, embedded: false, close: async () => {} };
  const dataDir = resolve(values.PGLITE_DATA_DIR);
  const embedded = await startEmbeddedPostgres({ dataDir, port: values.PGLITE_PORT });
  return { url: embedded.url, embedded: true, dataDir, close: () => embedded.stop() };
}
