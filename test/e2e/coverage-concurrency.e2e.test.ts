import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';
import { reconcile, waitForAgreement, waitForCopy } from './support/coverage-check';
import { choosePool } from './support/coverage-pool';
import { CoverageLoad } from './support/coverage-writers';

/**
 * "Addressed" is a copy in assessments of what funding's rows say (docs/design.md, "Where
 * addressed is counted"). Writers, one per project, link, unlink, cancel, reactivate, delete and
 * restore at once on an overlapping pool of recommendations; once delivery has run, the copy and
 * every answer built on it equal the truth computed from the rows. On a PostgreSQL server the
 * transactions interleave; on the embedded database they run one at a time, so there it proves
 * only that delivery converges.
 */

// All the writes come from one caller; the rate limit has tests of its own.
process.env.RATE_LIMIT_MAX = '0';

const WRITERS = Number(process.env.COVERAGE_WRITERS ?? 12);
// The embedded database runs one transaction at a time and several times slower: there the load
// only has to show that delivery converges, which fewer writes do.
const WRITES = Number(process.env.COVERAGE_WRITES ?? (process.env.DATABASE_URL ? 25 : 10));
/** Rounds of writes, each checked once delivery settles, on the same graph (for soak runs). */
const ROUNDS = Number(process.env.COVERAGE_ROUNDS ?? 1);
const SEED = process.env.COVERAGE_SEED ?? String(Date.now());
const SETTLE_MS = Number(process.env.COVERAGE_SETTLE_MS ?? 10_000);
/** 0 checks the copy only after the last step, where the later writes may have mended it. */
const STEP_CHECKS = process.env.COVERAGE_STEP_CHECKS !== '0';

const pool = choosePool(WRITERS);
let graph: (TestGraph & { databaseUrl: string }) | undefined;

beforeAll(async () => {
  graph = await startWritableGraph();
}, 60_000);

afterAll(async () => {
  await graph?.stop();
}, 30_000);

test(
  'after concurrent writes, the copy of "addressed" and every coverage answer equal the truth',
  async () => {
    const headers = await as(['admin']);
    console.log(
      `coverage-concurrency: COVERAGE_SEED=${SEED}, ${WRITERS} writers × ${WRITES} writes × ${ROUNDS} round(s), states ${pool.states.join(', ')} (${pool.recommendations.length} recommendations), ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite (one transaction at a time)'}`,
    );
    // The seed's copy, as the migrations recorded it, is right before any write.
    expect(await waitForCopy(graph!.databaseUrl, pool.states, SETTLE_MS)).toEqual([]);
    for (let round = 0; round < ROUNDS; round++) {
      const started = Date.now();
      const load = new CoverageLoad({
        gateway: graph!.url,
        headers,
        pool,
        seed: `${SEED}/${round}`,
        writes: WRITES,
        afterStep: async () =>
          STEP_CHECKS ? waitForCopy(graph!.databaseUrl, pool.states, SETTLE_MS) : [],
      });
      const report = await load.run();
      const wrote = Date.now() - started;
      // Once a step has left the copy wrong, no wait would mend it: the answers are read once.
      const agreement = await waitForAgreement(
        { gateway: graph!.url, headers, databaseUrl: graph!.databaseUrl, states: pool.states },
        report.stoppedAt ? 0 : SETTLE_MS,
      );
      console.log(
        `round ${round + 1}: ${load.done} writes${report.stoppedAt ? ` (stopped after step ${report.stoppedAt.step + 1}: the copy stayed wrong)` : ''} in ${wrote} ms ${JSON.stringify(report.applied)}, ${report.conflicts} conflicts, ${report.failures.length} failed attempts; ` +
          (agreement.differences.length
            ? `after ${agreement.waitedMs} ms still ${agreement.differences.length} differences, ${agreement.wrongCopies} recommendations wrong in the copy`
            : `agreed after ${agreement.waitedMs} ms`),
      );
      expect(report.gaveUp).toEqual([]);
      // The seed in the message, so that a failure can be replayed with COVERAGE_SEED.
      const { differences } = agreement;
      const step = report.stoppedAt ? report.stoppedAt.step + 1 : 'all';
      expect({ seed: SEED, round, step, differences }).toEqual({
        seed: SEED,
        round,
        step: 'all',
        differences: [],
      });
      expect(await reconcile(graph!.subgraphs.funding!.url)).toEqual({
        differences: 0,
        repairs: [],
      });
    }
  },
  60_000 + ROUNDS * WRITERS * WRITES * 40,
);
