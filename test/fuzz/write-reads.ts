import { Priority } from '../../subgraphs/shared/src/vocabulary';
import type { Caller } from '../helpers/access';
import { atLeastZero, cents } from '../helpers/money';
import type { Random } from '../../subgraphs/shared/src/dataset/random';
import { COVERAGE_GROUPINGS, FUNDING_GROUPINGS } from './write-expected';
import type { World } from './write-draw';

/**
 * Reads of the derived figures sent between the writes of a batch. While writes run no figure
 * has one right value, but each answer must hold together on its own: no error, addressed and
 * unaddressed adding up to the recommendations counted, a gap that is budget less funding and
 * never below zero, a page no longer than asked, no id twice.
 */

export interface ReadOp {
  name: string;
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
  /** What in the answer's data does not hold together; empty when it does. */
  check(data: Record<string, unknown>): string[];
}

type Row = Record<string, unknown>;

const adds = (where: string, c: Row | null | undefined) =>
  !c
    ? []
    : (c.addressed as number) + (c.unaddressed as number) !== c.recommendations ||
        (c.addressed as number) < 0 ||
        (c.unaddressed as number) < 0
      ? [`${where}: ${JSON.stringify(c)} does not add up`]
      : [];

const distinct = (where: string, values: unknown[]) =>
  new Set(values).size === values.length ? [] : [`${where}: an id twice in ${values.join(', ')}`];

/** In cents; a negative amount, which the graph must never answer, is read as one. */
function money(value: unknown): bigint {
  const { amount } = value as { amount: string };
  return amount.startsWith('-') ? -cents(amount.slice(1)) : cents(amount);
}

const gapHolds = (where: string, whole: unknown, funded: unknown, gap: unknown) =>
  atLeastZero(money(whole) - money(funded)) === money(gap)
    ? []
    : [
        `${where}: gap ${JSON.stringify(gap)} is not ${JSON.stringify(whole)} less ${JSON.stringify(funded)}`,
      ];

/** `count` reads for one batch, each as one of `callers`. */
export function readOps(random: Random, world: World, callers: Caller[], count: number): ReadOp[] {
  const { data, hot } = world;
  const states = [...new Set(data.assessments.assessments.map((a) => a.memberStateIso3))];
  const builders: (() => Omit<ReadOp, 'caller'>)[] = [
    () => {
      const groupBy = random.pick(COVERAGE_GROUPINGS);
      return {
        name: `coverageSummary(${groupBy})`,
        query: `query ($g: CoverageGroupBy!) { coverageSummary(groupBy: $g) { key recommendations addressed unaddressed } }`,
        variables: { g: groupBy },
        check: (d) => (d.coverageSummary as Row[]).flatMap((g) => adds(`group ${g.key}`, g)),
      };
    },
    () => ({
      name: 'Assessment.coverage',
      query: `query ($id: ID!, $p: Priority) { assessment(id: $id) { coverage(priority: $p) { recommendations addressed unaddressed unaddressedRecommendations { id } } } }`,
      variables: {
        id: random.pick(data.assessments.assessments).id,
        ...(random.chance(0.5) ? { p: random.pick(Object.values(Priority)) } : {}),
      },
      check: (d) => {
        const coverage = (d.assessment as Row | null)?.coverage as Row | undefined;
        if (!coverage) return [];
        const ids = (coverage.unaddressedRecommendations as Row[]).map((r) => r.id);
        // Counted and listed by two statements: a write between them may part them, so
        // their agreement is checked only once writes stop.
        return [...adds('coverage', coverage), ...distinct('unaddressedRecommendations', ids)];
      },
    }),
    () => {
      const first = random.pick([1, 5, 20, 100]);
      return {
        name: 'unaddressedRecommendations',
        query: `query ($n: Int) { unaddressedRecommendations(first: $n) { totalCount edges { node { id } } } }`,
        variables: { n: first },
        check: (d) => {
          const page = d.unaddressedRecommendations as {
            totalCount: number;
            edges: { node: Row }[];
          };
          const ids = page.edges.map((e) => e.node.id);
          return [
            ...distinct('page', ids),
            ...(ids.length <= first ? [] : [`${ids.length} on a page of ${first}`]),
          ];
        },
      };
    },
    () => ({
      name: 'MemberState.unaddressedRecommendations',
      query: `query ($iso3: String!) { memberState(iso3: $iso3) { unaddressedRecommendations { id } } }`,
      variables: { iso3: random.pick(states) },
      check: (d) => {
        const list = (d.memberState as Row).unaddressedRecommendations as Row[];
        return distinct(
          'list',
          list.map((r) => r.id),
        );
      },
    }),
    () => ({
      name: 'Recommendation.addressedBy',
      query: `query ($id: ID!) { recommendation(id: $id) { addressedBy { code } } }`,
      variables: { id: random.pick(hot.recommendations) },
      check: (d) => {
        const codes = ((d.recommendation as Row | null)?.addressedBy as Row[] | undefined)?.map(
          (p) => p.code as string,
        );
        if (!codes) return [];
        const sorted = [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return [
          ...distinct('addressedBy', codes),
          ...(codes.join() === sorted.join() ? [] : [`not in order of code: ${codes.join(', ')}`]),
        ];
      },
    }),
    () => ({
      name: 'Project.fundingGap',
      query: `query ($id: ID!) { project(id: $id) { budget { amount } funded { amount } fundingGap { amount } } }`,
      variables: { id: random.pick([...hot.projects, ...data.funding.projects.map((p) => p.id)]) },
      check: (d) => {
        const p = d.project as Row | null;
        return p ? gapHolds('project', p.budget, p.funded, p.fundingGap) : [];
      },
    }),
    () => ({
      name: 'Appeal.gap',
      query: `{ appeals { id requested { amount } funded { amount } gap { amount } } }`,
      variables: {},
      check: (d) =>
        (d.appeals as Row[]).flatMap((a) =>
          gapHolds(`appeal ${a.id}`, a.requested, a.funded, a.gap),
        ),
    }),
    () => {
      const groupBy = random.pick(FUNDING_GROUPINGS);
      return {
        name: `fundingSummary(${groupBy})`,
        query: `query ($g: FundingGroupBy!) { fundingSummary(groupBy: $g) { key projects budget { amount } gap { amount } } }`,
        variables: { g: groupBy },
        check: (d) =>
          (d.fundingSummary as Row[]).flatMap((g) =>
            money(g.gap) > money(g.budget) || (g.projects as number) < 1
              ? [`group ${g.key}: ${JSON.stringify(g)}`]
              : [],
          ),
      };
    },
  ];
  return Array.from({ length: count }, () => ({
    ...random.pick(builders)(),
    caller: random.pick(callers),
  }));
}
