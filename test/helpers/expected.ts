import type {
  AssessmentRow,
  ProjectRow,
  RecommendationRow,
} from '../../subgraphs/shared/src/dataset/rows';
import { Priority } from '../../subgraphs/shared/src/vocabulary';
import { firstPage, firstPageInfo } from './connection';
import {
  assessmentOrder,
  byId,
  byProjectCode,
  compareText,
  contentsReadable,
  isListed,
  isReadable,
  seed,
} from './seed';

export { expectedDonorTrail, expectedThematicArea } from './expected-funding';

/**
 * The answers of the five example operations (gateway/operations) for an anonymous caller,
 * computed from the seed rows alone: the oracle the end-to-end tests hold the graph to.
 */

export interface AssessmentFilter {
  memberState?: string[];
  yearFrom?: number;
  yearTo?: number;
  type?: string[];
  status?: string[];
  thematicArea?: string[];
  confidentiality?: string[];
}

export interface NeedFilter {
  priority?: Priority;
  technicalAssistanceNeeded?: boolean;
}

function matchesAssessment(a: AssessmentRow, f: AssessmentFilter): boolean {
  const year = Number(a.startedOn.slice(0, 4));
  return (
    (!f.memberState?.length || f.memberState.includes(a.memberStateIso3)) &&
    (f.yearFrom === undefined || year >= f.yearFrom) &&
    (f.yearTo === undefined || year <= f.yearTo) &&
    (!f.type?.length || f.type.includes(a.type)) &&
    (!f.status?.length || f.status.includes(a.status)) &&
    (!f.thematicArea?.length || a.thematicAreaCodes.some((c) => f.thematicArea!.includes(c))) &&
    (!f.confidentiality?.length || f.confidentiality.includes(a.confidentiality))
  );
}

function matchesNeed(r: RecommendationRow, f: NeedFilter): boolean {
  return (
    (f.priority === undefined || r.priority === f.priority) &&
    (f.technicalAssistanceNeeded === undefined ||
      r.technicalAssistanceNeeded === f.technicalAssistanceNeeded)
  );
}

const leadOf = (p: ProjectRow) => ({
  acronym: p.leadEntityAcronym,
  name: seed().entity(p.leadEntityAcronym).name,
});

/** Question 1, every assessment the filter selects (all pages), in list order. */
export function projectsByAssessmentNodes(filter: AssessmentFilter = {}) {
  const s = seed();
  return s.data.assessments.assessments
    .filter((a) => isListed(a) && matchesAssessment(a, filter))
    .sort(assessmentOrder)
    .map((a) => ({
      id: a.id,
      type: a.type,
      startedOn: a.startedOn,
      memberState: { iso3: a.memberStateIso3, name: s.state(a.memberStateIso3).name },
      projects: s.projectsUsing(a.id).map((p) => ({
        code: p.code,
        title: p.title,
        status: p.status,
        leadEntity: leadOf(p),
      })),
    }));
}

/** Question 1: `ProjectsByAssessment(first, filter)`, first page. */
export function expectedProjectsByAssessment({
  first = 20,
  filter = {},
}: { first?: number; filter?: AssessmentFilter } = {}) {
  const nodes = projectsByAssessmentNodes(filter);
  return { assessments: { ...firstPage(nodes, first), pageInfo: firstPageInfo(nodes, first) } };
}

/** `Assessment.coverage(filter)` over its readable recommendations. */
function coverageOf(a: AssessmentRow, filter: NeedFilter) {
  const s = seed();
  const considered = s.recommendationsOf(a).filter((r) => matchesNeed(r, filter));
  const addressed = considered.filter((r) => s.isAddressed(r.id)).length;
  return {
    recommendations: considered.length,
    addressed,
    unaddressed: considered.length - addressed,
  };
}

