import type { DataSource } from 'typeorm';
import {
  createTestDatabase,
  migrateAndSeed,
  type TestDatabase,
} from '../../../../test/helpers/database';
import { createDatabase } from '../../../shared/src/database';
import { buildDataset } from '../../../shared/src/dataset/build';
import { createLogger } from '../../../shared/src/logger';
import { ProjectStatus } from '../../../shared/src/vocabulary';
import { funding } from '../subgraph';
import type { AddressedChange, AddressedCopy } from './assessments-client';
import { recordChanged } from './outbox';
import { AddressedRelay } from './relay';

/**
 * The relay against a copy that keeps, per recommendation, the state with the highest number, as
 * assessments does (coverage/addressed.ts): whatever order writes commit in and relays deliver
 * in, the copy ends equal to funding's links.
 */
class Copy implements Pick<AddressedCopy, 'record'> {
  readonly held = new Map<string, { seq: bigint; addressed: boolean }>();
  failing = false;
  /** While set, a delivery waits for it before it is applied. */
  gate: Promise<void> | undefined;

  async record(changes: AddressedChange[]): Promise<void> {
    if (this.failing) throw new Error('assessments is unreachable');
    await this.gate;
    for (const { seq, recommendationId, addressed } of changes) {
      const held = this.held.get(recommendationId);
      if (!held || held.seq < BigInt(seq))
        this.held.set(recommendationId, { seq: BigInt(seq), addressed });
    }
  }

  addressed(id: string): boolean | undefined {
    return this.held.get(id)?.addressed;
  }
}

const data = buildDataset();
const liveProjects = data.funding.projects.filter((p) => p.status !== ProjectStatus.CANCELLED);
const addressedAtSeed = new Set(liveProjects.flatMap((p) => p.recommendationIds));
const linked = new Set(data.funding.projects.flatMap((p) => p.recommendationIds));
/** Recommendations no seeded project links, one per test. */
const free = data.assessments.recommendations.map((r) => r.id).filter((id) => !linked.has(id));
const logger = createLogger('funding', 'silent');

