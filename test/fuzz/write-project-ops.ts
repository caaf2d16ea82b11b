import type { ProjectRow } from '../../subgraphs/shared/src/dataset/rows';
import type { Role } from '../../subgraphs/shared/src/viewer';
import { ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { accessRules } from '../helpers/access';
import { ADMIN, VERSIONED, type Draw, type OpKind, type WriteOp } from './write-draw';

/**
 * Writes of projects: creation, every field a figure depends on (status, budget, appeal,
 * programme, beneficiary states, thematic areas, partners, lead), links to recommendations and
 * assessments, deletion and restoration. By admin, the lead's editors, and other entities'
 * editors, who are refused.
 */

const PROJECT = `{ id version }`;
const UPDATE = `mutation ($input: UpdateProjectInput!) { updateProject(input: $input) ${PROJECT} }`;

function createProject(draw: Draw, tag: string): WriteOp {
  const { random, data } = draw;
  const leads = [...new Set(data.funding.projects.map((p) => p.leadEntityAcronym)), 'UNOCT'];
  const lead = random.pick(leads);
  const signer = random.chance(0.7) ? ADMIN : { roles: ['editor'] as Role[], entity: lead };
  const input = {
    code: `FZ-${tag}`,
    title: `Fuzz project ${tag}`,
    summary: `Written by the write fuzzer, batch and number ${tag}.`,
    status: random.pick([ProjectStatus.PIPELINE, ProjectStatus.ACTIVE, ProjectStatus.CANCELLED]),
    leadEntity: lead,
    partnerEntities: random.sample(
      draw.acronyms.filter((a) => a !== lead),
      random.int(0, 2),
    ),
    beneficiaryStates: random.sample(draw.states, random.int(1, 3)),
    thematicAreas: random
      .sample(data.assessments.thematicAreas, random.int(1, 2))
      .map((t) => t.code),
    appealId: random.chance(0.5) ? random.pick(data.funding.appeals).id : null,
    programmeId: random.chance(0.3) ? random.pick(data.funding.programmes).id : null,
    startsOn: '2025-01-01',
    budget: draw.money(),
  };
  return {
    kind: 'createProject',
    signer,
    query: `mutation ($input: CreateProjectInput!) { createProject(input: $input) ${PROJECT} }`,
    variables: { input },
    mayRefuse: [],
  };
}

export function updateProject(
  draw: Draw,
  kind: string,
  changes: Record<string, unknown>,
  project = draw.project(),
): WriteOp | undefined {
  if (!project) return undefined;
  const writer = draw.writerOf(project.leadEntityAcronym);
  return {
    kind,
    signer: writer.signer,
    query: UPDATE,
    variables: { input: { id: project.id, ...changes } },
    version: draw.versioned('funding.project', project.id, 'input'),
    mayRefuse: [...VERSIONED, ...writer.mayRefuse],
  };
}

/** A new lead or new partners, never the lead among them as the draw sees the project. */
function changeEntities(draw: Draw, kind: 'leadEntity' | 'partnerEntities') {
  const { random } = draw;
  const project = draw.project();
  if (!project) return undefined;
  const others = draw.acronyms.filter(
    (a) => a !== project.leadEntityAcronym && !project.partnerEntityAcronyms.includes(a),
  );
  const changes =
    kind === 'leadEntity'
      ? { leadEntity: random.pick(others) }
      : { partnerEntities: random.sample(others, random.int(0, 2)) };
  const op = updateProject(draw, `updateProject(${kind})`, changes, project)!;
  // Changed meanwhile, the lead may be among the partners; and only admin changes a lead.
  const refuse = kind === 'leadEntity' ? ['BAD_USER_INPUT', 'FORBIDDEN'] : ['BAD_USER_INPUT'];
  return { ...op, mayRefuse: [...op.mayRefuse, ...refuse] };
}

/**
 * Links or unlinks, mostly the hot recommendations (those on the edge first), among those the
 * writer may see.
 */
function changeLinks(draw: Draw, link: boolean, recommendations: boolean) {
  const { random, data } = draw;
  const project = recommendations && !link ? draw.edgeProject() : draw.project();
  if (!project) return undefined;
  const writer = draw.writerOf(project.leadEntityAcronym);
  const rules = accessRules(data, { name: 'writer', ...writer.signer });
  const visible = recommendations
    ? data.assessments.recommendations.filter(rules.readableRecommendation).map((r) => r.id)
    : data.assessments.assessments.filter(rules.listed).map((a) => a.id);
  const linked = (recommendations ? project.recommendationIds : project.assessmentIds).filter(
    (id) => visible.includes(id),
  );
  const hot = draw.world.hot.recommendations.filter((id) => visible.includes(id));
  const edge = hot.filter((id) => draw.edge.includes(id));
  const pool =
    !link && linked.length && random.chance(0.7)
      ? linked
      : recommendations && edge.length && random.chance(0.5)
        ? edge
        : recommendations && hot.length && random.chance(0.8)
          ? hot
          : visible;
  if (!pool.length) return undefined;
  const ids = random.sample(pool, random.int(1, 3));
  return linkOp(draw, { project, writer, ids, link, recommendations });
}

export function linkOp(
  draw: Draw,
  { project, writer, ids, link, recommendations }: LinkChange,
): WriteOp {
  const kind = `${link ? 'link' : 'unlink'}Project${recommendations ? 'Recommendations' : 'Assessments'}`;
  const argument = recommendations ? 'recommendationIds' : 'assessmentIds';
  return {
    kind,
    signer: writer.signer,
    query: `mutation ($projectId: ID!, $expectedVersion: Int!, $ids: [ID!]!) {
      ${kind}(projectId: $projectId, expectedVersion: $expectedVersion, ${argument}: $ids) ${PROJECT} }`,
    variables: { projectId: project.id, ids },
    version: draw.versioned('funding.project', project.id, 'args'),
    // A recommendation deleted or made confidential meanwhile is unknown to the caller.
    mayRefuse: [...VERSIONED, ...writer.mayRefuse, 'BAD_USER_INPUT'],
  };
}

interface LinkChange {
  project: ProjectRow;
  writer: ReturnType<Draw['writerOf']>;
  ids: string[];
  link: boolean;
  recommendations: boolean;
}

/** Mostly a project without contributions, which may be deleted. */
function deleteProject(draw: Draw): WriteOp | undefined {
  const { random, data } = draw;
  const funded = new Set(data.funding.contributions.map((c) => c.projectId));
  const unfunded = data.funding.projects.filter((p) => !funded.has(p.id));
  const project: ProjectRow | undefined =
    unfunded.length && random.chance(0.7) ? random.pick(unfunded) : draw.project();
  return project && deleteOp(draw, project);
}

export function deleteOp(draw: Draw, project: ProjectRow): WriteOp {
  const writer = draw.writerOf(project.leadEntityAcronym);
  return {
    kind: 'deleteProject',
    signer: writer.signer,
    query: `mutation ($id: ID!, $expectedVersion: Int!) { deleteProject(id: $id, expectedVersion: $expectedVersion) }`,
    variables: { id: project.id },
    version: draw.versioned('funding.project', project.id, 'args'),
    // CONFLICT also while contributions are recorded against it.
    mayRefuse: [...VERSIONED, ...writer.mayRefuse],
  };
}

/** A deleted project; a live one (returned as it is) when none is. */
function restoreProject(draw: Draw): WriteOp | undefined {
  const { deletedProjects } = draw.world;
  const project = deletedProjects.length ? draw.random.pick(deletedProjects) : draw.project();
  if (!project) return undefined;
  const writer = draw.writerOf(project.leadEntityAcronym);
  return {
    kind: 'restoreProject',
    signer: writer.signer,
    query: `mutation ($id: ID!) { restoreProject(id: $id) ${PROJECT} }`,
    variables: { id: project.id },
    mayRefuse: writer.mayRefuse,
  };
}

const { CANCELLED, ACTIVE, COMPLETED, PIPELINE } = ProjectStatus;

export const PROJECT_OPS: Record<string, OpKind> = {
  createProject: { weight: 5, build: createProject },
  'updateProject(status)': {
    weight: 14,
    build: (draw) =>
      updateProject(
        draw,
        'updateProject(status)',
        { status: draw.random.pick([CANCELLED, CANCELLED, ACTIVE, ACTIVE, COMPLETED, PIPELINE]) },
        draw.edgeProject(),
      ),
  },
  'updateProject(budget)': {
    weight: 4,
    build: (draw) => updateProject(draw, 'updateProject(budget)', { budget: draw.money() }),
  },
  'updateProject(appeal)': {
    weight: 3,
    build: (draw) =>
      updateProject(draw, 'updateProject(appeal)', {
        appealId: draw.random.chance(0.3) ? null : draw.random.pick(draw.data.funding.appeals).id,
      }),
  },
  'updateProject(programme)': {
    weight: 1,
    build: (draw) =>
      updateProject(draw, 'updateProject(programme)', {
        programmeId: draw.random.chance(0.3)
          ? null
          : draw.random.pick(draw.data.funding.programmes).id,
      }),
  },
  'updateProject(beneficiaryStates)': {
    weight: 4,
    build: (draw) =>
      updateProject(draw, 'updateProject(beneficiaryStates)', {
        beneficiaryStates: draw.random.sample(draw.states, draw.random.int(0, 3)),
      }),
  },
  'updateProject(thematicAreas)': {
    weight: 2,
    build: (draw) =>
      updateProject(draw, 'updateProject(thematicAreas)', {
        thematicAreas: draw.random
          .sample(draw.data.assessments.thematicAreas, draw.random.int(0, 3))
          .map((t) => t.code),
      }),
  },
  'updateProject(partnerEntities)': {
    weight: 2,
    build: (draw) => changeEntities(draw, 'partnerEntities'),
  },
  'updateProject(leadEntity)': { weight: 1, build: (draw) => changeEntities(draw, 'leadEntity') },
  linkProjectRecommendations: { weight: 14, build: (draw) => changeLinks(draw, true, true) },
  unlinkProjectRecommendations: { weight: 10, build: (draw) => changeLinks(draw, false, true) },
  linkProjectAssessments: { weight: 3, build: (draw) => changeLinks(draw, true, false) },
  unlinkProjectAssessments: { weight: 2, build: (draw) => changeLinks(draw, false, false) },
  deleteProject: { weight: 5, build: deleteProject },
  restoreProject: { weight: 5, build: restoreProject },
};
