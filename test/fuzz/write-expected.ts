import type { ProjectRow } from '../../subgraphs/shared/src/dataset/rows';
import type { Priority, Region } from '../../subgraphs/shared/src/vocabulary';
import { accessRules, type Caller } from '../helpers/access';
import { fundedCents } from '../helpers/expected-funding';
import {
  expectedCoverageSummary,
  expectedFundingSummary,
  readableFor,
  regionOf,
  unaddressedAcross,
  type CoverageGroupBy,
  type FundingGroupBy,
} from '../helpers/expected-overview';
import { atLeastZero, cents, sumCents, usd } from '../helpers/money';
import { byProjectCode, seed } from '../helpers/seed';

/**
 * The derived figures the write fuzzer checks, computed from the model (installed with
 * `useDataset`) by the seed's expected-value helpers and the access table, never by the graph.
 * Each figure is an object keyed by what it is about (a group's key, an id, an ISO3 code), so
 * that a difference names its place; the answers are shaped alike by ./write-checks.ts.
 */

export type Figures = Record<string, unknown>;

export const COVERAGE_GROUPINGS: CoverageGroupBy[] = [
  'MEMBER_STATE',
  'REGION',
  'THEMATIC_AREA',
  'PRIORITY',
];
export const FUNDING_GROUPINGS: FundingGroupBy[] = [
  'REGION',
  'MEMBER_STATE',
  'THEMATIC_AREA',
  'LEAD_ENTITY',
  'DONOR',
  'APPEAL',
];

/** The arguments a check draws afresh for each batch, beside the figures it always asks. */
export interface Probe {
  groupBy: CoverageGroupBy;
  /** `RecommendationFilter` of the overview: coverageSummary and unaddressedRecommendations. */
  needs: { region?: Region[]; priority?: Priority[]; technicalAssistanceNeeded?: boolean };
  /** Arguments of `Assessment.coverage` and `MemberState.unaddressedRecommendations`. */
  need: { priority?: Priority; technicalAssistanceNeeded?: boolean };
  /** The region whose states' own figures are asked (all 193 at once cost a check as much). */
  statesOf: Region;
  fundingGroupBy: FundingGroupBy;
  /** `ProjectFilter` of fundingSummary. */
  projects: { region?: Region[]; partnerEntity?: string[]; donor?: string[] };
}

const amount = (value: bigint) => usd(value).amount;
const keyed = <T extends { key: string }>(groups: T[]) =>
  Object.fromEntries(groups.map(({ key, ...rest }) => [key, rest]));
const onePriority = (need: Probe['need']) => ({
  priority: need.priority && [need.priority],
  technicalAssistanceNeeded: need.technicalAssistanceNeeded,
});

/** The entries that are not empty (no ids, a count of zero): answers are shaped alike. */
function nonEmpty<T>(entries: [string, T[] | number][]): Record<string, T[] | number> {
  return Object.fromEntries(entries.filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== 0)));
}

/** `Assessment.coverage(need)` of every assessment the caller has listed, with its list. */
function coverageByAssessment(caller: Caller, need: Probe['need']) {
  const s = seed();
  const rules = accessRules(s.data, caller);
  const filter = onePriority(need);
  return Object.fromEntries(
    s.data.assessments.assessments.filter(rules.listed).map((a) => {
      const considered = rules.readable(a)
        ? s.data.assessments.recommendations.filter(
            (r) =>
              r.assessmentId === a.id &&
              (!filter.priority || filter.priority.includes(r.priority)) &&
              (filter.technicalAssistanceNeeded === undefined ||
                r.technicalAssistanceNeeded === filter.technicalAssistanceNeeded),
          )
        : [];
      const unaddressed = considered
        .filter((r) => !s.isAddressed(r.id))
        .sort((x, y) => x.number - y.number)
        .map((r) => r.id);
      return [
        a.id,
        {
          recommendations: considered.length,
          addressed: considered.length - unaddressed.length,
          unaddressed: unaddressed.length,
          unaddressedRecommendations: unaddressed,
        },
      ];
    }),
  );
}

/** `MemberState.unaddressedRecommendations(first: 100, need)`, per state that has any. */
function unaddressedByState(caller: Caller, need: Probe['need'], region: Region) {
  const s = seed();
  const byState = new Map<string, string[]>();
  for (const id of unaddressedAcross(caller, { ...onePriority(need), region: [region] })) {
    const iso3 = s.assessment(s.recommendation(id).assessmentId).memberStateIso3;
    byState.set(iso3, [...(byState.get(iso3) ?? []), id]);
  }
  return nonEmpty([...byState].map(([iso3, ids]) => [iso3, ids.slice(0, 100)]));
}

