import type { ProjectRow } from '../../subgraphs/shared/src/dataset/rows';
import { Priority, ProjectStatus, Region } from '../../subgraphs/shared/src/vocabulary';
import type { Caller } from '../helpers/access';
import {
  expectedCoverageSummary,
  expectedFundingSummary,
  readableFor,
  regionOf,
  unaddressedAcross,
  type FundingGroupBy,
} from '../helpers/expected-overview';
import { accessEntities, bothWaysOn } from '../helpers/callers';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { compareText, seed } from '../helpers/seed';
import { as } from '../helpers/tokens';

/**
 * The overview (DESIGN.md): the needs no project addresses across every state, coverage and
 * funding summed by group, and the filters by region, partner, donor and words. Every expected
 * figure is computed here from the seed rows and the access table, for each kind of caller, and
 * asked both through the gateway and straight at the subgraph that owns it.
 */
const s = seed();
const { data } = s;
const { recommendations } = data.assessments;
const { participant, outsider } = accessEntities(data);

const CALLERS: Caller[] = [
  { name: 'anonymous', roles: null },
  { name: `an entity that took part (${participant})`, roles: ['viewer'], entity: participant },
  { name: `an entity that took part in none (${outsider})`, roles: ['editor'], entity: outsider },
  { name: 'cted', roles: ['cted'] },
  { name: 'admin', roles: ['admin'] },
];

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const bothWays = bothWaysOn(() => graph);

