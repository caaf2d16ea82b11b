import { isDeepStrictEqual } from 'node:util';
import { Random } from '../../subgraphs/shared/src/dataset/random';
import { expectedDonorTrail, expectedThematicArea } from '../../test/helpers/expected-funding';
import {
  expectedEntityFootprint,
  expectedProjectsByAssessment,
  expectedStateNeeds,
} from '../../test/helpers/expected';
import {
  expectedEntityLookup,
  expectedMemberStateLookup,
  expectedProjectLookup,
} from '../../test/helpers/expected-lookups';
import { ENTITY_LOOKUP, MEMBER_STATE_LOOKUP, PROJECT_LOOKUP } from '../../test/helpers/lookups';
import { ANY_STRING } from '../../test/helpers/connection';
import { operation } from '../../test/helpers/operations';
import { seed, useSeedScale } from '../../test/helpers/seed';
import { Region } from '../../subgraphs/shared/src/vocabulary';
import {
  ANONYMOUS,
  expectedCoverageSummary,
  expectedFundingSummary,
  unaddressedAcross,
} from '../../test/helpers/expected-overview';
import { Priority } from '../../subgraphs/shared/src/vocabulary';
import { expectedOverview, OVERVIEW } from './overview';

/** One request of the mix with the answer it must get. */
export interface Sample {
  body: string;
  expected: unknown;
  /**
   * Takes the graph seconds rather than milliseconds: the mix sends it in its turn, rarely
   * (see `sampleOrder`), rather than at random, and its own run sends a few requests one at a
   * time, so that its latency is its own rather than a queue's.
   */
  heavy?: boolean;
}

export interface Operation {
  name: string;
  /** Whether it pages through a list (the ×100 latency target applies to these). */
  paginated: boolean;
  samples: Sample[];
  /**
   * A root field of `Query` it needs that an older graph (a baseline) may lack: where any side
   * lacks it, the operation is left out for every side, so all measure the same workload.
   */
  needs?: string;
}

const NEEDS_NOBODY_COVERS = `query ($region: Region!, $first: Int) {
  unaddressedRecommendations(
    filter: { region: [$region], priority: [HIGH], technicalAssistanceNeeded: true }
    first: $first
  ) { totalCount edges { node { id } } }
}`;
const COVERAGE_SUMMARY = `query ($groupBy: CoverageGroupBy!) {
  coverageSummary(groupBy: $groupBy) { key label recommendations addressed unaddressed }
}`;
const FUNDING_SUMMARY = `query ($groupBy: FundingGroupBy!) {
  fundingSummary(groupBy: $groupBy) {
    key label projects budget { amount currency } funded { amount currency } gap { amount currency }
  }
}`;

function sample(document: string, variables: Record<string, unknown>, expected: unknown): Sample {
  return { body: JSON.stringify({ query: document, variables }), expected: { data: expected } };
}

/** The overview's two operations, whose ratio shows how its cost grows with the states listed. */
export const OVERVIEW_ALL = 'overview: all states';
export const OVERVIEW_OCEANIA = 'overview: Oceania';

/**
 * DESIGN.md's five questions and three small lookups, each with a pool of variable values drawn
 * at random from the data set (states, entities, donors, thematic areas…), and the overview of
 * every state and of Oceania's 14; each answer computed from the seed rows, not from any gateway.
 */