/** Every figure that depends on who asks, as `caller` should see it. */
export function expectedFor(caller: Caller, probe: Probe): Figures {
  const s = seed();
  const rules = accessRules(s.data, caller);
  const summary = (groupBy: CoverageGroupBy, filter = {}) =>
    keyed(expectedCoverageSummary(caller, groupBy, filter));
  const unaddressed = (filter = {}) => {
    const ids = unaddressedAcross(caller, filter);
    return { totalCount: ids.length, ids };
  };
  const { projects } = s.data.funding;
  return {
    ...Object.fromEntries(COVERAGE_GROUPINGS.map((g) => [`coverageSummary(${g})`, summary(g)])),
    [`coverageSummary(${probe.groupBy}, filter)`]: summary(probe.groupBy, probe.needs),
    unaddressedRecommendations: unaddressed(),
    'unaddressedRecommendations(filter)': unaddressed(probe.needs),
    'recommendations.totalCount': readableFor(caller).length,
    'assessments.totalCount': s.data.assessments.assessments.filter(rules.listed).length,
    'projects.totalCount': projects.length,
    'Assessment.coverage': coverageByAssessment(caller, {}),
    'Assessment.coverage(need)': coverageByAssessment(caller, probe.need),
    'MemberState.unaddressedRecommendations': unaddressedByState(caller, {}, probe.statesOf),
    'MemberState.unaddressedRecommendations(need)': unaddressedByState(
      caller,
      probe.need,
      probe.statesOf,
    ),
    'MemberState.projects.totalCount': nonEmpty(
      [...new Set(projects.flatMap((p) => p.beneficiaryStateIso3s))]
        .filter((iso3) => regionOf.get(iso3) === probe.statesOf)
        .map((iso3) => [
          iso3,
          projects.filter((p) => p.beneficiaryStateIso3s.includes(iso3)).length,
        ]),
    ),
  };
}

/** `Recommendation.addressedBy` of every recommendation (any project status), by code. */
export function expectedAddressedBy(): Figures {
  const s = seed();
  return {
    'Recommendation.addressedBy': nonEmpty(
      s.data.assessments.recommendations.map((r) => [
        r.id,
        s.projectsAddressing(r.id).map((p) => p.code),
      ]),
    ),
  };
}

/** Whether a project matches the overview's `ProjectFilter`, as DESIGN.md words it. */
function matchesProjects(filter: Probe['projects']) {
  const { contributions } = seed().data.funding;
  return (p: ProjectRow) =>
    (!filter.region ||
      p.beneficiaryStateIso3s.some((iso3) => filter.region!.includes(regionOf.get(iso3)!))) &&
    (!filter.partnerEntity ||
      p.partnerEntityAcronyms.some((e) => filter.partnerEntity!.includes(e))) &&
    (!filter.donor ||
      contributions.some((c) => c.projectId === p.id && filter.donor!.includes(c.donorId)));
}

/** Funding's figures, the same for every caller. */
export function expectedFunding(probe: Probe): Figures {
  const s = seed();
  const { projects, appeals, donors, contributions } = s.data.funding;
  const summary = (groupBy: FundingGroupBy, matches?: (p: ProjectRow) => boolean) =>
    Object.fromEntries(
      expectedFundingSummary(groupBy, matches).map((g) => [
        g.key,
        {
          label: g.label,
          projects: g.projects,
          budget: g.budget.amount,
          funded: g.funded.amount,
          gap: g.gap.amount,
        },
      ]),
    );
  return {
    Appeal: Object.fromEntries(
      appeals.map((a) => {
        const funded = projects
          .filter((p) => p.appealId === a.id)
          .reduce((sum, p) => sum + fundedCents(p), 0n);
        const requested = cents(a.requested);
        const figures = { requested: amount(requested), funded: amount(funded) };
        return [a.id, { ...figures, gap: amount(atLeastZero(requested - funded)) }];
      }),
    ),
    Project: Object.fromEntries(
      [...projects].sort(byProjectCode).map((p) => {
        const funded = fundedCents(p);
        const gap = atLeastZero(cents(p.budget) - funded);
        return [p.id, { funded: amount(funded), fundingGap: amount(gap) }];
      }),
    ),
    'Donor.totalContributed': Object.fromEntries(
      donors.map((d) => [
        d.id,
        amount(sumCents(contributions.filter((c) => c.donorId === d.id).map((c) => c.amount))),
      ]),
    ),
    ...Object.fromEntries(FUNDING_GROUPINGS.map((g) => [`fundingSummary(${g})`, summary(g)])),
    [`fundingSummary(${probe.fundingGroupBy}, filter)`]: summary(
      probe.fundingGroupBy,
      matchesProjects(probe.projects),
    ),
  };
}
