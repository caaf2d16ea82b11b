import { answersFor, fundingAnswers, type Post } from './write-checks';
import type { Probe } from './write-expected';

const probe: Probe = {
  groupBy: 'REGION',
  needs: {},
  need: {},
  statesOf: 'AFRICA' as Probe['statesOf'],
  fundingGroupBy: 'DONOR',
  projects: {},
};
const page = (ids: string[], next?: string) => ({
  totalCount: 3,
  edges: ids.map((id) => ({ node: { id } })),
  pageInfo: { hasNextPage: !!next, endCursor: next ?? null },
});

describe("the graph's answers, shaped as the expected figures", () => {
  test('a connection is read page after page; a state without needs is left out', async () => {
    const post: Post = async (query, variables) => {
      if (query.includes('FuzzUnaddressed')) {
        return { data: { page: variables.after ? page(['c']) : page(['a', 'b'], 'cursor') } };
      }
      if (query.includes('FuzzStates')) {
        const state = (iso3: string, ids: string[]) => ({
          iso3,
          all: ids.map((id) => ({ id })),
          need: [],
          projects: { totalCount: ids.length },
        });
        return { data: { memberStates: [state('NGA', ['a']), state('MLI', [])] } };
      }
      return { errors: [{ message: 'not in this test', extensions: { code: 'X' } }] };
    };
    const figures = await answersFor(post, {}, probe);
    expect(figures.unaddressedRecommendations).toEqual({ totalCount: 3, ids: ['a', 'b', 'c'] });
    expect(figures['MemberState.unaddressedRecommendations']).toEqual({ NGA: ['a'] });
    expect(figures['MemberState.unaddressedRecommendations(need)']).toEqual({});
    expect(figures['MemberState.projects.totalCount']).toEqual({ NGA: 1 });
    expect(figures['errors(FuzzOverview)']).toEqual([
      { message: 'not in this test', extensions: { code: 'X' } },
    ]);
  });

  test('an answer without the fields asked is a difference, not a crash', async () => {
    const post: Post = async () => ({ data: {} });
    const figures = await fundingAnswers(post, {}, probe);
    expect(figures['answer of another shape']).toEqual(expect.any(String));
  });
});
