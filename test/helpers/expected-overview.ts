import statesJson from '../../subgraphs/shared/data/member-states.json';
import type { ProjectRow, RecommendationRow } from '../../subgraphs/shared/src/dataset/rows';
import { Priority, Region } from '../../subgraphs/shared/src/vocabulary';
import { accessRules, type Caller } from './access';
import { atLeastZero, sumCents, usd } from './money';
import { assessmentOrder, compareText, seed } from './seed';

/**
 * The overview's answers (DESIGN.md, "The overview"), computed from the seed rows and the access
 * table, never from a gateway: what the e2e tests and the benchmark expect.
 */

export const ANONYMOUS: Caller = { name: 'anonymous', roles: null };

export const regionOf = new Map(statesJson.map((state) => [state.iso3, state.region as Region]));
const stateNameOf = new Map(statesJson.map((state) => [state.iso3, state.name]));
const regionLabel = (region: string) => region[0] + region.slice(1).toLowerCase();
const REGION_ORDER: string[] = Object.values(Region);
const PRIORITY_ORDER: string[] = [Priority.HIGH, Priority.MEDIUM, Priority.LOW];

const stateOfRecommendation = (r: RecommendationRow) =>
  seed().assessment(r.assessmentId).memberStateIso3;

/** The recommendations a caller may read, newest assessment first, then by number. */
export function readableFor(caller: Caller): RecommendationRow[] {
  const s = seed();
  const rules = accessRules(s.data, caller);
  return s.data.assessments.recommendations
    .filter((r) => rules.readableRecommendation(r))
    .sort(
      (a, b) =>
        assessmentOrder(s.assessment(a.assessmentId), s.assessment(b.assessmentId)) ||
        a.number - b.number,
    );
}

/** What a RecommendationFilter of the overview asks for, as the tests and bench use it. */
export interface NeedsFilter {
  region?: Region[];
  priority?: Priority[];
  technicalAssistanceNeeded?: boolean;
}

const matchesNeeds = (filter: NeedsFilter) => (r: RecommendationRow) =>
  (!filter.region || filter.region.includes(regionOf.get(stateOfRecommendation(r))!)) &&
  (!filter.priority || filter.priority.includes(r.priority)) &&
  (filter.technicalAssistanceNeeded === undefined ||
    r.technicalAssistanceNeeded === filter.technicalAssistanceNeeded);

/** `Query.unaddressedRecommendations(filter)`: every id, in order. */
export function unaddressedAcross(caller: Caller, filter: NeedsFilter = {}): string[] {
  const s = seed();
  return readableFor(caller)
    .filter((r) => matchesNeeds(filter)(r) && !s.isAddressed(r.id))
    .map((r) => r.id);
}

export type CoverageGroupBy = 'MEMBER_STATE' | 'REGION' | 'THEMATIC_AREA' | 'PRIORITY';

/** `Query.coverageSummary(groupBy, filter)` for a caller. */
export function expectedCoverageSummary(
  caller: Caller,
  groupBy: CoverageGroupBy,
  filter: NeedsFilter = {},
) {
  const s = seed();
  const keyOf: Record<CoverageGroupBy, (r: RecommendationRow) => string> = {
    MEMBER_STATE: stateOfRecommendation,
    REGION: (r) => regionOf.get(stateOfRecommendation(r))!,
    THEMATIC_AREA: (r) => r.thematicAreaCode,
    PRIORITY: (r) => r.priority,
  };
  const labelOf: Record<CoverageGroupBy, (key: string) => string> = {
    MEMBER_STATE: (key) => stateNameOf.get(key)!,
    REGION: regionLabel,
    THEMATIC_AREA: (key) => s.thematicArea(key).name,
    PRIORITY: regionLabel,
  };
  const order: Record<CoverageGroupBy, (a: string, b: string) => number> = {
    MEMBER_STATE: compareText,
    THEMATIC_AREA: compareText,
    REGION: (a, b) => REGION_ORDER.indexOf(a) - REGION_ORDER.indexOf(b),
    PRIORITY: (a, b) => PRIORITY_ORDER.indexOf(a) - PRIORITY_ORDER.indexOf(b),
  };
  const groups = new Map<string, { recommendations: number; addressed: number }>();
  for (const r of readableFor(caller).filter(matchesNeeds(filter))) {
    const key = keyOf[groupBy](r);
    const group = groups.get(key) ?? { recommendations: 0, addressed: 0 };
    group.recommendations += 1;
    if (s.isAddressed(r.id)) group.addressed += 1;
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => order[groupBy](a, b))
    .map(([key, g]) => ({
      key,
      label: labelOf[groupBy](key),
      recommendations: g.recommendations,
      addressed: g.addressed,
      unaddressed: g.recommendations - g.addressed,
    }));
}

export type FundingGroupBy =
  'REGION' | 'MEMBER_STATE' | 'THEMATIC_AREA' | 'LEAD_ENTITY' | 'DONOR' | 'APPEAL';

/** `Query.fundingSummary(groupBy)` over the projects `matches` keeps; every caller sees the same. */
export function expectedFundingSummary(
  groupBy: FundingGroupBy,
  matches: (p: ProjectRow) => boolean = () => true,
) {
  const s = seed();
  const { projects, contributions, appeals, donors } = s.data.funding;
  const contributionsOf = new Map<string, typeof contributions>();
  for (const c of contributions) {
    if (c.projectId)
      contributionsOf.set(c.projectId, [...(contributionsOf.get(c.projectId) ?? []), c]);
  }
  const fundedOf = (p: ProjectRow, donor?: string) =>
    sumCents(
      (contributionsOf.get(p.id) ?? [])
        .filter((c) => !donor || c.donorId === donor)
        .map((c) => c.amount),
    );
  const keysOf: Record<FundingGroupBy, (p: ProjectRow) => string[]> = {
    REGION: (p) => p.beneficiaryStateIso3s.map((iso3) => regionOf.get(iso3)!),
    MEMBER_STATE: (p) => p.beneficiaryStateIso3s,
    THEMATIC_AREA: (p) => p.thematicAreaCodes,
    LEAD_ENTITY: (p) => [p.leadEntityAcronym],
    DONOR: (p) => (contributionsOf.get(p.id) ?? []).map((c) => c.donorId),
    APPEAL: (p) => (p.appealId ? [p.appealId] : []),
  };
  const labelOf: Record<FundingGroupBy, (key: string) => string> = {
    REGION: regionLabel,
    MEMBER_STATE: (key) => stateNameOf.get(key)!,
    THEMATIC_AREA: (key) => s.thematicArea(key).name,
    LEAD_ENTITY: (key) => s.entity(key).name,
    DONOR: (key) => donors.find((d) => d.id === key)!.name,
    APPEAL: (key) => appeals.find((a) => a.id === key)!.title,
  };
  const groups = new Map<string, ProjectRow[]>();
  for (const p of projects.filter(matches)) {
    for (const key of new Set(keysOf[groupBy](p))) {
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
  }
  return [...groups]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, rows]) => ({
      key,
      label: labelOf[groupBy](key),
      projects: rows.length,
      budget: usd(sumCents(rows.map((p) => p.budget))),
      funded: usd(
        rows.reduce((sum, p) => sum + fundedOf(p, groupBy === 'DONOR' ? key : undefined), 0n),
      ),
      gap: usd(rows.reduce((sum, p) => sum + atLeastZero(sumCents([p.budget]) - fundedOf(p)), 0n)),
    }));
}
