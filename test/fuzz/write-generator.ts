import type { Dataset } from '../../subgraphs/shared/src/dataset/rows';
import { Confidentiality } from '../../subgraphs/shared/src/vocabulary';
import type { Random } from '../../subgraphs/shared/src/dataset/random';
import { Draw, type OpKind, type World, type WriteOp } from './write-draw';
import { PROJECT_OPS } from './write-project-ops';
import { RECORD_OPS } from './write-record-ops';
import { stormOps } from './write-storm';

/**
 * Random mutations covering every write that moves a derived figure, drawn from the rows as the
 * last batch left them. A share of them is meant to be refused (a stale version, a caller who
 * may not write, nobody signed in); each says which refusals it may get, from its own design or
 * from the concurrent writes of the same batch (a row changed, deleted or hidden meanwhile).
 * Most go to a few hot recommendations and projects, so that concurrent writes meet on them,
 * and a share of the waves are storms on one recommendation.
 */

export const OPS: Record<string, OpKind> = { ...PROJECT_OPS, ...RECORD_OPS };
const WEIGHTS = Object.fromEntries(Object.entries(OPS).map(([kind, op]) => [kind, op.weight]));
const UNSIGNED_SHARE = 0.02;
/** Waves that are storms (./write-storm.ts). */
const STORM_SHARE = 0.5;

/** Picks the recommendations (public ones, which every writer may link) and projects, once. */
export function hotSet(random: Random, data: Dataset): World['hot'] {
  const open = new Set(
    data.assessments.assessments
      .filter((a) => a.confidentiality === Confidentiality.PUBLIC)
      .map((a) => a.id),
  );
  const recommendations = data.assessments.recommendations.filter((r) => open.has(r.assessmentId));
  return {
    recommendations: random.sample(recommendations, 4).map((r) => r.id),
    projects: random.sample(data.funding.projects, 10).map((p) => p.id),
  };
}

/**
 * `count` writes for one batch, in waves of `wave` sent at once, some of them storms;
 * `tag` makes the codes of new projects unique in the run.
 */
export function writeOps(
  random: Random,
  world: World,
  count: number,
  tag: string,
  wave = count,
): WriteOp[] {
  const draw = new Draw(random, world);
  const ops: WriteOp[] = [];
  const one = (i: number): WriteOp => {
    for (;;) {
      const op = OPS[random.weighted(WEIGHTS)]!.build(draw, `${tag}-${i}`);
      if (!op) continue;
      // A few of every kind signed by nobody: refused, and nothing may change.
      if (random.chance(UNSIGNED_SHARE)) {
        return { ...op, signer: { roles: null }, mayRefuse: ['UNAUTHENTICATED'] };
      }
      return op;
    }
  };
  while (ops.length < count) {
    const size = Math.min(wave, count - ops.length);
    const storm = random.chance(STORM_SHARE) ? stormOps(draw, size) : [];
    ops.push(...storm);
    for (let i = storm.length; i < size; i += 1) ops.push(one(ops.length));
  }
  return ops;
}