/** `MemberState.unaddressedRecommendations(filter)`: by assessment order, then number. */
export function unaddressedOf(iso3: string, filter: NeedFilter): RecommendationRow[] {
  const s = seed();
  return s
    .assessmentsOf(iso3)
    .flatMap((a) => s.recommendationsOf(a))
    .filter((r) => matchesNeed(r, filter) && !s.isAddressed(r.id));
}

/** Question 2: `StateNeeds(iso3)`. */
export function expectedStateNeeds(iso3: string) {
  const s = seed();
  const state = s.state(iso3);
  const need: NeedFilter = { priority: Priority.HIGH, technicalAssistanceNeeded: true };
  const area = (code: string) => ({ code, name: s.thematicArea(code).name });
  const recommendations = s.data.assessments.recommendations
    .filter(
      (r) =>
        s.assessment(r.assessmentId).memberStateIso3 === iso3 &&
        isReadable(r) &&
        matchesNeed(r, need),
    )
    .sort(byId)
    .map((r) => ({
      id: r.id,
      text: r.text,
      thematicArea: area(r.thematicAreaCode),
      addressedBy: s.projectsAddressing(r.id).map((p) => ({
        code: p.code,
        title: p.title,
        leadEntity: { acronym: p.leadEntityAcronym },
      })),
    }));
  return {
    memberState: {
      iso3: state.iso3,
      name: state.name,
      region: state.region,
      assessments: s.assessmentsOf(iso3).map((a) => ({
        id: a.id,
        type: a.type,
        startedOn: a.startedOn,
        status: a.status,
        confidentiality: a.confidentiality,
        contentsWithheld: !contentsReadable(a),
        coverage: coverageOf(a, need),
      })),
      recommendations: firstPage(recommendations, 100),
      unaddressedRecommendations: unaddressedOf(iso3, need).map((r) => ({
        id: r.id,
        text: r.text,
        thematicArea: { code: r.thematicAreaCode },
      })),
    },
  };
}

/** `MemberState.latestAssessment`: the first the caller may see, newest first; null if none. */
export function latestAssessmentOf(iso3: string) {
  const latest = seed().assessmentsOf(iso3)[0];
  return latest ? { id: latest.id, type: latest.type, startedOn: latest.startedOn } : null;
}

function projectReach(p: ProjectRow) {
  return {
    code: p.code,
    title: p.title,
    status: p.status,
    beneficiaryStates: [...p.beneficiaryStateIso3s].sort(compareText).map((iso3) => ({
      iso3,
      name: seed().state(iso3).name,
      latestAssessment: latestAssessmentOf(iso3),
    })),
  };
}

/** `Entity.workingGroups`: the groups it has a place in, by name. */
export function workingGroupsOf(acronym: string) {
  const s = seed();
  const entity = s.entity(acronym);
  const { workingGroups, workingGroupMemberships } = s.data.membership;
  const groupIds = new Set(
    workingGroupMemberships.filter((m) => m.entityId === entity.id).map((m) => m.workingGroupId),
  );
  return workingGroups
    .filter((g) => groupIds.has(g.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g) => ({ name: g.name, shortName: g.shortName }));
}

/** Projects an entity leads and those it joins as a partner, by code. */
export function projectsOf(acronym: string) {
  const projects = [...seed().data.funding.projects].sort(byProjectCode);
  return {
    led: projects.filter((p) => p.leadEntityAcronym === acronym),
    partnered: projects.filter((p) => p.partnerEntityAcronyms.includes(acronym)),
  };
}

/** Question 3: `EntityFootprint(acronym)`. */
export function expectedEntityFootprint(acronym: string) {
  const entity = seed().entity(acronym);
  const { led, partnered } = projectsOf(acronym);
  return {
    entity: {
      acronym: entity.acronym,
      name: entity.name,
      kind: entity.kind,
      workingGroups: workingGroupsOf(acronym),
      projectsLed: firstPage(led.map(projectReach), 100),
      projectsAsPartner: firstPage(partnered.map(projectReach), 100),
    },
  };
}
