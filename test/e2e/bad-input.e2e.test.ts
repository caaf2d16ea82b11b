import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { operation } from '../helpers/operations';
import { badInput, type BadInput } from './support/bad-inputs';
import { Random } from './support/random';
import { confidentialIds, targets, untrustedAuthorizations } from './support/secrets';

/**
 * Thousands of generated malformed bodies, queries, variables, tokens and headers, sent to the
 * gateway and to each subgraph. Whatever comes in, a service answers with no 5xx (a deliberate
 * 503 aside), no stack trace or SQL, nothing an anonymous caller may not see, keeps answering
 * normal queries, and gives its memory back; a string PostgreSQL cannot store is refused with
 * BAD_USER_INPUT. The seed makes every run send the same inputs;
 * BAD_INPUT_SEED replays another.
 */

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261128);
const PER_TARGET: Record<string, number> = {
  gateway: 800,
  membership: 450,
  assessments: 450,
  funding: 450,
};
const CONCURRENCY = 8;
/**
 * Heap growth the second pass may show: passes after the first stay within ±4 MiB of each other,
 * while a request that left 6 KB behind would grow it by 12 MiB.
 */
const HEAP_TOLERANCE = 12 * 2 ** 20;

/** Stack frames, source paths, and the SQL and driver errors of PostgreSQL. */
const LEAKS = [
  /\n\s+at \S+ \(/,
  /\bat [\w.<>$]+ \([^)]*:\d+:\d+\)/,
  /"stacktrace"/,
  /\/work\/|node_modules\/|[\w-]+\.[jt]s:\d+:\d+/,
  /QueryFailedError|syntax error at or near|relation "[^"]+" does not exist/,
  /duplicate key value|violates [a-z-]+ constraint/,
  /\b(FROM|INTO|UPDATE|JOIN)\s+"?(membership|assessments|funding)"?\./i,
];

// The inputs all come from one address; rate limiting has tests of its own.
process.env.RATE_LIMIT_MAX = '0';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The heap after full collections. They block this process, where the services run too, for
 * seconds on a large heap; the wait after lets the timers that came due meanwhile (keep-alive
 * timeouts of idle connections, the server's and fetch's) close those connections, before the
 * next request would pick one the server is closing and be reset.
 */
async function heapUsed(): Promise<number> {
  for (let i = 0; i < 3; i++) gc();
  const used = process.memoryUsage().heapUsed;
  await new Promise((resolve) => setTimeout(resolve, 100));
  return used;
}

interface Finding {
  target: string;
  input: BadInput;
  problem: string;
}

function requestText(input: BadInput): string {
  return `${input.path} ${JSON.stringify(input.headers)} ${input.body?.toString() ?? ''}`;
}

async function send(base: string, target: string, input: BadInput, secrets: string[]) {
  const findings: Finding[] = [];
  const problem = (text: string) => findings.push({ target, input, problem: text });
  let response: Response;
  try {
    response = await fetch(new URL(input.path, base), {
      method: input.method,
      headers: input.headers,
      body: input.body as BodyInit | undefined,
      redirect: 'manual',
    });
  } catch (error) {
    problem(`no answer: ${(error as Error).cause ?? error}`);
    return findings;
  }
  const text = await response.text().catch((error: Error) => {
    problem(`answer cut off: ${error.message}`);
    return '';
  });
  if (response.status >= 500 && response.status !== 503) problem(`status ${response.status}`);
  const sent = requestText(input);
  for (const leak of LEAKS) {
    const found = leak.exec(text)?.[0];
    if (found && !sent.includes(found)) problem(`leaks ${JSON.stringify(found)}`);
  }
  let answer: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
  try {
    answer = JSON.parse(text);
  } catch {
    // Not JSON (an HTML page, an empty 204): only the text is checked.
  }
  const data = answer ? JSON.stringify(answer.data ?? null) : '';
  if (input.refusedWith && !input.headers.authorization) {
    const code = answer?.errors?.[0]?.extensions?.code;
    if (response.status !== 400 || code !== input.refusedWith) {
      problem(`answered ${response.status} ${code ?? 'without a code'}, not ${input.refusedWith}`);
    }
  }
  for (const id of secrets) {
    if (data.includes(id)) problem(`shows confidential ${id} in data`);
    else if (text.includes(id) && !sent.includes(id)) problem(`names confidential ${id}`);
  }
  return findings;
}

async function inPool<T>(items: T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

test('thousands of bad inputs: no 5xx, no stack or SQL, no secret, no crash, no leak', async () => {
  const rng = new Random(SEED);
  const { all: confidential, sharedTexts } = confidentialIds();
  // As the texts appear inside a JSON answer.
  const secrets = [...confidential, ...sharedTexts.map((t) => JSON.stringify(t).slice(1, -1))];
  expect(sharedTexts.length).toBeGreaterThan(0);
  const tokens = await untrustedAuthorizations(process.env.JWT_SECRET!);
  const all = targets();
  const base = (name: string) =>
    (name === 'gateway' ? graph.url : graph.subgraphs[name].url).replace(/\/graphql$/, '/');
  const inputs = Object.entries(PER_TARGET).flatMap(([name, count]) =>
    Array.from({ length: count }, () => ({ name, input: badInput(rng, all[name], tokens) })),
  );
  // Interleaved, so every service is busy at once, as it would be under attack.
  inputs.sort(() => rng.next() - 0.5);

  const findings: Finding[] = [];
  const run = (batch: typeof inputs) =>
    inPool(batch, async ({ name, input }) => {
      findings.push(...(await send(base(name), name, input, secrets)));
    });

  // The first pass fills what is meant to fill: parser, validation and plan caches, connection
  // pools, one metric series per operation name. The second pass sends the same inputs again;
  // whatever it adds to the heap, each request left behind.
  await run(inputs);
  const before = await heapUsed();
  await run(inputs);
  const after = await heapUsed();

  const families = new Map<string, number>();
  for (const { input } of inputs) families.set(input.family, (families.get(input.family) ?? 0) + 1);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const perTarget = Object.entries(PER_TARGET).map(([name, count]) => `${name} ${count}`);
  const perFamily = [...families].map(([family, count]) => `${family} ${count}`);
  console.log(
    `bad-input: ${inputs.length} inputs tried, each sent twice (seed ${SEED}): ${perTarget.join(', ')}; ` +
      `by kind ${perFamily.join(', ')}; heap ${mib(before)} before the second pass, ${mib(after)} after`,
  );

  expect(inputs.length).toBeGreaterThanOrEqual(2000);
  expect(
    findings.slice(0, 10).map((f) => ({
      target: f.target,
      problem: f.problem,
      input: { ...f.input, body: f.input.body?.toString().slice(0, 300) },
    })),
  ).toEqual([]);

  // Every service still answers a normal query, and is still ready.
  const gateway = await graph.query(operation(5), { code: 'CFT' });
  expect(gateway.errors).toBeUndefined();
  for (const { name, url } of Object.values(graph.subgraphs)) {
    const answer = await graph.query('{ __typename }', {}, { url });
    expect({ name, answer }).toEqual({ name, answer: { data: { __typename: 'Query' } } });
    expect((await fetch(url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
  }
  expect((await fetch(graph.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);

  // Memory back to its level: the same inputs again leave it where they found it.
  expect(after - before).toBeLessThan(HEAP_TOLERANCE);
}, 240_000);
