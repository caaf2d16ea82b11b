import { postGraphQL } from '../../helpers/graph';
import { postBody, signedBody } from '../../helpers/signature';
import {
  countBy,
  isAddressed,
  readFacts,
  wrongCopies,
  type Counts,
  type Facts,
  type RecommendationFacts,
} from './coverage-truth';

interface CheckTarget {
  gateway: string;
  /** An admin's: every recommendation is readable, so every one is counted. */
  headers: Record<string, string>;
  databaseUrl: string;
  states: string[];
}

interface Agreement {
  /** Every difference between the graph's answers (or the copy) and the truth; none when settled. */
  differences: string[];
  /** Of those, the recommendations whose copy in assessments is wrong. */
  wrongCopies: number;
  waitedMs: number;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

const GROUPINGS = ['MEMBER_STATE', 'REGION', 'THEMATIC_AREA', 'PRIORITY'] as const;
const COUNTS = 'recommendations addressed unaddressed';
const show = (c: Counts | undefined) =>
  c ? `${c.recommendations}/${c.addressed}/${c.unaddressed}` : 'absent';

async function ask<T>(target: CheckTarget, query: string, variables = {}): Promise<T> {
  const answer = await postGraphQL<T>(target.gateway, query, variables, target.headers);
  if (answer.errors?.length || !answer.data) {
    throw new Error(`the graph answered ${JSON.stringify(answer.errors ?? answer)}`);
  }
  return answer.data;
}

/** Every page of a connection the field `list` of `query` answers. */
async function all<T>(target: CheckTarget, query: string, variables: Record<string, unknown>) {
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const { list }: { list: Page<T> } = await ask(target, query, { ...variables, after });
    nodes.push(...list.edges.map((e) => e.node));
    totalCount = list.totalCount;
    after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  } while (after);
  return { nodes, totalCount };
}

function compareCounts(label: string, graph: Map<string, Counts>, truth: Map<string, Counts>) {
  return [...new Set([...graph.keys(), ...truth.keys()])]
    .filter((key) => show(graph.get(key)) !== show(truth.get(key)))
    .map(
      (key) =>
        `${label} ${key}: graph says ${show(graph.get(key))}, truth says ${show(truth.get(key))} (recommendations/addressed/unaddressed)`,
    );
}