let database: TestDatabase;
let db: DataSource;
const relays: AddressedRelay[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateAndSeed(database.url);
  ({ dataSource: db } = createDatabase({
    url: database.url,
    schema: 'funding',
    entities: funding.entities,
    migrations: funding.migrations,
    poolSize: 4,
  }));
  await db.initialize();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

function relayTo(copy: Copy, intervalMs = 60_000): AddressedRelay {
  const relay = new AddressedRelay(db, { copy, logger, intervalMs });
  relays.push(relay);
  return relay;
}

/** Links a recommendation to a project and records the change, in one transaction. */
async function link(projectId: string, recommendationId: string, linked = true) {
  await db.transaction(async (tx) => {
    await tx.query(
      linked
        ? 'INSERT INTO funding.project_recommendation (project_id, recommendation_id) VALUES ($1, $2)'
        : 'DELETE FROM funding.project_recommendation WHERE project_id = $1 AND recommendation_id = $2',
      [projectId, recommendationId],
    );
    await recordChanged(tx, [recommendationId]);
  });
}

/** Waits until `check` holds, failing after 5 s. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not so after 5 s: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const undelivered = async () =>
  Number(
    (
      (await db.query(
        'SELECT count(*) AS n FROM funding.addressed_outbox WHERE delivered_at IS NULL',
      )) as { n: string }[]
    )[0].n,
  );

test('the seed is delivered in full, and every row is marked with the state it carried', async () => {
  const copy = new Copy();
  await relayTo(copy).start();
  expect(await undelivered()).toBe(0);
  for (const id of linked) expect(copy.addressed(id)).toBe(addressedAtSeed.has(id));
  const rows: { id: string; addressed: boolean }[] = await db.query(
    `SELECT DISTINCT recommendation_id::text AS id, addressed FROM funding.addressed_outbox`,
  );
  expect(rows.every((row) => row.addressed === copy.addressed(row.id))).toBe(true);
});

test('a change that commits after a later one was delivered is still delivered', async () => {
  const copy = new Copy();
  const relay = relayTo(copy);
  const [early, late] = [free[0], free[1]];
  // The number a transaction draws when it records, before a later one commits and is delivered.
  const [{ seq }] = (await db.query(
    `SELECT nextval(pg_get_serial_sequence('funding.addressed_outbox', 'seq'))::text AS seq`,
  )) as { seq: string }[];
  await link(liveProjects[0].id, late);
  await relay.deliverNow();
  expect(copy.addressed(late)).toBe(true);

  await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO funding.project_recommendation (project_id, recommendation_id) VALUES ($1, $2)',
      [liveProjects[1].id, early],
    );
    await tx.query(
      'INSERT INTO funding.addressed_outbox (seq, recommendation_id) VALUES ($1, $2)',
      [seq, early],
    );
  });
  await relay.deliverNow();
  expect(copy.addressed(early)).toBe(true);
  expect(await undelivered()).toBe(0);
});

test('a failed delivery keeps its changes, and the relay delivers them once the copy answers', async () => {
  const copy = new Copy();
  const relay = relayTo(copy, 50);
  await relay.start();
  copy.failing = true;
  await link(liveProjects[2].id, free[2]);
  await relay.deliverNow();
  expect(await undelivered()).toBe(1);
  expect(copy.addressed(free[2])).toBeUndefined();
  copy.failing = false;
  await until(async () => (await undelivered()) === 0);
  expect(copy.addressed(free[2])).toBe(true);
});

test('a change nobody delivered (its process died after the commit) is delivered by another relay', async () => {
  const copy = new Copy();
  const survivor = relayTo(copy, 50);
  await survivor.start();
  await link(liveProjects[3].id, free[3]);
  await until(() => copy.addressed(free[3]) === true);
});

test('of two relays, a delivery read earlier never overwrites one read later', async () => {
  const copy = new Copy();
  const [slow, fast] = [relayTo(copy), relayTo(copy)];
  const id = free[4];
  await link(liveProjects[4].id, id);
  let release!: () => void;
  copy.gate = new Promise((resolve) => (release = resolve));
  // The slow relay reads "addressed", then its call hangs.
  const held = slow.deliverNow(30_000);
  await new Promise((r) => setTimeout(r, 200));
  copy.gate = undefined;
  await link(liveProjects[4].id, id, false);
  await fast.deliverNow();
  expect(copy.addressed(id)).toBe(false);
  release();
  await held;
  expect(copy.addressed(id)).toBe(false);
  expect(await undelivered()).toBe(0);
});

// The embedded database runs one transaction at a time: two cannot interleave there.
if (process.env.DATABASE_URL) {
  test('two writes to two projects that cross on one recommendation leave it as the links say', async () => {
    const copy = new Copy();
    const relay = relayTo(copy);
    const id = free[5];
    const [mine, theirs] = [liveProjects[5].id, liveProjects[6].id];
    await link(mine, id);
    await relay.deliverNow();
    const [a, b] = [db.createQueryRunner(), db.createQueryRunner()];
    try {
      await a.startTransaction();
      await b.startTransaction();
      // One write links it to another project while the other unlinks its own: no lock between them.
      await a.query(
        'INSERT INTO funding.project_recommendation (project_id, recommendation_id) VALUES ($1, $2)',
        [theirs, id],
      );
      await recordChanged(a.manager, [id]);
      await b.query(
        'DELETE FROM funding.project_recommendation WHERE project_id = $1 AND recommendation_id = $2',
        [mine, id],
      );
      await recordChanged(b.manager, [id]);
      await b.commitTransaction();
      await relay.deliverNow();
      expect(copy.addressed(id)).toBe(false);
      await a.commitTransaction();
      await relay.deliverNow();
      expect(copy.addressed(id)).toBe(true);
    } finally {
      await a.release();
      await b.release();
    }
  });
}
