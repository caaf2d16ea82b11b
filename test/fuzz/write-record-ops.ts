import {
  Confidentiality,
  ContributionStatus,
  Priority,
} from '../../subgraphs/shared/src/vocabulary';
import { ADMIN, CTED, VERSIONED, type Draw, type OpKind, type WriteOp } from './write-draw';

/**
 * Writes of contributions (admin's alone) and of CTED's assessments and recommendations (CTED's
 * alone): amounts, statuses and deletions that move funding's sums; confidentiality, priority,
 * need for assistance, new and deleted recommendations that move what coverage counts.
 */

const EDITOR = { roles: ['editor' as const], entity: 'UNODC' };

/** To a project (mostly a hot one) or a programme; to `project` when given. */
export function recordContribution(
  draw: Draw,
  project = draw.random.chance(0.85) ? draw.project() : undefined,
): WriteOp {
  const { random, data } = draw;
  const writer = draw.signer(ADMIN, EDITOR);
  const received = random.chance(0.4);
  const input = {
    donorId: random.pick(data.funding.donors).id,
    ...(project
      ? { projectId: project.id }
      : { programmeId: random.pick(data.funding.programmes).id }),
    amount: draw.money(2_000_000, 1),
    status: received ? ContributionStatus.RECEIVED : ContributionStatus.PLEDGED,
    pledgedOn: '2025-02-01',
    ...(received ? { receivedOn: '2025-03-01' } : {}),
  };
  return {
    kind: 'recordContribution',
    signer: writer.signer,
    query: `mutation ($input: RecordContributionInput!) { recordContribution(input: $input) { id } }`,
    variables: { input },
    // Its project may be deleted meanwhile: then there is no such project.
    mayRefuse: [...writer.mayRefuse, 'BAD_USER_INPUT'],
  };
}

function changeContribution(draw: Draw, kind: 'amount' | 'status' | 'delete') {
  const { random, data } = draw;
  if (!data.funding.contributions.length) return undefined;
  const c = random.pick(data.funding.contributions);
  const writer = draw.signer(ADMIN, EDITOR);
  const common = { signer: writer.signer, mayRefuse: [...VERSIONED, ...writer.mayRefuse] };
  if (kind === 'delete') {
    return {
      ...common,
      kind: 'deleteContribution',
      query: `mutation ($id: ID!, $expectedVersion: Int!) { deleteContribution(id: $id, expectedVersion: $expectedVersion) }`,
      variables: { id: c.id },
      version: draw.versioned('funding.contribution', c.id, 'args'),
    };
  }
  const changes =
    kind === 'amount'
      ? { amount: draw.money(3_000_000, 1) }
      : c.status === ContributionStatus.RECEIVED
        ? { status: ContributionStatus.PLEDGED }
        : { status: ContributionStatus.RECEIVED, receivedOn: c.pledgedOn };
  return {
    ...common,
    kind: `updateContribution(${kind})`,
    query: `mutation ($input: UpdateContributionInput!) { updateContribution(input: $input) { id version } }`,
    variables: { input: { id: c.id, ...changes } },
    version: draw.versioned('funding.contribution', c.id, 'input'),
  };
}

/** An assessment, often one with a hot recommendation. */
function assessment(draw: Draw) {
  const { random, data, world } = draw;
  const hot = data.assessments.recommendations.filter((r) =>
    world.hot.recommendations.includes(r.id),
  );
  const id = hot.length && random.chance(0.4) ? random.pick(hot).assessmentId : undefined;
  const { assessments } = data.assessments;
  return assessments.find((a) => a.id === id) ?? random.pick(assessments);
}

function updateConfidentiality(draw: Draw): WriteOp {
  const a = assessment(draw);
  const writer = draw.signer(CTED, ADMIN);
  const confidentiality = draw.random.pick(
    Object.values(Confidentiality).filter((c) => c !== a.confidentiality),
  );
  return {
    kind: 'updateAssessment(confidentiality)',
    signer: writer.signer,
    query: `mutation ($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id version } }`,
    variables: { input: { id: a.id, confidentiality } },
    version: draw.versioned('assessments.assessment', a.id, 'input'),
    mayRefuse: [...VERSIONED, ...writer.mayRefuse],
  };
}

function addRecommendation(draw: Draw): WriteOp {
  const { random, data } = draw;
  const a = assessment(draw);
  const writer = draw.signer(CTED, ADMIN);
  const input = {
    assessmentId: a.id,
    thematicArea: random.pick(data.assessments.thematicAreas).code,
    text: `A need the write fuzzer records for ${a.memberStateIso3}.`,
    priority: random.pick(Object.values(Priority)),
    technicalAssistanceNeeded: random.chance(0.6),
  };
  return {
    kind: 'addRecommendation',
    signer: writer.signer,
    query: `mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { id } }`,
    variables: { input },
    mayRefuse: writer.mayRefuse,
  };
}

function changeRecommendation(draw: Draw, kind: 'priority' | 'assistance' | 'delete') {
  const { random, data, world } = draw;
  const { recommendations } = data.assessments;
  const hot = recommendations.filter((r) => world.hot.recommendations.includes(r.id));
  // Hot recommendations are never deleted, so that concurrent writes keep meeting on them.
  const r =
    kind === 'delete'
      ? random.pick(recommendations.filter((x) => !hot.includes(x)))
      : hot.length && random.chance(0.4)
        ? random.pick(hot)
        : random.pick(recommendations);
  const writer = draw.signer(CTED, ADMIN);
  const common = { signer: writer.signer, mayRefuse: [...VERSIONED, ...writer.mayRefuse] };
  if (kind === 'delete') {
    return {
      ...common,
      kind: 'deleteRecommendation',
      query: `mutation ($id: ID!, $expectedVersion: Int!) { deleteRecommendation(id: $id, expectedVersion: $expectedVersion) }`,
      variables: { id: r.id },
      version: draw.versioned('assessments.recommendation', r.id, 'args'),
    };
  }
  const changes =
    kind === 'priority'
      ? { priority: random.pick(Object.values(Priority).filter((p) => p !== r.priority)) }
      : { technicalAssistanceNeeded: !r.technicalAssistanceNeeded };
  return {
    ...common,
    kind: `updateRecommendation(${kind === 'priority' ? 'priority' : 'technicalAssistanceNeeded'})`,
    query: `mutation ($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { id version } }`,
    variables: { input: { id: r.id, ...changes } },
    version: draw.versioned('assessments.recommendation', r.id, 'input'),
  };
}

export const RECORD_OPS: Record<string, OpKind> = {
  recordContribution: { weight: 6, build: (d) => recordContribution(d) },
  'updateContribution(amount)': { weight: 3, build: (d) => changeContribution(d, 'amount') },
  'updateContribution(status)': { weight: 2, build: (d) => changeContribution(d, 'status') },
  deleteContribution: { weight: 3, build: (d) => changeContribution(d, 'delete') },
  'updateAssessment(confidentiality)': { weight: 4, build: updateConfidentiality },
  'updateRecommendation(priority)': {
    weight: 3,
    build: (d) => changeRecommendation(d, 'priority'),
  },
  'updateRecommendation(technicalAssistanceNeeded)': {
    weight: 3,
    build: (d) => changeRecommendation(d, 'assistance'),
  },
  deleteRecommendation: { weight: 2, build: (d) => changeRecommendation(d, 'delete') },
  addRecommendation: { weight: 3, build: addRecommendation },
};
