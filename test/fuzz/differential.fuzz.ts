import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isNonNullType,
  parse,
  type IntrospectionQuery,
} from 'graphql';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { startApolloGateway } from '../helpers/apollo-gateway';
import { accessEntities } from '../helpers/callers';
import { postGraphQL, startTestGraph, type TestGraph } from '../helpers/graph';
import { seed } from '../helpers/seed';
import { tokenFor } from '../helpers/tokens';
import { readGatewayConfig } from '../../gateway/src/config';
import { apolloRanASkippedField, differences, RULES, type GraphQLBody } from './compare';
import { emptiedPaths } from './paths';
import { operations, type Generated } from './generator';
import { collectCursors, poolsOf, type Pools } from './pools';

/**
 * Random read operations, each sent as five callers to our gateway (production settings) and to
 * a plain @apollo/gateway on the same supergraph and subgraphs; the answers must be alike under
 * ./compare.ts's rules. A share of the operations runs with one subgraph stopped. FUZZ_SEED
 * (default: a new one, printed) and FUZZ_COUNT (default 1,000) drive it; a seed replays.
 * FUZZ_REPORT names a file for every difference, one JSON line each (the output shows ten);
 * FUZZ_ONLY=n replays operation n alone and prints what each subgraph was sent.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
/** One operation of the run alone, by its number, with what each subgraph was sent. */
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
const FAULT_SHARE = 10; // percent
const SUBGRAPHS = ['membership', 'assessments', 'funding'] as const;

/**
 * Our gateway as deployed, but for two settings a fuzz run would otherwise trip over: the rate
 * limit (the run sends from one address far faster than any caller may) and the circuit breaker
 * (after the stopped subgraph's failures it fails fast by design, for a second after it is back).
 */
const OURS_ENV = { RATE_LIMIT_MAX: '100000000', CIRCUIT_BREAKER_FAILURES: '0' };

let graph: TestGraph;
let ours: ExtraGateway;
let apollo: { url: string; stop(): Promise<unknown> };
let proxies: Record<string, FaultProxy>;
let pools: Pools;
let callers: [string, Record<string, string>][];
let schema: ReturnType<typeof buildClientSchema>;

beforeAll(async () => {
  graph = await startTestGraph();
  proxies = Object.fromEntries(
    await Promise.all(
      SUBGRAPHS.map(async (name) => [name, await startFaultProxy(graph.subgraphs[name]!.url)]),
    ),
  );
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, proxies[name]!.url]));
  ours = await startExtraGateway(graph, OURS_ENV, urls);
  apollo = await startApolloGateway(graph, {
    urls,
    signingSecret: process.env.GATEWAY_SIGNING_SECRET,
    limits: readGatewayConfig({}).protection.limits,
  });
  const introspection = await postGraphQL<IntrospectionQuery>(apollo.url, getIntrospectionQuery());
  schema = buildClientSchema(introspection.data!);
  const data = seed().data;
  pools = poolsOf(data);
  const { participant, outsider } = accessEntities(data);
  const bearer = async (...args: Parameters<typeof tokenFor>) => ({
    authorization: `Bearer ${await tokenFor(...args)}`,
  });
  callers = [
    ['anonymous', {}],
    [`outside entity ${outsider}`, await bearer(['viewer'], outsider)],
    [`involved entity ${participant}`, await bearer(['viewer'], participant)],
    ['cted', await bearer(['cted'])],
    ['admin', await bearer(['admin'])],
  ];
  // Cursors from answers given before the run, so that any operation of it replays alone; and
  // the gateway's list of entities loaded, as it is in a deployment that has served a request.
  await postGraphQL(ours.url, '{ __typename }', {}, callers[2]![1]);
  const admin = { authorization: `Bearer ${await tokenFor(['admin'])}` };
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    if (!type.name.endsWith('Connection') || field.args.some((a) => isNonNullType(a.type)))
      continue;
    const answer = await postGraphQL(
      ours.url,
      `{ ${field.name}(first: 2) { edges { cursor } pageInfo { endCursor } } }`,
      {},
      admin,
    );
    collectCursors(pools, answer.data);
  }
}, 120_000);

