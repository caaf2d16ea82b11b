import { ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { VERSIONED, type Draw, type WriteOp } from './write-draw';
import { deleteOp, linkOp, updateProject } from './write-project-ops';
import { recordContribution } from './write-record-ops';

/**
 * A storm: a wave whose writes all change, at once and on different projects, whether one hot
 * recommendation is addressed — cancelling, reactivating and deleting projects that link it,
 * linking and unlinking it. Of one kind each, they take the same path through the graph, so
 * their transactions run side by side: where a copy computed inside each of them goes wrong.
 * A fifth of the storms are on one project's funding instead.
 */
export function stormOps(draw: Draw, size: number): WriteOp[] {
  const { random, data, world } = draw;
  if (random.chance(0.2)) return fundingStorm(draw, size);
  const target = random.pick(draw.edge.length ? draw.edge : world.hot.recommendations);
  const linking = data.funding.projects.filter((p) => p.recommendationIds.includes(target));
  const others = data.funding.projects.filter((p) => world.hot.projects.includes(p.id));
  const projects = random.sample([...new Set([...linking, ...others])], size);
  const flip = random.chance(0.7);
  return projects.map((project) => {
    const writer = { signer: { roles: ['admin' as const] }, mayRefuse: [] };
    if (!project.recommendationIds.includes(target)) {
      return linkOp(draw, { project, writer, ids: [target], link: true, recommendations: true });
    }
    if (flip || random.chance(0.5)) {
      const status =
        project.status === ProjectStatus.CANCELLED ? ProjectStatus.ACTIVE : ProjectStatus.CANCELLED;
      return updateProject(draw, 'updateProject(status)', { status }, project)!;
    }
    return random.chance(0.7)
      ? linkOp(draw, { project, writer, ids: [target], link: false, recommendations: true })
      : deleteOp(draw, project);
  });
}

/**
 * A project without contributions deleted while contributions to it are recorded: one of them
 * must lose (the deletion is refused while contributions exist; a contribution needs a project).
 */
function fundingStorm(draw: Draw, size: number): WriteOp[] {
  const { random, data } = draw;
  const funded = new Set(data.funding.contributions.map((c) => c.projectId));
  const unfunded = data.funding.projects.filter((p) => !funded.has(p.id));
  if (!unfunded.length) return [];
  const project = random.pick(unfunded);
  const deletion = { ...deleteOp(draw, project), signer: { roles: ['admin' as const] } };
  return [
    { ...deletion, mayRefuse: VERSIONED },
    ...Array.from({ length: size - 1 }, () => recordContribution(draw, project)),
  ];
}