export function buildWorkload(scale: number, poolSize: number, seedValue = 7): Operation[] {
  useSeedScale(scale);
  const s = seed();
  const rng = new Random(seedValue);
  const pick = <T>(values: readonly T[]) =>
    rng.sample([...values], Math.min(poolSize, values.length));
  const { assessments, thematicAreas } = s.data.assessments;
  const { projects, donors } = s.data.funding;
  const assessedStates = [...new Set(assessments.map((a) => a.memberStateIso3))];
  const leads = [...new Set(projects.map((p) => p.leadEntityAcronym))];
  const years = [...new Set(assessments.map((a) => Number(a.startedOn.slice(0, 4))))];

  return [
    {
      name: 'q1 projects by assessment',
      paginated: true,
      samples: pick(years).map((year) => {
        const variables = { first: 20, filter: { yearFrom: year - 2, yearTo: year } };
        return sample(operation(1), variables, expectedProjectsByAssessment(variables));
      }),
    },
    {
      name: 'q2 state needs',
      paginated: true,
      samples: pick(assessedStates).map((iso3) =>
        sample(operation(2), { iso3 }, expectedStateNeeds(iso3)),
      ),
    },
    {
      name: 'q3 entity footprint',
      paginated: true,
      samples: pick(leads).map((acronym) =>
        sample(operation(3), { acronym }, expectedEntityFootprint(acronym)),
      ),
    },
    {
      name: 'q4 donor trail',
      paginated: true,
      samples: pick(donors).map((donor) =>
        sample(operation(4), { id: donor.id, first: 20 }, expectedDonorTrail(donor.id, 20)),
      ),
    },
    {
      name: 'q5 thematic area',
      paginated: true,
      samples: pick(thematicAreas).map((area) =>
        sample(operation(5), { code: area.code }, expectedThematicArea(area.code)),
      ),
    },
    {
      name: 'entity lookup',
      paginated: false,
      samples: pick(s.data.membership.entities).map((e) =>
        sample(ENTITY_LOOKUP, { acronym: e.acronym }, expectedEntityLookup(e.acronym)),
      ),
    },
    {
      name: 'member state lookup',
      paginated: false,
      samples: pick(assessedStates).map((iso3) =>
        sample(MEMBER_STATE_LOOKUP, { iso3 }, expectedMemberStateLookup(iso3)),
      ),
    },
    {
      name: 'project lookup',
      paginated: false,
      samples: pick(projects).map((p) =>
        sample(PROJECT_LOOKUP, { code: p.code }, expectedProjectLookup(p.code)),
      ),
    },
    {
      name: 'needs nobody covers, by region',
      paginated: true,
      needs: 'unaddressedRecommendations',
      samples: Object.values(Region).map((region) => {
        const ids = unaddressedAcross(ANONYMOUS, {
          region: [region],
          priority: [Priority.HIGH],
          technicalAssistanceNeeded: true,
        });
        return sample(
          NEEDS_NOBODY_COVERS,
          { region, first: 20 },
          {
            unaddressedRecommendations: {
              totalCount: ids.length,
              edges: ids.slice(0, 20).map((id) => ({ node: { id } })),
            },
          },
        );
      }),
    },
    {
      name: 'coverage summary',
      paginated: false,
      needs: 'coverageSummary',
      samples: (['MEMBER_STATE', 'REGION', 'THEMATIC_AREA', 'PRIORITY'] as const).map((groupBy) =>
        sample(
          COVERAGE_SUMMARY,
          { groupBy },
          { coverageSummary: expectedCoverageSummary(ANONYMOUS, groupBy) },
        ),
      ),
    },
    {
      name: 'funding summary',
      paginated: false,
      needs: 'fundingSummary',
      samples: (
        ['REGION', 'MEMBER_STATE', 'THEMATIC_AREA', 'LEAD_ENTITY', 'DONOR', 'APPEAL'] as const
      ).map((groupBy) =>
        sample(FUNDING_SUMMARY, { groupBy }, { fundingSummary: expectedFundingSummary(groupBy) }),
      ),
    },
    {
      name: OVERVIEW_ALL,
      paginated: false,
      samples: [{ ...sample(OVERVIEW, {}, expectedOverview()), heavy: true }],
    },
    {
      name: OVERVIEW_OCEANIA,
      paginated: false,
      samples: [
        {
          ...sample(OVERVIEW, { region: Region.OCEANIA }, expectedOverview(Region.OCEANIA)),
          heavy: true,
        },
      ],
    },
  ];
}

/** Whether a value matches an expected one, where ANY_STRING accepts any string (a cursor). */
function matches(actual: unknown, expected: unknown): boolean {
  if (expected === ANY_STRING) return typeof actual === 'string';
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matches(actual[i], e))
    );
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((key) =>
        matches(
          (actual as Record<string, unknown>)[key],
          (expected as Record<string, unknown>)[key],
        ),
      )
    );
  }
  return isDeepStrictEqual(actual, expected);
}

/** Whether a response body is the expected answer. */
export function isCorrect(body: string, expected: unknown): boolean {
  try {
    return matches(JSON.parse(body), expected);
  } catch {
    return false;
  }
}
