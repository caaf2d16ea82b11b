import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database';
import { membership } from '../../membership/src/subgraph';
import { createDatabase, migrate } from './database';
import { deleteExpiredIdempotencyKeys, idempotencyCleanup } from './idempotency-cleanup';
import { createLogger } from './logger';

const RETENTION_MS = 7 * 86_400_000;

let database: TestDatabase;
let db: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase({
    url: database.url,
    schema: 'membership',
    entities: membership.entities,
    migrations: membership.migrations,
    poolSize: 3,
  }).dataSource;
  await db.initialize();
  await migrate(db);
});
afterAll(async () => {
  if (db?.isInitialized) await db.destroy();
  await database?.drop();
});
beforeEach(() => db.query('DELETE FROM membership.idempotency_key'));

/** Stores keys whose first request was `age` ago (a PostgreSQL interval). */
async function addKeys(age: string, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await db.query(
      `INSERT INTO membership.idempotency_key (scope, key, operation, request_hash, result_id, created_at)
       VALUES ('test-subject', $1, 'createEntity', 'hash', 'id', now() - $2::interval)`,
      [key, age],
    );
  }
}

async function keysLeft(): Promise<string[]> {
  const rows: { key: string }[] = await db.query(
    'SELECT key FROM membership.idempotency_key ORDER BY key',
  );
  return rows.map((row) => row.key);
}

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('membership', 'info', {
    write: (line: string) => void lines.push(JSON.parse(line)),
  });
  return { logger, lines };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

test('the cleanup deletes only keys past their retention, a batch per statement', async () => {
  await addKeys('7 days 1 minute', 'expired-1', 'expired-2', 'expired-3', 'expired-4');
  await addKeys('30 days', 'expired-5');
  await addKeys('6 days 23 hours', 'kept-1');
  await addKeys('1 hour', 'kept-2');
  await addKeys('0 seconds', 'kept-3');
  const batches: number[] = [];
  const counting = {
    driver: db.driver,
    async query(sql: string, parameters: unknown[]) {
      const rows = (await db.query(sql, parameters)) as { n: number }[];
      batches.push(rows[0].n);
      return rows;
    },
  } as unknown as DataSource;

  const deleted = await deleteExpiredIdempotencyKeys(counting, {
    retentionMs: RETENTION_MS,
    batchSize: 2,
  });

  expect(deleted).toBe(5);
  expect(batches).toEqual([2, 2, 1]);
  expect(await keysLeft()).toEqual(['kept-1', 'kept-2', 'kept-3']);
});

// The embedded database (no DATABASE_URL) has one session for every connection: a transaction
// holds all of it, so there are no row locks to pass over.
const onServer = Boolean(process.env.DATABASE_URL);
if (onServer) {
  test('the cleanup passes over a key a request holds instead of waiting for it', async () => {
    await addKeys('8 days', 'expired-held', 'expired-free');
    const request = db.createQueryRunner();
    await request.connect();
    await request.startTransaction();
    try {
      await request.query(
        `SELECT key FROM membership.idempotency_key WHERE key = 'expired-held' FOR UPDATE`,
      );
      const deleted = await Promise.race([
        deleteExpiredIdempotencyKeys(db, { retentionMs: RETENTION_MS }),
        sleep(5_000).then(() => 'blocked'),
      ]);
      expect(deleted).toBe(1);
      expect(await keysLeft()).toEqual(['expired-held']);
    } finally {
      await request.rollbackTransaction();
      await request.release();
    }
    expect(await deleteExpiredIdempotencyKeys(db, { retentionMs: RETENTION_MS })).toBe(1);
    expect(await keysLeft()).toEqual([]);
  });
}

test('the background cleanup runs soon after it starts, then on its interval, until closed', async () => {
  const { logger, lines } = capturedLogger();
  await addKeys('8 days', 'expired-1', 'expired-2', 'expired-3');
  await addKeys('1 day', 'kept');
  const cleanup = idempotencyCleanup({
    db,
    logger,
    retentionMs: RETENTION_MS,
    firstRunDelayMs: 0,
    intervalMs: 50,
    batchSize: 2,
  });
  try {
    await until(async () => (await keysLeft()).length === 1, 'the first run deleted the keys');
    expect(await keysLeft()).toEqual(['kept']);
    await until(() => lines.length > 0, 'the first run was logged');
    expect(lines[0]).toMatchObject({ level: 30, deleted: 3, service: 'membership' });

    await addKeys('9 days', 'expired-later');
    await until(
      async () => !(await keysLeft()).includes('expired-later'),
      'a later run deleted the key that expired since',
    );
  } finally {
    await cleanup.close!();
  }

  await addKeys('10 days', 'expired-after-close');
  await sleep(300);
  expect(await keysLeft()).toEqual(['expired-after-close', 'kept']);
});

test('a cleanup closed before its first run never runs', async () => {
  await addKeys('8 days', 'expired');
  const { logger, lines } = capturedLogger();
  const cleanup = idempotencyCleanup({
    db,
    logger,
    retentionMs: RETENTION_MS,
    firstRunDelayMs: 50,
  });
  await cleanup.close!();
  await sleep(200);
  expect(await keysLeft()).toEqual(['expired']);
  expect(lines).toEqual([]);
});

test('a run that fails is logged, not thrown, and the next run tries again', async () => {
  // A schema without the table: every run fails in the database.
  const broken = new DataSource({
    type: 'postgres',
    url: database.url,
    schema: 'no_such_schema',
    poolSize: 1,
  });
  await broken.initialize();
  const { logger, lines } = capturedLogger();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const cleanup = idempotencyCleanup({
    db: broken,
    logger,
    retentionMs: RETENTION_MS,
    firstRunDelayMs: 0,
    intervalMs: 30,
  });
  try {
    await until(() => lines.length >= 2, 'two runs failed');
    for (const line of lines.slice(0, 2)) {
      expect(line).toMatchObject({
        level: 40,
        msg: 'expired idempotency keys could not be deleted; the next run tries again',
        err: { message: expect.stringContaining('does not exist') },
      });
    }
    await sleep(50);
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await cleanup.close!();
    await broken.destroy();
  }
});

test('closing waits for the run in progress, and no run starts after it', async () => {
  let calls = 0;
  let finished = false;
  const slow = {
    driver: { schema: 'membership' },
    async query() {
      calls += 1;
      await sleep(200);
      finished = true;
      return [{ n: 0 }];
    },
  } as unknown as DataSource;
  const cleanup = idempotencyCleanup({
    db: slow,
    logger: createLogger('membership', 'silent'),
    retentionMs: RETENTION_MS,
    firstRunDelayMs: 0,
    intervalMs: 10,
  });
  await until(() => calls === 1, 'a run started');
  await cleanup.close!();
  expect(finished).toBe(true);
  await sleep(100);
  expect(calls).toBe(1);
});
