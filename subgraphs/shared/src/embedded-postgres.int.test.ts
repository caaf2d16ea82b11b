import { Pool } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

let embedded: EmbeddedPostgres;
const pools: Pool[] = [];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  for (let i = 0; i < 4; i++) pools.push(new Pool({ connectionString: embedded.url, max: 5 }));
  await pools[0].query('CREATE TABLE item (id integer PRIMARY KEY, label text NOT NULL)');
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await embedded?.stop();
});

/**
 * Many pooled connections share one embedded session: each query (parse, bind, execute, sync)
 * and each transaction must run whole, never interleaved with another connection's.
 */
test('concurrent queries and transactions from many connections each get their own answers', async () => {
  const tasks = Array.from({ length: 240 }, async (_, i) => {
    const pool = pools[i % pools.length];
    if (i % 2 === 0) {
      const { rows } = await pool.query('SELECT $1::int AS n, $2::text AS label', [
        i,
        `label-${i}`,
      ]);
      return rows[0].n === i && rows[0].label === `label-${i}`;
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO item (id, label) VALUES ($1, $2)', [i, `label-${i}`]);
      const { rows } = await client.query('SELECT label FROM item WHERE id = $1', [i]);
      await client.query('COMMIT');
      return rows[0]?.label === `label-${i}`;
    } finally {
      client.release();
    }
  });
  const results = await Promise.allSettled(tasks);
  const failures = results.filter((r) => r.status === 'rejected' || r.value !== true);
  expect(failures).toEqual([]);
  const { rows } = await pools[1].query('SELECT count(*)::int AS n FROM item');
  expect(rows[0].n).toBe(120);
});

test('a connection that drops inside a transaction rolls it back and frees the database', async () => {
  const client = await pools[2].connect();
  await client.query('BEGIN');
  await client.query('INSERT INTO item (id, label) VALUES (100000, $1)', ['never committed']);
  client.release(new Error('drop this connection'));
  const { rows } = await pools[3].query('SELECT count(*)::int AS n FROM item WHERE id = 100000');
  expect(rows[0].n).toBe(0);
});
