import type { DataSource } from 'typeorm';
import { subgraphs } from '../subgraphs';
import { buildDataset } from '../subgraphs/shared/src/dataset/build';
import { createDatabase } from '../subgraphs/shared/src/database';
import { testDatabaseUrl } from './helpers/graph';

const dataSources: { name: string; db: DataSource; seed: (db: DataSource) => Promise<void> }[] = [];

beforeAll(async () => {
  for (const definition of subgraphs) {
    const { dataSource } = createDatabase({
      url: testDatabaseUrl(),
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
    });
    await dataSource.initialize();
    dataSources.push({
      name: definition.name,
      db: dataSource,
      seed: (db) => definition.seed(db, buildDataset()),
    });
  }
});
afterAll(() => Promise.all(dataSources.map(({ db }) => db.destroy())));

/** A fingerprint of every row of every table in a schema. */
async function fingerprint(db: DataSource, schema: string): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name NOT IN ('migrations', 'seed_run') ORDER BY table_name`,
    [schema],
  );
  const result: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row]: { rows: string; digest: string }[] = await db.query(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${schema}"."${table}" t`,
    );
    result[table] = `${row.rows}:${row.digest}`;
  }
  return result;
}

test('seeding again changes nothing in any subgraph', async () => {
  for (const { name, db, seed } of dataSources) {
    const before = await fingerprint(db, name);
    expect(Object.keys(before).length).toBeGreaterThan(3);
    await seed(db);
    expect(await fingerprint(db, name)).toEqual(before);
  }
});

test('the seeded rows are the data set, counted table by table', async () => {
  const data = buildDataset();
  const count = async (schema: string, table: string) =>
    Number(
      (await dataSources[0].db.query(`SELECT count(*) AS n FROM "${schema}"."${table}"`))[0].n,
    );
  expect(await count('membership', 'entity')).toBe(data.membership.entities.length);
  expect(await count('membership', 'member_state')).toBe(193);
  expect(await count('assessments', 'assessment')).toBe(data.assessments.assessments.length);
  expect(await count('assessments', 'recommendation')).toBe(
    data.assessments.recommendations.length,
  );
  expect(await count('funding', 'project')).toBe(data.funding.projects.length);
  expect(await count('funding', 'contribution')).toBe(data.funding.contributions.length);
  expect(await count('funding', 'project_recommendation')).toBe(
    data.funding.projects.reduce((n, p) => n + p.recommendationIds.length, 0),
  );
});