/** The graph's answers about the pool's states and the whole graph, each against the truth. */
async function graphDifferences(target: CheckTarget, facts: Facts): Promise<string[]> {
  const differences: string[] = [];
  const inPool = facts.recommendations.filter((r) => target.states.includes(r.iso3));
  const byId = new Map(facts.recommendations.map((r) => [r.id, r]));
  const vars = { states: target.states };

  const addressedBy = await all<{ id: string; addressedBy: { id: string; status: string }[] }>(
    target,
    `query ($states: [String!], $after: String) { list: recommendations(filter: { memberState: $states }, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id addressedBy { id status } } } } }`,
    vars,
  );
  const seen = new Map(addressedBy.nodes.map((n) => [n.id, n.addressedBy]));
  for (const r of inPool) {
    const live = (seen.get(r.id) ?? [])
      .filter((p) => p.status !== 'CANCELLED')
      .map((p) => p.id)
      .sort();
    if (!seen.has(r.id) || live.join() !== r.live.join()) {
      differences.push(
        `recommendation ${r.id}: addressedBy has live projects [${seen.has(r.id) ? live.join(', ') : 'no answer'}], truth [${r.live.join(', ')}]`,
      );
    }
  }

  const assessments = await all<{ id: string; coverage: Counts }>(
    target,
    `query ($states: [String!], $after: String) { list: assessments(filter: { memberState: $states }, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id coverage { ${COUNTS} } } } } }`,
    vars,
  );
  const truthOf = countBy(inPool, (r) => r.assessmentId);
  const zero = { recommendations: 0, addressed: 0, unaddressed: 0 };
  differences.push(
    ...compareCounts(
      'Assessment.coverage of',
      new Map(assessments.nodes.map((a) => [a.id, a.coverage])),
      new Map(facts.assessments.map((a) => [a.id, truthOf.get(a.id) ?? zero])),
    ),
  );

  const summaries = await ask<Record<string, (Counts & { key: string })[]>>(
    target,
    `{ ${GROUPINGS.map((g) => `${g}: coverageSummary(groupBy: ${g}) { key ${COUNTS} }`).join(' ')} }`,
  );
  const keys = {
    MEMBER_STATE: (r: RecommendationFacts) => r.iso3,
    REGION: (r: RecommendationFacts) => r.region,
    THEMATIC_AREA: (r: RecommendationFacts) => r.area,
    PRIORITY: (r: RecommendationFacts) => r.priority,
  };
  for (const g of GROUPINGS) {
    const graph = new Map(summaries[g].map(({ key, ...counts }) => [key, counts]));
    differences.push(
      ...compareCounts(`coverageSummary(${g})`, graph, countBy(facts.recommendations, keys[g])),
    );
  }

  const unaddressed = await all<{ id: string }>(
    target,
    `query ($states: [String!], $after: String) { list: unaddressedRecommendations(filter: { memberState: $states }, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
    vars,
  );
  const listed = new Set(unaddressed.nodes.map((n) => n.id));
  for (const r of inPool) {
    if (listed.has(r.id) === !isAddressed(r)) continue;
    differences.push(
      `recommendation ${r.id}: unaddressedRecommendations ${listed.has(r.id) ? 'lists' : 'omits'} it, truth says ${isAddressed(r) ? 'addressed' : 'unaddressed'}`,
    );
  }
  for (const id of listed) {
    if (!byId.has(id) || !inPool.includes(byId.get(id)!)) {
      differences.push(`unaddressedRecommendations lists ${id}, not of ${target.states.join()}`);
    }
  }
  const unaddressedInPool = inPool.filter((r) => !isAddressed(r)).length;
  if (unaddressed.totalCount !== unaddressedInPool) {
    differences.push(
      `unaddressedRecommendations(${target.states.join()}).totalCount: graph says ${unaddressed.totalCount}, truth says ${unaddressedInPool}`,
    );
  }
  return differences;
}

/**
 * Compares until the copy and every answer agree with the truth, or the deadline has passed:
 * delivery runs after the writes, so a first difference may only be late.
 */
export async function waitForAgreement(
  target: CheckTarget,
  deadlineMs: number,
): Promise<Agreement> {
  const started = Date.now();
  for (;;) {
    const facts = await readFacts(target.databaseUrl, target.states);
    const copies = wrongCopies(facts);
    // A graph still recovering from a fault answers with errors: a difference, not the end.
    const answers = await graphDifferences(target, facts).catch((error: unknown) => [
      `the graph could not answer: ${String(error)}`,
    ]);
    const differences = [...copies, ...answers];
    const waitedMs = Date.now() - started;
    if (!differences.length || waitedMs > deadlineMs) {
      return { differences, wrongCopies: copies.length, waitedMs };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls the copy alone (one statement) until it equals the truth, or the deadline has passed. */
export async function waitForCopy(
  databaseUrl: string,
  states: string[],
  deadlineMs: number,
): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const wrong = wrongCopies(await readFacts(databaseUrl, states));
    if (!wrong.length || Date.now() - started > deadlineMs) return wrong;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A reconciliation run at funding (`url`), as the graph itself: what it found and repaired. */
export async function reconcile(url: string): Promise<{ differences: number; repairs: unknown[] }> {
  const answer = await postBody(
    url,
    signedBody({
      query: 'mutation { reconcileCoverage { differences repairs { recommendationId reason } } }',
    }),
  );
  const data = answer.body.data as {
    reconcileCoverage?: { differences: number; repairs: unknown[] };
  } | null;
  if (!data?.reconcileCoverage)
    throw new Error(`funding did not reconcile: ${JSON.stringify(answer.body)}`);
  return data.reconcileCoverage;
}
