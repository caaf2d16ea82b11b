import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, Service } from '../faults/lib/processes';
import { createTestDatabase, migrateAndSeed, type TestDatabase } from '../helpers/database';
import { as } from '../helpers/tokens';
import { startBalancer, type Balancer } from './support/balancer';
import { reconcile, waitForAgreement, waitForCopy } from './support/coverage-check';
import { choosePool } from './support/coverage-pool';
import { CoverageLoad } from './support/coverage-writers';

/**
 * "Addressed" as deployed (docs/deploy.md): every service its own process from dist/, two
 * funding and two assessments replicas behind a round-robin balancer each, one database. While
 * writers write at once, a funding replica is killed (SIGKILL) and started again once the rest is
 * back, and both assessments replicas stop for 3 s; writes that fail are tried again. Once
 * delivery has run, the copy and every answer built on it equal the truth from the rows.
 */

const WRITERS = Number(process.env.COVERAGE_WRITERS ?? 12);
const WRITES = Number(process.env.COVERAGE_WRITES ?? 16);
const SEED = process.env.COVERAGE_SEED ?? String(Date.now());
const SETTLE_MS = Number(process.env.COVERAGE_SETTLE_MS ?? 10_000);
/** 0 checks the copy only at the end, so that the faults happen even where a step goes wrong. */
const STEP_CHECKS = process.env.COVERAGE_STEP_CHECKS !== '0';
const ASSESSMENTS_DOWN_MS = 3_000;

const stop = (service: Service) => service.stop();

