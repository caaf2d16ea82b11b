import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Confidentiality } from '../../subgraphs/shared/src/vocabulary';
import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { operation } from '../helpers/operations';
import { as } from '../helpers/tokens';

const data = buildDataset();
let graph: TestGraph;

// The response cache is off by default; this graph runs with it on.
beforeAll(async () => {
  process.env.RESPONSE_CACHE_TTL_MS = '60000';
  try {
    graph = await startWritableGraph();
  } finally {
    delete process.env.RESPONSE_CACHE_TTL_MS;
  }
});
afterAll(() => graph?.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const sqlSoFar = () => Object.values(graph.statements()).reduce((n, c) => n + c, 0);

test('an example operation runs from its SHA-256 alone; others once registered', async () => {
  const document = operation(5);
  const hash = createHash('sha256').update(document).digest('hex');
  const known = await post({
    variables: { code: 'CFT' },
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });
  expect(known.body.data.thematicArea.code).toBe('CFT');

  const query = '{ memberState(iso3: "BEL") { name } }';
  const extensions = {
    persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
  };
  expect((await post({ extensions })).body.errors[0].message).toBe('PersistedQueryNotFound');
  expect((await post({ query, extensions })).body).toEqual({
    data: { memberState: { name: 'Belgium' } },
  });
  expect((await post({ extensions })).body).toEqual({ data: { memberState: { name: 'Belgium' } } });
});

test('the response cache never serves one caller what another may see', async () => {
  const query = '{ assessments(first: 100) { totalCount edges { node { id confidentiality } } } }';
  const confidential = data.assessments.assessments.filter(
    (a) => a.confidentiality === Confidentiality.CONFIDENTIAL,
  );
  const cted = await post({ query }, await as(['cted'], 'CTED'));
  expect(cted.body.data.assessments.totalCount).toBe(data.assessments.assessments.length);

  const anonymous = await post({ query });
  const shown = anonymous.body.data.assessments.edges.map(
    (e: { node: { id: string } }) => e.node.id,
  );
  expect(shown.filter((id: string) => confidential.some((a) => a.id === id))).toEqual([]);
  expect(anonymous.body.data.assessments.totalCount).toBe(
    data.assessments.assessments.length - confidential.length,
  );

  const before = sqlSoFar();
  const again = await post({ query });
  expect(again.body).toEqual(anonymous.body);
  expect(sqlSoFar()).toBe(before);
});

test('a mutation through the gateway evicts the cached answers that contain its record', async () => {
  const [area] = data.assessments.thematicAreas;
  const project = data.funding.projects.find((p) => p.leadEntityAcronym === 'UNODC')!;
  const query = `{ project(code: "${project.code}") { id title version } }`;
  const first = await post({ query });
  expect(first.body.data.project.title).toBe(project.title);
  const changed = await post(
    {
      query:
        'mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { id title version } }',
      variables: {
        input: {
          id: project.id,
          expectedVersion: first.body.data.project.version,
          title: `Cached no more (${area.code})`,
        },
      },
    },
    await as(['editor'], 'UNODC'),
  );
  expect(changed.body.errors).toBeUndefined();
  const after = await post({ query });
  expect(after.body.data.project.title).toBe(`Cached no more (${area.code})`);
});

test('responses are compressed for clients that accept it', async () => {
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
    body: JSON.stringify({ query: operation(1), variables: { first: 50 } }),
  });
  expect(response.headers.get('content-encoding')).toBe('gzip');
  const raw = Buffer.from(await response.arrayBuffer());
  // fetch may already have decoded the body; either way it must be the answer.
  const text = raw[0] === 0x1f ? gunzipSync(raw).toString() : raw.toString();
  expect(JSON.parse(text).data.assessments.edges.length).toBeGreaterThan(0);
});
