import statesJson from '../../subgraphs/shared/data/member-states.json';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import type {
  AssessmentRow,
  ContributionRow,
  Dataset,
  DonorRow,
  EntityRow,
  ProjectRow,
  RecommendationRow,
  ThematicAreaRow,
} from '../../subgraphs/shared/src/dataset/rows';
import { Confidentiality, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';

/**
 * The rows the test database is seeded with (`buildDataset()`, scale 1 unless `useSeedScale`
 * says otherwise), indexed, and the rules
 * an anonymous caller sees them by, written from DESIGN.md rather than from the subgraphs' code.
 */
export interface Seed {
  data: Dataset;
  assessment(id: string): AssessmentRow;
  recommendation(id: string): RecommendationRow;
  project(id: string): ProjectRow;
  entity(acronym: string): EntityRow;
  thematicArea(code: string): ThematicAreaRow;
  donor(id: string): DonorRow;
  state(iso3: string): (typeof statesJson)[number];
  /** Listed assessments of a state, newest first: what `MemberState.assessments` returns. */
  assessmentsOf(iso3: string): AssessmentRow[];
  /** `Assessment.recommendations`: readable ones only, by number. */
  recommendationsOf(assessment: AssessmentRow): RecommendationRow[];
  /** Projects that list the assessment, by code. */
  projectsUsing(assessmentId: string): ProjectRow[];
  /** Projects that list the recommendation, whatever their status, by code. */
  projectsAddressing(recommendationId: string): ProjectRow[];
  /** Whether a project that is not cancelled addresses the recommendation. */
  isAddressed(recommendationId: string): boolean;
  contributionsTo(projectId: string): ContributionRow[];
}

/** Plain code-unit order, which is how ids, codes, acronyms and ISO3 codes compare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey<T>(key: (row: T) => string) {
  return (a: T, b: T) => compareText(key(a), key(b));
}

/** startedOn descending, then id descending. */
export function assessmentOrder(a: AssessmentRow, b: AssessmentRow): number {
  return (
    compareText(b.startedOn, a.startedOn) || compareText(b.id.toLowerCase(), a.id.toLowerCase())
  );
}

/** pledgedOn descending, then id descending. */
export function contributionOrder(a: ContributionRow, b: ContributionRow): number {
  return (
    compareText(b.pledgedOn, a.pledgedOn) || compareText(b.id.toLowerCase(), a.id.toLowerCase())
  );
}

export const byProjectCode = byKey<ProjectRow>((p) => p.code);
export const byId = byKey<{ id: string }>((row) => row.id.toLowerCase());

export function isListed(assessment: AssessmentRow): boolean {
  return assessment.confidentiality !== Confidentiality.CONFIDENTIAL;
}

export function contentsReadable(assessment: AssessmentRow): boolean {
  return assessment.confidentiality === Confidentiality.PUBLIC;
}

const memo = new Map<number, Seed>();
let scale = 1;

/** Which data set `seed()` describes: the tests use ×1; the benchmark also ×10 and ×100. */
export function useSeedScale(value: number): void {
  scale = value;
}

let described: Seed | undefined;

/**
 * Makes `seed()`, and every expected-value helper through it, describe `data` instead of the
 * data set the database was seeded with (the write fuzzer's model of the rows); none: the seed.
 */
export function useDataset(data: Dataset | undefined): void {
  described = data && indexSeed(data);
}

export function seed(): Seed {
  if (described) return described;
  let indexed = memo.get(scale);
  if (!indexed) {
    indexed = indexSeed(buildDataset({ scale }));
    memo.set(scale, indexed);
  }
  return indexed;
}

function lookup<T>(rows: readonly T[], key: (row: T) => string, kind: string) {
  const map = new Map(rows.map((row) => [key(row), row]));
  return (value: string): T => {
    const row = map.get(value);
    if (!row) throw new Error(`No ${kind} ${value} in the seed`);
    return row;
  };
}

function indexSeed(data: Dataset): Seed {
  const { assessments, recommendations } = data.assessments;
  const { projects, contributions } = data.funding;
  const assessment = lookup(assessments, (a) => a.id, 'assessment');
  const live = projects.filter((p) => p.status !== ProjectStatus.CANCELLED);
  return {
    data,
    assessment,
    recommendation: lookup(recommendations, (r) => r.id, 'recommendation'),
    project: lookup(projects, (p) => p.id, 'project'),
    entity: lookup(data.membership.entities, (e) => e.acronym, 'entity'),
    thematicArea: lookup(data.assessments.thematicAreas, (t) => t.code, 'thematic area'),
    donor: lookup(data.funding.donors, (d) => d.id, 'donor'),
    state: lookup(statesJson, (s) => s.iso3, 'Member State in member-states.json'),
    assessmentsOf: (iso3) =>
      assessments.filter((a) => a.memberStateIso3 === iso3 && isListed(a)).sort(assessmentOrder),
    recommendationsOf: (a) =>
      contentsReadable(a)
        ? recommendations.filter((r) => r.assessmentId === a.id).sort((x, y) => x.number - y.number)
        : [],
    projectsUsing: (id) => projects.filter((p) => p.assessmentIds.includes(id)).sort(byProjectCode),
    projectsAddressing: (id) =>
      projects.filter((p) => p.recommendationIds.includes(id)).sort(byProjectCode),
    isAddressed: (id) => live.some((p) => p.recommendationIds.includes(id)),
    contributionsTo: (id) =>
      contributions.filter((c) => c.projectId === id).sort(contributionOrder),
  };
}

/** Whether an anonymous caller may read a recommendation: its assessment is PUBLIC. */
export function isReadable(recommendation: RecommendationRow): boolean {
  return contentsReadable(seed().assessment(recommendation.assessmentId));
}
