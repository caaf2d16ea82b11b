import { Client } from 'pg';
import { subgraphs } from '../../subgraphs';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { createDatabase } from '../../subgraphs/shared/src/database';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../../subgraphs/shared/src/embedded-postgres';
import { createLogger } from '../../subgraphs/shared/src/logger';
import { prepareDatabases } from '../../scripts/lib/graph';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test run: a new database on the server DATABASE_URL names, or an
 * in-memory embedded PostgreSQL when there is none.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `compact_graph_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Runs every subgraph's migrations and seeds the sample data set at a scale (×1 by default). */
export async function migrateAndSeed(url: string, scale = 1): Promise<void> {
  const databases = subgraphs.map((definition) => ({
    definition,
    ...createDatabase({
      url,
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
    }),
  }));
  try {
    for (const { dataSource } of databases) await dataSource.initialize();
    await prepareDatabases(
      databases.map(({ definition, dataSource }) => ({
        name: definition.name,
        db: dataSource,
        seed: (db) => definition.seed(db, buildDataset({ scale })),
      })),
      { seed: true, scale, logger: createLogger('test', 'silent') },
    );
  } finally {
    for (const { dataSource } of databases) {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
}
