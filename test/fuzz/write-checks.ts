import type { GraphQLResponse } from '../helpers/graph';
import { COVERAGE_GROUPINGS, FUNDING_GROUPINGS, type Figures, type Probe } from './write-expected';

/**
 * The graph's answers for the figures of ./write-expected.ts, asked through the gateway and
 * shaped alike: keyed objects, lists of ids in the order given, empty entries left out. An
 * answer with errors is itself a difference (`errors(<operation>)`).
 */

export type Post = (
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) => Promise<GraphQLResponse<Record<string, unknown>>>;

type Row = Record<string, unknown>;
type Page = { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };

const GROUP = 'key label recommendations addressed unaddressed';
const COVERAGE = 'recommendations addressed unaddressed';
const MONEY_GROUP = 'key label projects budget { amount } funded { amount } gap { amount }';

const OVERVIEW = `query FuzzOverview($groupBy: CoverageGroupBy!, $needs: RecommendationFilter,
    $priority: Priority, $ta: Boolean) {
  ${COVERAGE_GROUPINGS.map((g) => `${g}: coverageSummary(groupBy: ${g}) { ${GROUP} }`).join('\n  ')}
  filtered: coverageSummary(groupBy: $groupBy, filter: $needs) { ${GROUP} }
  recommendations(first: 1) { totalCount }
  projects(first: 1) { totalCount }
  assessments(first: 100) {
    totalCount
    edges { node { id all: coverage { ...coverage }
      need: coverage(priority: $priority, technicalAssistanceNeeded: $ta) { ...coverage } } }
  }
}
fragment coverage on Coverage { ${COVERAGE} unaddressedRecommendations { id } }`;

const STATES = `query FuzzStates($region: Region, $priority: Priority, $ta: Boolean) {
  memberStates(region: $region) {
    iso3
    all: unaddressedRecommendations(first: 100) { id }
    need: unaddressedRecommendations(first: 100, priority: $priority, technicalAssistanceNeeded: $ta) { id }
    projects(first: 1) { totalCount }
  }
}`;

