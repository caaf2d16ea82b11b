import 'reflect-metadata';
import { subgraphs } from '../subgraphs';
import { buildDataset } from '../subgraphs/shared/src/dataset/build';
import { createDatabase, migrate } from '../subgraphs/shared/src/database';
import { markSeeded } from '../subgraphs/shared/src/seeding';
import { openDatabase } from './lib/database-url';

/**
 * `npm run migrate` applies every subgraph's pending migrations; `npm run seed [-- --scale N]`
 * also inserts the sample data set (×N for benchmarks). Rows that exist are left alone, so
 * running it again changes nothing and keeps what users have written.
 */
async function main(): Promise<void> {
  const seed = process.argv.includes('--seed');
  const scaleArg = process.argv.indexOf('--scale');
  const scale = scaleArg >= 0 ? Number(process.argv[scaleArg + 1]) : 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale takes a whole number from 1');
  const database = await openDatabase();
  try {
    const dataset = seed ? buildDataset({ scale }) : undefined;
    for (const definition of subgraphs) {
      const { dataSource } = createDatabase({
        url: database.url,
        schema: definition.name,
        entities: definition.entities,
        migrations: definition.migrations,
        poolSize: 2,
      });
      await dataSource.initialize();
      try {
        const applied = await migrate(dataSource);
        console.log(
          `${definition.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`,
        );
        if (dataset) {
          await definition.seed(dataSource, dataset);
          await markSeeded(dataSource, scale);
          console.log(`${definition.name}: sample data ×${scale} in place`);
        }
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
