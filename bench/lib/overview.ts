import { unaddressedOf } from '../../test/helpers/expected';
import { isReadable, seed } from '../../test/helpers/seed';
import type { Region } from '../../subgraphs/shared/src/vocabulary';

/**
 * Every state of a region (all of them without one) with three figures that each come from
 * another subgraph: the one list that asks all three subgraphs about every state at once.
 */
export const OVERVIEW = `query Overview($region: Region) {
  memberStates(region: $region) {
    iso3
    projects { totalCount }
    recommendations { totalCount }
    unaddressedRecommendations { id }
  }
}`;

/**
 * The overview's answer for an anonymous caller, from the seed rows: states by ISO3 code;
 * projects that benefit each, whatever their status; the recommendations of its PUBLIC
 * assessments; and of those, the ones no live project addresses, in the order the funding
 * subgraph lists them (assessments newest first, then recommendation number).
 */
export function expectedOverview(region?: Region) {
  const s = seed();
  const { projects } = s.data.funding;
  const readable = new Map<string, number>();
  for (const r of s.data.assessments.recommendations) {
    const iso3 = s.assessment(r.assessmentId).memberStateIso3;
    if (isReadable(r)) readable.set(iso3, (readable.get(iso3) ?? 0) + 1);
  }
  const states = s.data.membership.memberStates
    .filter((state) => !region || state.region === region)
    .map((state) => state.iso3)
    .sort();
  return {
    memberStates: states.map((iso3) => ({
      iso3,
      projects: {
        totalCount: projects.filter((p) => p.beneficiaryStateIso3s.includes(iso3)).length,
      },
      recommendations: { totalCount: readable.get(iso3) ?? 0 },
      unaddressedRecommendations: unaddressedOf(iso3, {}).map((r) => ({ id: r.id })),
    })),
  };
}