afterAll(async () => {
  await apollo?.stop();
  await ours?.stop();
  await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.stop()));
  await graph?.stop();
});

interface Difference {
  index: number;
  caller: string;
  fault?: string;
  operation: Generated;
  reasons: string[];
  ours: GraphQLBody;
  apollo: GraphQLBody;
}

const run = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom(...SUBGRAPHS));

async function post(url: string, operation: Generated, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLBody;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}

test(`random operations are answered alike by ours and by @apollo/gateway`, async () => {
  process.stdout.write(`FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}\n`);
  const found: Difference[] = [];
  let identical = 0;
  let excusedAnswers = 0;
  for (let index = ONLY ?? 0; index < (ONLY === undefined ? COUNT : ONLY + 1); index += 1) {
    // Each operation from a seed of its own, so that any one of them replays alone.
    const seedOf = (SEED + index * 7919) | 0;
    const [[operation, [roll, subgraph]]] = fc.sample(fc.tuple(operations(schema, pools), run), {
      seed: seedOf,
      numRuns: 1,
    }) as [[Generated, [number, (typeof SUBGRAPHS)[number]]]];
    const fault = roll < FAULT_SHARE ? subgraph : undefined;
    const document = parse(operation.query);
    if (fault) proxies[fault]!.mode = 'reset';
    const answers = await Promise.all(
      callers.map(async ([caller, headers]) => {
        const [a, b] = await Promise.all([
          post(ours.url, operation, headers),
          post(apollo.url, operation, headers),
        ]);
        const excused = apolloRanASkippedField(b, document, operation.variables);
        const emptied = emptiedPaths(schema, document, operation.variables);
        const reasons = excused
          ? []
          : differences(a, b, { fault: !!fault, emptied, schema, document });
        return { caller, a, b, excused, reasons };
      }),
    );
    if (fault) proxies[fault]!.mode = 'pass';
    if (ONLY !== undefined) {
      for (const [name, proxy] of Object.entries(proxies)) {
        for (const body of proxy.received) process.stdout.write(`${name} was sent: ${body}\n`);
      }
    }
    for (const proxy of Object.values(proxies)) {
      proxy.received.splice(0);
      proxy.requests.splice(0);
    }
    excusedAnswers += answers.filter((answer) => answer.excused).length;
    const differing = answers.filter((answer) => answer.reasons.length > 0);
    if (differing.length === 0) identical += 1;
    for (const { caller, a, b, reasons } of differing) {
      found.push({ index, caller, fault, operation, reasons, ours: a, apollo: b });
    }
  }

  if (process.env.FUZZ_REPORT) {
    writeFileSync(process.env.FUZZ_REPORT, found.map((d) => JSON.stringify(d)).join('\n'));
  }
  process.stdout.write(
    [
      ...found
        .slice(0, 10)
        .map((d) =>
          [
            '',
            `Operation ${d.index} (FUZZ_SEED=${SEED}), as ${d.caller}${d.fault ? `, ${d.fault} stopped` : ''}: ${d.reasons.join('; ')}`,
            d.operation.query,
            `variables: ${JSON.stringify(d.operation.variables)}`,
            `ours:   ${JSON.stringify(d.ours).slice(0, 2000)}`,
            `Apollo: ${JSON.stringify(d.apollo).slice(0, 2000)}`,
          ].join('\n'),
        ),
      '',
      `${excusedAnswers} answers not compared, where Apollo ran a field the operation skips`,
      `${COUNT} operations, ${identical} identical, ${COUNT - identical} differ`,
      '',
    ].join('\n'),
  );
  expect({ rules: RULES, differences: found.length }).toEqual({ rules: RULES, differences: 0 });
});
