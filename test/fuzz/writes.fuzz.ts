import { Client, Pool } from 'pg';
import statesJson from '../../subgraphs/shared/data/member-states.json';
import type { Caller } from '../helpers/access';
import { accessEntities } from '../helpers/callers';
import { ANONYMOUS } from '../helpers/expected-overview';
import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { useDataset } from '../helpers/seed';
import { as } from '../helpers/tokens';
import { Random } from '../../subgraphs/shared/src/dataset/random';
import { runBatch, type Found, type Sent } from './write-batch';
import { summaryLines, writeReport } from './write-report';
import { checkFigures } from './write-settle';
import type { World } from './write-draw';
import { hotSet } from './write-generator';
import { modelOf, readTables, type Model } from './write-model';
import type { Tally } from './write-runner';

/**
 * `FUZZ_WRITES=1 npm run test:fuzz`: random mutations from several concurrent callers, in
 * batches, with random reads between them; after each batch, every figure one part of the graph
 * derives from another's data is checked, for several callers, against a model computed from the
 * rows the writes produced (./write-model.ts). FUZZ_SEED (default: a new one, printed) draws the
 * operations (concurrency still interleaves them differently), FUZZ_COUNT (default 1,000) says
 * how many; FUZZ_REPORT names a file for every difference, one JSON line each (the output shows
 * ten).
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);

// Every request comes from this one process, far faster than any one caller may send.
process.env.RATE_LIMIT_MAX = '0';

let graph: TestGraph & { databaseUrl: string };
/** A pool reads versions while writes run; a connection reads the model between batches. */
let versions: Pool;
let tables: Client;
let model: Model;
let callers: { caller: Caller; headers: Record<string, string> }[];

beforeAll(async () => {
  graph = await startWritableGraph();
  versions = new Pool({ connectionString: graph.databaseUrl, max: 4 });
  tables = new Client({ connectionString: graph.databaseUrl });
  await tables.connect();
  model = modelOf(await readTables(tables));
  // The helpers take regions and state names from member-states.json: membership's must agree.
  const regions = (rows: { iso3: string; region: string }[]) =>
    rows.map((s) => `${s.iso3}:${s.region}`).join();
  expect(regions(model.data.membership.memberStates)).toBe(regions(statesJson));
  useDataset(model.data);
  const { participant, outsider } = accessEntities(model.data);
  const signed = [
    { name: 'admin', roles: ['admin'] },
    { name: `involved entity ${participant}`, roles: ['viewer'], entity: participant },
    { name: `outside entity ${outsider}`, roles: ['viewer'], entity: outsider },
  ] as Caller[];
  callers = [
    { caller: ANONYMOUS, headers: {} },
    ...(await Promise.all(
      signed.map(async (caller) => ({ caller, headers: await as(caller.roles!, caller.entity) })),
    )),
  ];
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([versions?.end(), tables?.end()]);
  await graph?.stop();
});

test('after each batch of concurrent writes, every derived figure equals the model of the rows', async () => {
  process.stdout.write(`FUZZ_WRITES FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}\n`);
  const started = Date.now();
  const hot = hotSet(new Random(SEED), model.data);
  const tally: Tally = {};
  const found: Found[] = [];
  const sentIn = new Map<number, Sent[]>();
  const late: number[] = [];
  // A wrong figure stays wrong until a write mends it: each place is reported where it is first.
  const seen = new Set<string>();
  let repeated = 0;
  const isNew = (key: string) => !seen.has(key) && !!seen.add(key);
  let batches = 0;
  for (let done = 0; done < COUNT; batches += 1) {
    // A source of its own per batch, as the read fuzzer has per operation.
    const random = new Random((SEED + (batches + 1) * 7919) | 0);
    const world: World = { data: model.data, deletedProjects: model.deletedProjects, hot };
    const size = Math.min(random.int(25, 50), COUNT - done);
    const batchStarted = Date.now();
    const { found: inBatch, sent } = await runBatch({
      random,
      world,
      batch: batches,
      size,
      workers: random.int(4, 8),
      callers: callers.map((c) => c.caller),
      url: graph.url,
      versions,
      tally,
    });
    done += size;
    const wrote = Date.now();
    const checked = await checkFigures({ random, batch: batches, tables, callers, url: graph.url });
    if (process.env.FUZZ_VERBOSE) {
      process.stdout.write(
        `batch ${batches}: ${size} writes ${wrote - batchStarted} ms, check ${Date.now() - wrote} ms\n`,
      );
    }
    model = checked.model;
    if (checked.settledAfterMs > 0 && !checked.differences.length)
      late.push(checked.settledAfterMs);
    for (const d of checked.differences) {
      if (isNew(`${d.caller}|${d.figure}|${(d.at as string[]).join('|')}`)) inBatch.push(d);
      else repeated += 1;
    }
    for (const message of model.broken.filter((m) => isNew(m))) {
      inBatch.push({ batch: batches, kind: 'rows', line: `rows: ${message}` });
    }
    if (inBatch.length) sentIn.set(batches, sent);
    found.push(...inBatch);
  }

  if (process.env.FUZZ_REPORT) writeReport(process.env.FUZZ_REPORT, found, sentIn);
  const seconds = Math.round((Date.now() - started) / 1000);
  const summary = { seed: SEED, count: COUNT, batches, seconds, late, found, repeated, tally };
  process.stdout.write(summaryLines(summary).join('\n'));
  expect(found.length).toBe(0);
});
