import { Client } from 'pg';
import { prepareDatabases } from '../../scripts/lib/graph';
import { subgraphs } from '../../subgraphs';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { createDatabase } from '../../subgraphs/shared/src/database';
import { createLogger } from '../../subgraphs/shared/src/logger';
import { seededScale } from '../../subgraphs/shared/src/seeding';

/**
 * A database on the server DATABASE_URL names holding the data set at one scale, made and
 * seeded in bulk the first time and reused after (its seed marker says which scale it holds),
 * with every migration applied.
 */
export async function benchDatabase(serverUrl: string, scale: number): Promise<string> {
  const name = `compact_graph_bench_x${scale}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  const databases = subgraphs.map((definition) => ({
    definition,
    ...createDatabase({
      url: url.toString(),
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
    }),
  }));
  try {
    for (const { dataSource } of databases) await dataSource.initialize();
    const dataset = buildDataset({ scale });
    const stale = await Promise.all(
      databases.map(
        async ({ dataSource }) => (await seededScale(dataSource).catch(() => null)) !== scale,
      ),
    );
    // A database made by an earlier version gets the migrations added since.
    const seed = stale.some(Boolean);
    const started = Date.now();
    await prepareDatabases(
      databases.map(({ definition, dataSource }) => ({
        name: definition.name,
        db: dataSource,
        seed: (db) => definition.seed(db, dataset),
      })),
      { seed, scale, logger: createLogger('bench', 'warn') },
    );
    if (seed) {
      // Fresh statistics, as a database that grew to this size would have.
      await databases[0].dataSource.query('ANALYZE');
      console.log(
        `seeded ×${scale} into ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    for (const { dataSource } of databases)
      if (dataSource.isInitialized) await dataSource.destroy();
  }
  return url.toString();
}