const UNADDRESSED = `query ($filter: RecommendationFilter, $after: String) {
  unaddressedRecommendations(filter: $filter, first: 100, after: $after) {
    totalCount
    edges { node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface UnaddressedPage {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of Query.unaddressedRecommendations, walked with its cursors. */
async function allUnaddressed(caller: Caller, filter: Record<string, unknown> = {}) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const answer: { unaddressedRecommendations: UnaddressedPage } = await bothWays(
      caller,
      'assessments',
      UNADDRESSED,
      { filter, after },
    );
    const connection = answer.unaddressedRecommendations;
    totalCount = connection.totalCount;
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

const COVERAGE = `query ($groupBy: CoverageGroupBy!, $filter: RecommendationFilter) {
  coverageSummary(groupBy: $groupBy, filter: $filter) { key label recommendations addressed unaddressed }
}`;

describe.each(CALLERS)('$name', (caller) => {
  test('Query.unaddressedRecommendations lists every readable need no live project addresses, newest assessment first', async () => {
    const expected = unaddressedAcross(caller);
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totalCount } = await allUnaddressed(caller);
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  test('filtered by region, priority and assistance, it lists the matching needs only', async () => {
    const filter = {
      region: [Region.AFRICA],
      priority: [Priority.HIGH],
      technicalAssistanceNeeded: true,
    };
    const expected = unaddressedAcross(caller, filter);
    expect(expected.length).toBeGreaterThan(0);
    expect((await allUnaddressed(caller, filter)).ids).toEqual(expected);
  });

  test.each(['MEMBER_STATE', 'REGION', 'THEMATIC_AREA', 'PRIORITY'] as const)(
    'coverageSummary by %s counts what the caller may read',
    async (groupBy) => {
      const filter = { technicalAssistanceNeeded: true };
      const { coverageSummary } = await bothWays<{ coverageSummary: unknown[] }>(
        caller,
        'assessments',
        COVERAGE,
        { groupBy, filter },
      );
      expect(coverageSummary).toEqual(expectedCoverageSummary(caller, groupBy, filter));
    },
  );

  test('the summaries add up: every grouping counts the same recommendations, regions their states', async () => {
    const ask = async (groupBy: string) =>
      (
        await bothWays<{
          coverageSummary: { key: string; recommendations: number; unaddressed: number }[];
        }>(caller, 'assessments', COVERAGE, { groupBy })
      ).coverageSummary;
    const [states, regions, areas, priorities] = await Promise.all(
      ['MEMBER_STATE', 'REGION', 'THEMATIC_AREA', 'PRIORITY'].map(ask),
    );
    const total = (groups: { recommendations: number }[]) =>
      groups.reduce((sum, g) => sum + g.recommendations, 0);
    expect(total(states)).toBe(readableFor(caller).length);
    for (const groups of [regions, areas, priorities]) expect(total(groups)).toBe(total(states));
    for (const region of regions) {
      const inRegion = states.filter((g) => regionOf.get(g.key) === region.key);
      expect(total(inRegion)).toBe(region.recommendations);
      expect(inRegion.reduce((sum, g) => sum + g.unaddressed, 0)).toBe(region.unaddressed);
    }
  });
});

test("each state's unaddressed count is its MemberState.unaddressedRecommendations", async () => {
  const caller = CALLERS[1];
  const { coverageSummary } = await bothWays<{
    coverageSummary: { key: string; unaddressed: number }[];
  }>(caller, 'assessments', COVERAGE, { groupBy: 'MEMBER_STATE' });
  const headers = await as(caller.roles!, caller.entity);
  const answer = await graph.query<{
    memberStates: { iso3: string; unaddressedRecommendations: { id: string }[] }[];
  }>('{ memberStates { iso3 unaddressedRecommendations { id } } }', {}, { headers });
  expect(answer.errors).toBeUndefined();
  const listed = new Map(
    answer.data!.memberStates.map((m) => [m.iso3, m.unaddressedRecommendations.length]),
  );
  expect(coverageSummary.length).toBeGreaterThan(0);
  for (const group of coverageSummary) expect(listed.get(group.key)).toBe(group.unaddressed);
});

describe('search', () => {
  const RECOMMENDATIONS = `query ($search: String) {
    recommendations(first: 100, filter: { search: $search }) { totalCount edges { node { id text } } }
  }`;
  const anonymous = CALLERS[0];
  const readable = readableFor(anonymous);
  const mentions = (word: string) => (r: { text: string }) =>
    new RegExp(`\\b${word}`, 'i').test(r.text);
  // A word that some readable recommendations use and others do not.
  const word = ['border', 'financing', 'prison', 'aviation', 'maritime'].find(
    (w) => readable.some(mentions(w)) && readable.some((r) => !mentions(w)(r)),
  )!;

  test('finds the readable recommendations that use a word, and only those', async () => {
    expect(word).toBeDefined();
    const { recommendations: found } = await bothWays<{
      recommendations: { totalCount: number; edges: { node: { id: string; text: string } }[] };
    }>(anonymous, 'assessments', RECOMMENDATIONS, { search: word });
    const texts = found.edges.map((edge) => edge.node);
    const readableIds = new Set(readable.map((r) => r.id));
    expect(texts.every((r) => readableIds.has(r.id))).toBe(true);
    expect(texts.every(mentions(word))).toBe(true);
    const expected = readable.filter(mentions(word)).map((r) => r.id);
    expect(new Set(texts.map((r) => r.id))).toEqual(new Set(expected.slice(0, 100)));
    expect(found.totalCount).toBe(expected.length);
  });

  test('reads what a person types: -word excludes, "quotes" keep a phrase, blank matches all', async () => {
    // A second word that some, not all, of the texts with the first use.
    const withWord = readable.filter(mentions(word));
    const counts = new Map<string, number>();
    for (const r of withWord) {
      for (const w of new Set(r.text.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? [])) {
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
    const other = [...counts]
      .filter(([w, n]) => !w.startsWith(word) && n < withWord.length)
      .sort((x, y) => y[1] - x[1])[0]?.[0];
    expect(other).toBeDefined();
    const ask = async (search: string) =>
      (
        await bothWays<{
          recommendations: { totalCount: number; edges: { node: { text: string } }[] };
        }>(anonymous, 'assessments', RECOMMENDATIONS, { search })
      ).recommendations;
    const without = await ask(`${word} -${other}`);
    expect(without.edges.every((e) => mentions(word)(e.node) && !mentions(other)(e.node))).toBe(
      true,
    );
    const all = await ask(word);
    expect(without.totalCount).toBeLessThan(all.totalCount);
    expect(without.totalCount).toBe(withWord.filter((r) => !mentions(other!)(r)).length);
    // A phrase: the first word and the one after it in a text, in that order.
    const [, next] = new RegExp(`\\b${word}\\w*\\W+([a-z]+)`, 'i').exec(withWord[0].text) ?? [];
    const phrase = await ask(`"${word} ${next}"`);
    expect(phrase.totalCount).toBeGreaterThan(0);
    const together = new RegExp(`\\b${word}\\w*\\W+${next.slice(0, 4)}`, 'i');
    expect(phrase.edges.every((e) => together.test(e.node.text))).toBe(true);
    expect((await ask('   ')).totalCount).toBe(readable.length);
  });

  test('a confidential recommendation is never found by a caller who may not read it', async () => {
    const hidden = recommendations.find((r) => !readable.some((x) => x.id === r.id))!;
    const distinctive = hidden.text
      .split(/\W+/)
      .filter((w) => w.length > 6)
      .slice(0, 3)
      .join(' ');
    const { recommendations: found } = await bothWays<{
      recommendations: { edges: { node: { id: string } }[] };
    }>(anonymous, 'assessments', RECOMMENDATIONS, { search: `"${distinctive}"` });
    expect(found.edges.map((e) => e.node.id)).not.toContain(hidden.id);
  });

  test('a search longer than a person types is refused, naming the argument', async () => {
    const answer = await graph.query(RECOMMENDATIONS, { search: 'border '.repeat(60) });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.search',
    });
  });
});

describe('funding', () => {
  const { projects, contributions } = data.funding;
  const SUMMARY = `query ($groupBy: FundingGroupBy!, $filter: ProjectFilter) {
    fundingSummary(groupBy: $groupBy, filter: $filter) {
      key label projects budget { amount currency } funded { amount currency } gap { amount currency }
    }
  }`;

  test.each(['REGION', 'MEMBER_STATE', 'THEMATIC_AREA', 'LEAD_ENTITY', 'DONOR', 'APPEAL'] as const)(
    'fundingSummary by %s sums the projects exactly, the same for every caller',
    async (groupBy: FundingGroupBy) => {
      const expected = expectedFundingSummary(groupBy);
      expect(expected.length).toBeGreaterThan(0);
      for (const caller of [CALLERS[0], CALLERS[3]]) {
        const { fundingSummary } = await bothWays<{ fundingSummary: unknown[] }>(
          caller,
          'funding',
          SUMMARY,
          { groupBy },
        );
        expect(fundingSummary).toEqual(expected);
      }
    },
  );

  test('a filter narrows the summary as it narrows Query.projects', async () => {
    const filter = { status: [ProjectStatus.ACTIVE], region: [Region.AFRICA] };
    const matches = (p: ProjectRow) =>
      p.status === ProjectStatus.ACTIVE &&
      p.beneficiaryStateIso3s.some((iso3) => regionOf.get(iso3) === Region.AFRICA);
    expect(projects.some(matches)).toBe(true);
    const { fundingSummary } = await bothWays<{ fundingSummary: unknown[] }>(
      CALLERS[0],
      'funding',
      SUMMARY,
      { groupBy: 'LEAD_ENTITY', filter },
    );
    expect(fundingSummary).toEqual(expectedFundingSummary('LEAD_ENTITY', matches));
  });

  const PROJECTS = `query ($filter: ProjectFilter) {
    projects(first: 100, filter: $filter) { totalCount edges { node { code title } } }
  }`;
  const codes = async (filter: Record<string, unknown>) => {
    const { projects: page } = await bothWays<{
      projects: { totalCount: number; edges: { node: { code: string; title: string } }[] };
    }>(CALLERS[0], 'funding', PROJECTS, { filter });
    return page;
  };

  test('projects filter by region, partner and donor', async () => {
    const partner = projects.find((p) => p.partnerEntityAcronyms.length)!.partnerEntityAcronyms[0];
    const donor = contributions.find((c) => c.projectId)!.donorId;
    const cases: [Record<string, unknown>, (p: ProjectRow) => boolean][] = [
      [
        { region: [Region.OCEANIA, Region.EUROPE] },
        (p) =>
          p.beneficiaryStateIso3s.some((iso3) =>
            [Region.OCEANIA, Region.EUROPE].includes(regionOf.get(iso3)!),
          ),
      ],
      [{ partnerEntity: [partner] }, (p) => p.partnerEntityAcronyms.includes(partner)],
      [
        { donor: [donor, 'not-a-donor-id'] },
        (p) => contributions.some((c) => c.projectId === p.id && c.donorId === donor),
      ],
    ];
    for (const [filter, matches] of cases) {
      const expected = projects
        .filter(matches)
        .map((p) => p.code)
        .sort(compareText);
      expect(expected.length).toBeGreaterThan(0);
      const page = await codes(filter);
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.map((e) => e.node.code)).toEqual(expected.slice(0, 100));
    }
  });

  test('projects search by words, best match first', async () => {
    const word = ['border', 'financing', 'prison', 'aviation', 'youth'].find((w) =>
      projects.some((p) => new RegExp(`\\b${w}`, 'i').test(p.title)),
    )!;
    const mentions = (p: { title: string; summary?: string }) =>
      new RegExp(`\\b${word}`, 'i').test(`${p.title} ${p.summary ?? ''}`);
    const page = await codes({ search: word });
    const expected = projects.filter(mentions);
    expect(page.totalCount).toBe(expected.length);
    // A title match weighs more than a summary match.
    expect(new RegExp(`\\b${word}`, 'i').test(page.edges[0].node.title)).toBe(true);
    expect(new Set(page.edges.map((e) => e.node.code))).toEqual(
      new Set(expected.map((p) => p.code)),
    );
  });
});
