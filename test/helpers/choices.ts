import { Priority, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import type { AssessmentFilter } from './expected';
import { compareText, contentsReadable, isListed, seed } from './seed';

/**
 * Variables for the example operations, picked from the seed by what makes an answer worth
 * checking, so the tests keep asking good questions when the sample data changes. Each list is
 * richest first, ties by key; preferred keys (named in DESIGN.md's examples) come first.
 */

function pick<T>(
  rows: readonly T[],
  key: (row: T) => string,
  score: (row: T) => number,
  limit: number,
  preferred: string[] = [],
) {
  const rank = (row: T) => {
    const at = preferred.indexOf(key(row));
    return at === -1 ? preferred.length : at;
  };
  return rows
    .filter((row) => score(row) > 0)
    .sort((a, b) => rank(a) - rank(b) || score(b) - score(a) || compareText(key(a), key(b)))
    .slice(0, limit)
    .map(key);
}

const states = () => [
  ...new Set(seed().data.assessments.assessments.map((a) => a.memberStateIso3)),
];

/** The readable HIGH-priority recommendations needing technical assistance of a state. */
function urgentNeedsOf(iso3: string) {
  const s = seed();
  return s
    .assessmentsOf(iso3)
    .flatMap((a) => s.recommendationsOf(a))
    .filter((r) => r.priority === Priority.HIGH && r.technicalAssistanceNeeded);
}

/** States with urgent needs, those where projects address some but not all of them first. */
export function statesWithUrgentNeeds(limit = 3): string[] {
  const s = seed();
  return pick(
    states(),
    (iso3) => iso3,
    (iso3) => {
      const needs = urgentNeedsOf(iso3);
      const addressed = needs.filter((r) => s.isAddressed(r.id)).length;
      return (addressed > 0 && addressed < needs.length ? 100 : 0) + needs.length;
    },
    limit,
  );
}

/** States with an assessment whose contents, or existence, an anonymous caller may not see. */
export function statesWithWithheldAssessments(limit = 3): string[] {
  const rows = seed().data.assessments.assessments;
  return pick(
    states(),
    (iso3) => iso3,
    (iso3) => {
      const own = rows.filter((a) => a.memberStateIso3 === iso3);
      const hidden = own.filter((a) => !isListed(a)).length;
      const withheld = own.filter((a) => isListed(a) && !contentsReadable(a)).length;
      return (
        (hidden > 0 ? 10 : 0) +
        (withheld > 0 ? 10 : 0) +
        (hidden > 0 && own.length > hidden ? 5 : 0)
      );
    },
    limit,
  );
}

/** Entities in working groups that lead projects and take part in others. */
export function entitiesThatLeadAndPartner(limit = 3): string[] {
  const { projects } = seed().data.funding;
  const { entities, workingGroupMemberships } = seed().data.membership;
  return pick(
    entities,
    (e) => e.acronym,
    (e) => {
      const led = projects.filter((p) => p.leadEntityAcronym === e.acronym).length;
      const partnered = projects.filter((p) => p.partnerEntityAcronyms.includes(e.acronym)).length;
      const grouped = workingGroupMemberships.some((m) => m.entityId === e.id);
      return grouped && led > 0 && partnered > 0 ? led + partnered : 0;
    },
    limit,
    ['UNODC', 'UNOCT'],
  );
}

/** Donors with several project contributions whose projects address recommendations. */
export function donorsFundingNeeds(limit = 3): string[] {
  const s = seed();
  return pick(
    s.data.funding.donors,
    (d) => d.id,
    (d) => {
      const funded = s.data.funding.contributions
        .filter((c) => c.donorId === d.id && c.projectId)
        .map((c) => s.project(c.projectId!));
      return funded.length > 1 && funded.some((p) => p.recommendationIds.length > 0)
        ? funded.length
        : 0;
    },
    limit,
  );
}

/** Thematic areas with projects and recommendations, one with a cancelled project first. */
export function thematicAreasWithProjects(limit = 3): string[] {
  const { projects } = seed().data.funding;
  const { thematicAreas, recommendations } = seed().data.assessments;
  return pick(
    thematicAreas,
    (t) => t.code,
    (t) => {
      const own = projects.filter((p) => p.thematicAreaCodes.includes(t.code));
      const needs = recommendations.filter((r) => r.thematicAreaCode === t.code).length;
      if (own.length === 0 || needs === 0) return 0;
      return (own.some((p) => p.status === ProjectStatus.CANCELLED) ? 1000 : 0) + own.length;
    },
    limit,
  );
}

/** Projects that use assessments or address recommendations an anonymous caller may not see. */
export function revealingProjects(limit = 3): string[] {
  const s = seed();
  return pick(
    s.data.funding.projects,
    (p) => p.code,
    (p) => {
      const hidden = p.assessmentIds.filter((id) => !isListed(s.assessment(id))).length;
      const unreadable = p.recommendationIds.filter(
        (id) => !contentsReadable(s.assessment(s.recommendation(id).assessmentId)),
      ).length;
      const given = s.contributionsTo(p.id).length;
      return (
        (hidden > 0 ? 100 : 0) +
        (unreadable > 0 ? 100 : 0) +
        (p.partnerEntityAcronyms.length > 1 ? 10 : 0) +
        given
      );
    },
    limit,
  );
}

/** Assessed states that are also donors, so a lookup crosses all three subgraphs. */
export function assessedDonorStates(limit = 2): string[] {
  const s = seed();
  const donors = new Set(s.data.funding.donors.map((d) => d.memberStateIso3));
  return pick(
    states(),
    (iso3) => iso3,
    (iso3) => (donors.has(iso3) ? s.assessmentsOf(iso3).length : 0),
    limit,
  );
}

/** Variables of question 1: default page, every assessment, and two filters. */
export function assessmentListVariables(): [
  string,
  { first?: number; filter?: AssessmentFilter },
][] {
  return [
    ['the default page', {}],
    ['every assessment', { first: 100 }],
    [
      'a filter by years, type and thematic area',
      {
        first: 5,
        filter: {
          yearFrom: 2015,
          yearTo: 2023,
          type: ['ASSESSMENT_VISIT', 'FOLLOW_UP_VISIT'],
          thematicArea: ['FTF', 'CFT', 'BORDER_MANAGEMENT'],
        },
      },
    ],
    [
      'a filter by Member State',
      {
        filter: { memberState: [...statesWithUrgentNeeds(2), ...statesWithWithheldAssessments(2)] },
      },
    ],
  ];
}