const logDir = mkdtempSync(join(tmpdir(), 'compact-graph-coverage-'));
/** The services' logs are kept only when the test failed, to read why. */
let passed = false;
/** How many failures of each kind: the operation and the error code, without the message. */
const tally = (failures: string[]) =>
  failures.reduce<Record<string, number>>((counts, failure) => {
    const parts = failure.replace(/^\S+ /, '').split(': ');
    const kind = parts.slice(0, parts[1] === 'reading' ? 3 : 2).join(': ');
    counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  }, {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pool = choosePool(WRITERS);

let database: TestDatabase | undefined;
const balancers: Balancer[] = [];
let services: Record<string, Service> = {};

beforeAll(async () => {
  if (!existsSync('dist/gateway/src/index.js')) {
    throw new Error('coverage-replicas runs the services from dist/: run `npm run build` first.');
  }
  // Without DATABASE_URL this is the embedded PGlite, served over TCP: the children reach it too.
  database = await createTestDatabase();
  await migrateAndSeed(database.url);
  const names = ['membership', 'assessments-1', 'assessments-2', 'funding-1', 'funding-2'];
  const ports = Object.fromEntries(
    await Promise.all([...names, 'gateway'].map(async (name) => [name, await freePort()])),
  );
  const base = (name: string) => `http://127.0.0.1:${ports[name]}`;
  const [assessments, funding] = await Promise.all([
    startBalancer([base('assessments-1'), base('assessments-2')]),
    startBalancer([base('funding-1'), base('funding-2')]),
  ]);
  balancers.push(assessments, funding);
  // The gateway and funding's relay reach the replicas only through the balancers.
  const common = {
    JWT_SECRET: process.env.JWT_SECRET!,
    GATEWAY_SIGNING_SECRET: process.env.GATEWAY_SIGNING_SECRET!,
    LOG_LEVEL: 'warn',
    // All the writes come from one caller; the rate limit has tests of its own.
    RATE_LIMIT_MAX: '0',
    SUBGRAPH_MEMBERSHIP_URL: `${base('membership')}/graphql`,
    SUBGRAPH_ASSESSMENTS_URL: `${assessments.url}/graphql`,
    SUBGRAPH_FUNDING_URL: `${funding.url}/graphql`,
  };
  const entry = (name: string) =>
    name === 'gateway' ? 'dist/gateway/src/index.js' : `dist/subgraphs/${name}/src/index.js`;
  services = Object.fromEntries(
    [...names, 'gateway'].map((name) => {
      const kind = name.replace(/-\d$/, '');
      const env = kind === 'gateway' ? common : { ...common, DATABASE_URL: database!.url };
      return [name, new Service(name, entry(kind), ports[name], env, logDir)];
    }),
  );
  for (const service of Object.values(services)) service.start();
  await Promise.all(Object.values(services).map((service) => service.ready(60_000)));
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(Object.values(services).map(stop));
  for (const service of Object.values(services)) service.close();
  await Promise.allSettled(balancers.map((balancer) => balancer.stop()));
  await database?.drop();
  if (passed) rmSync(logDir, { recursive: true, force: true });
}, 60_000);

test('with replicas, a replica killed and a peer stopped under concurrent writes, the copy of "addressed" and every coverage answer equal the truth', async () => {
  const headers = await as(['admin']);
  const gateway = services.gateway.url;
  const target = { gateway, headers, databaseUrl: database!.url, states: pool.states };
  console.log(
    `coverage-replicas: COVERAGE_SEED=${SEED}, ${WRITERS} writers × ${WRITES} writes, states ${pool.states.join(', ')} (${pool.recommendations.length} recommendations), ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}; logs in ${logDir}`,
  );
  expect(await waitForCopy(database!.url, pool.states, SETTLE_MS)).toEqual([]);

  // Between a fault and its repair the copy may lag (changes wait in the outbox): steps are
  // checked only while every process is up.
  let faulted = false;
  let over = false;
  const load = new CoverageLoad({
    gateway,
    headers,
    pool,
    seed: SEED,
    writes: WRITES,
    // Long enough for two processes to stop and three to start again on a busy machine.
    writeDeadlineMs: 45_000,
    afterStep: async () =>
      STEP_CHECKS && !faulted ? waitForCopy(database!.url, pool.states, SETTLE_MS) : [],
  });
  const total = WRITERS * WRITES;
  /**
   * Resolves once the load has made that share of its writes and half a step more, so that the
   * fault comes while the step's other writes are in flight; false if the load ended before.
   */
  const reached = async (share: number) => {
    const target = Math.floor(total * share) + Math.ceil(WRITERS / 2);
    while (!over && load.done < target) await sleep(5);
    return !over;
  };
  const faults: string[] = [];
  const started = Date.now();
  const at = () => `write ${load.done}, ${((Date.now() - started) / 1000).toFixed(1)} s`;
  const injected = (async () => {
    if (!(await reached(0.25))) return;
    faulted = true;
    services['funding-1'].signal('SIGKILL');
    await services['funding-1'].exited;
    faults.push(`funding-1 killed at ${at()}`);
    const restart = ['funding-1'];
    if (await reached(0.45)) {
      await Promise.all([stop(services['assessments-1']), stop(services['assessments-2'])]);
      faults.push(`assessments-1 and -2 stopped at ${at()}`);
      await sleep(ASSESSMENTS_DOWN_MS);
      restart.unshift('assessments-1', 'assessments-2');
    }
    // The killed replica comes back last, so that it starts with the peers up, as after a crash.
    for (const name of restart) services[name].start();
    await Promise.all(restart.map((name) => services[name].ready()));
    faults.push(`${restart.join(', ')} up again at ${at()}`);
    faulted = false;
  })();
  const report = await load.run().finally(() => {
    over = true;
  });
  await injected;
  const wrote = Date.now() - started;
  const agreement = await waitForAgreement(target, report.stoppedAt ? 0 : SETTLE_MS);
  console.log(
    `${load.done} writes${report.stoppedAt ? ` (stopped after step ${report.stoppedAt.step + 1}: the copy stayed wrong)` : ''} in ${wrote} ms ${JSON.stringify(report.applied)}; ${faults.join('; ')}; ${report.conflicts} conflicts, ${report.failures.length} failed attempts tried again ${JSON.stringify(tally(report.failures))}, 502 from the balancers ${JSON.stringify(balancers.map((b) => b.failed))}; ` +
      (agreement.differences.length
        ? `after ${agreement.waitedMs} ms still ${agreement.differences.length} differences, ${agreement.wrongCopies} recommendations wrong in the copy`
        : `agreed after ${agreement.waitedMs} ms`),
  );
  expect(report.gaveUp).toEqual([]);
  // Both faults happened under load, not after it (unless a wrong copy stopped the load first).
  if (!report.stoppedAt) expect(faults).toHaveLength(3);
  const { differences } = agreement;
  const step = report.stoppedAt ? report.stoppedAt.step + 1 : 'all';
  expect({ seed: SEED, step, differences }).toEqual({ seed: SEED, step: 'all', differences: [] });
  // What the reconciliation would have repaired: nothing, after a kill and an outage too.
  expect(await reconcile(services['funding-2'].url)).toEqual({ differences: 0, repairs: [] });
  passed = true;
}, 90_000);
