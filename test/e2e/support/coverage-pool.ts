import { buildDataset } from '../../../subgraphs/shared/src/dataset/build';
import { ProjectStatus } from '../../../subgraphs/shared/src/vocabulary';

export interface PoolProject {
  id: string;
  code: string;
  /** The recommendations it links in the seed. */
  recommendationIds: string[];
  /** No contribution is recorded against it, so it may be deleted. */
  deletable: boolean;
}

/** What the concurrent writers share: a few states' recommendations, and one project each. */
export interface CoveragePool {
  states: string[];
  recommendations: string[];
  projects: PoolProject[];
}

/**
 * Chosen from the seed. Projects: live ones, those without contributions first (a writer may
 * delete them), in order of code. States: the three with the most recommendations that no other
 * live project addresses, so that the writers' links and unlinks decide whether they are
 * addressed and collide on them.
 */
export function choosePool(writers: number): CoveragePool {
  const data = buildDataset();
  const funded = new Set(data.funding.contributions.map((c) => c.projectId));
  const live = data.funding.projects
    .filter((p) => p.status !== ProjectStatus.CANCELLED)
    .sort(
      (a, b) => Number(funded.has(a.id)) - Number(funded.has(b.id)) || (a.code < b.code ? -1 : 1),
    );
  if (writers < 1 || writers > live.length) {
    throw new Error(`COVERAGE_WRITERS must be from 1 to ${live.length}; got ${writers}`);
  }
  const projects = live.slice(0, writers).map((p) => ({
    id: p.id,
    code: p.code,
    recommendationIds: [...p.recommendationIds],
    deletable: !funded.has(p.id),
  }));
  const ours = new Set(projects.map((p) => p.id));
  const fixed = new Set(live.filter((p) => !ours.has(p.id)).flatMap((p) => p.recommendationIds));
  const stateOf = new Map(data.assessments.assessments.map((a) => [a.id, a.memberStateIso3]));
  const byState = new Map<string, { all: string[]; free: number }>();
  for (const r of data.assessments.recommendations) {
    const iso3 = stateOf.get(r.assessmentId)!;
    const entry = byState.get(iso3) ?? { all: [], free: 0 };
    entry.all.push(r.id);
    if (!fixed.has(r.id)) entry.free += 1;
    byState.set(iso3, entry);
  }
  const states = [...byState.entries()]
    .sort(([a, x], [b, y]) => y.free - x.free || y.all.length - x.all.length || (a < b ? -1 : 1))
    .slice(0, 3)
    .map(([iso3]) => iso3);
  return {
    states,
    recommendations: states.flatMap((iso3) => byState.get(iso3)!.all),
    projects,
  };
}