const UNADDRESSED = `query FuzzUnaddressed($filter: RecommendationFilter, $after: String) {
  page: unaddressedRecommendations(first: 100, after: $after, filter: $filter) {
    totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const ADDRESSED_BY = `query FuzzAddressedBy($after: String) {
  page: recommendations(first: 100, after: $after) {
    edges { node { id addressedBy { code } } } pageInfo { hasNextPage endCursor }
  }
}`;

const FUNDING = `query FuzzFunding($groupBy: FundingGroupBy!, $projects: ProjectFilter) {
  appeals { id requested { amount } funded { amount } gap { amount } }
  donors { id totalContributed { amount } }
  ${FUNDING_GROUPINGS.map((g) => `${g}: fundingSummary(groupBy: ${g}) { ${MONEY_GROUP} }`).join('\n  ')}
  filtered: fundingSummary(groupBy: $groupBy, filter: $projects) { ${MONEY_GROUP} }
}`;

const PROJECTS = `query FuzzProjects($after: String) {
  page: projects(first: 100, after: $after) {
    edges { node { id funded { amount } fundingGap { amount } } } pageInfo { hasNextPage endCursor }
  }
}`;

class AnswerErrors extends Error {
  constructor(
    readonly operation: string,
    readonly errors: unknown,
  ) {
    super(`${operation} answered with errors`);
  }
}

async function ask(post: Post, headers: Record<string, string>, query: string, variables = {}) {
  const answer = await post(query, variables, headers);
  const operation = /query (\w+)/.exec(query)![1]!;
  if (answer.errors?.length || !answer.data) {
    throw new AnswerErrors(operation, answer.errors ?? 'no data');
  }
  return answer.data;
}

/** Every node of a connection, page after page. */
async function allNodes(
  post: Post,
  headers: Record<string, string>,
  query: string,
  variables: Row = {},
) {
  const nodes: Row[] = [];
  let after: string | undefined;
  let totalCount: number | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = (await ask(post, headers, query, { ...variables, after })).page as Page & {
      totalCount?: number;
    };
    totalCount ??= page.totalCount;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

const keyed = (groups: Row[], shape: (group: Row) => Row = (g) => g) =>
  Object.fromEntries(groups.map(({ key, ...rest }) => [key as string, shape(rest)]));
const amountOf = (money: unknown) => (money as { amount: string }).amount;
const moneyGroup = (g: Row) => ({
  ...g,
  budget: amountOf(g.budget),
  funded: amountOf(g.funded),
  gap: amountOf(g.gap),
});
const ids = (rows: unknown) => (rows as Row[]).map((row) => row.id as string);
function nonEmpty(entries: [string, unknown][]) {
  return Object.fromEntries(
    entries.filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== 0 && v !== undefined)),
  );
}

const coverageOf = (assessments: Row[], field: string) =>
  Object.fromEntries(
    assessments.map((a) => {
      const coverage = a[field] as Row;
      return [
        a.id,
        { ...coverage, unaddressedRecommendations: ids(coverage.unaddressedRecommendations) },
      ];
    }),
  );

/** Runs `read`; an answer with errors, or unreadable, becomes a figure nothing expects. */
async function orErrors(read: () => Promise<Figures>): Promise<Figures> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AnswerErrors) return { [`errors(${error.operation})`]: error.errors };
    // Data without the fields asked, or of other types: a difference too, not a crash.
    return { 'answer of another shape': String(error) };
  }
}

/** The figures of `expectedFor`, as the graph answers them for the caller with `headers`. */
export async function answersFor(
  post: Post,
  headers: Record<string, string>,
  probe: Probe,
): Promise<Figures> {
  const need = { priority: probe.need.priority, ta: probe.need.technicalAssistanceNeeded };
  const [overview, states, unaddressed] = await Promise.all([
    orErrors(async () => {
      const data = await ask(post, headers, OVERVIEW, {
        groupBy: probe.groupBy,
        needs: probe.needs,
        ...need,
      });
      const assessments = (data.assessments as { totalCount: number } & Page).edges.map(
        (edge) => edge.node,
      );
      return {
        ...Object.fromEntries(
          COVERAGE_GROUPINGS.map((g) => [`coverageSummary(${g})`, keyed(data[g] as Row[])]),
        ),
        [`coverageSummary(${probe.groupBy}, filter)`]: keyed(data.filtered as Row[]),
        'recommendations.totalCount': (data.recommendations as Row).totalCount,
        'assessments.totalCount': (data.assessments as Row).totalCount,
        'projects.totalCount': (data.projects as Row).totalCount,
        'Assessment.coverage': coverageOf(assessments, 'all'),
        'Assessment.coverage(need)': coverageOf(assessments, 'need'),
      };
    }),
    orErrors(async () => {
      const variables = { region: probe.statesOf, ...need };
      const rows = (await ask(post, headers, STATES, variables)).memberStates as Row[];
      const per = (field: string, value: (row: Row) => unknown) =>
        nonEmpty(rows.map((row) => [row.iso3 as string, value(row[field] as Row)]));
      return {
        'MemberState.unaddressedRecommendations': per('all', ids),
        'MemberState.unaddressedRecommendations(need)': per('need', ids),
        'MemberState.projects.totalCount': per('projects', (p) => p.totalCount),
      };
    }),
    orErrors(async () => {
      const list = async (filter?: Probe['needs']) => {
        const { nodes, totalCount } = await allNodes(post, headers, UNADDRESSED, { filter });
        return { totalCount, ids: ids(nodes) };
      };
      return {
        unaddressedRecommendations: await list(),
        'unaddressedRecommendations(filter)': await list(probe.needs),
      };
    }),
  ]);
  return { ...overview, ...states, ...unaddressed };
}

/** The figures of `expectedAddressedBy`, for a caller who may read every recommendation. */
export function addressedByAnswers(post: Post, headers: Record<string, string>) {
  return orErrors(async () => {
    const { nodes } = await allNodes(post, headers, ADDRESSED_BY);
    const codes = (projects: unknown) => (projects as Row[]).map((p) => p.code as string);
    return {
      'Recommendation.addressedBy': nonEmpty(
        nodes.map((r) => [r.id as string, codes(r.addressedBy)]),
      ),
    };
  });
}

/** The figures of `expectedFunding`. */
export async function fundingAnswers(
  post: Post,
  headers: Record<string, string>,
  probe: Probe,
): Promise<Figures> {
  const [summaries, projects] = await Promise.all([
    orErrors(async () => {
      const data = await ask(post, headers, FUNDING, {
        groupBy: probe.fundingGroupBy,
        projects: probe.projects,
      });
      const money = (row: Row, fields: string[]) =>
        Object.fromEntries(fields.map((f) => [f, amountOf(row[f])]));
      return {
        Appeal: Object.fromEntries(
          (data.appeals as Row[]).map((a) => [a.id, money(a, ['requested', 'funded', 'gap'])]),
        ),
        'Donor.totalContributed': Object.fromEntries(
          (data.donors as Row[]).map((d) => [d.id, amountOf(d.totalContributed)]),
        ),
        ...Object.fromEntries(
          FUNDING_GROUPINGS.map((g) => [
            `fundingSummary(${g})`,
            keyed(data[g] as Row[], moneyGroup),
          ]),
        ),
        [`fundingSummary(${probe.fundingGroupBy}, filter)`]: keyed(
          data.filtered as Row[],
          moneyGroup,
        ),
      };
    }),
    orErrors(async () => {
      const { nodes } = await allNodes(post, headers, PROJECTS);
      const money = (p: Row) => ({
        funded: amountOf(p.funded),
        fundingGap: amountOf(p.fundingGap),
      });
      return { Project: Object.fromEntries(nodes.map((p) => [p.id, money(p)])) };
    }),
  ]);
  return { ...summaries, ...projects };
}
