import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';

/**
 * Strings PostgreSQL cannot store — a NUL (U+0000), a UTF-16 surrogate without its pair — are
 * the caller's error wherever they come in: a literal, a variable, an input field, a list item,
 * a GET query string, one operation of a batch, `_entities` representations. Through the gateway
 * and straight at the subgraph that owns the field, each is refused with BAD_USER_INPUT naming
 * the argument and status 400, before any SQL statement; nothing is written and nothing is
 * logged as an error.
 */

// A parsed answer; tests read into it freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

interface Answer {
  status: number;
  text: string;
  body: Body;
}

const BAD = [
  { name: 'a NUL', text: 'A\u0000B', problem: /contains a NUL character \(U\+0000\); remove it/ },
  {
    name: 'a lone surrogate',
    text: 'A\ud800B',
    problem: /contains an unpaired UTF-16 surrogate \(U\+D800\)/,
  },
];
const SERVICES = ['gateway', 'funding'];

const lines: Record<string, unknown>[] = [];
let graph: TestGraph;
beforeAll(async () => {
  graph = await startWritableGraph({
    logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
}, 120_000);
afterAll(() => graph?.stop());

const urlOf = (service: string) =>
  service === 'gateway' ? graph.url : graph.subgraphs[service].url;

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

async function post(
  service: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(urlOf(service), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return answer(response);
}

async function get(service: string, query: string, variables: unknown): Promise<Answer> {
  // JSON.stringify writes a lone surrogate as `\ud800`, so the URL carries it as sent.
  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await fetch(`${urlOf(service)}?${search}`, {
    // Apollo Server refuses a GET without it as a possible cross-site request.
    headers: { 'apollo-require-preflight': 'true' },
  });
  return answer(response);
}

const escape = (text: string) => text.replace(/[.[\]$]/g, '\\$&');

const sqlSoFar = () => Object.values(graph.statements()).reduce((n, count) => n + count, 0);

/** The request, sent once, is refused as the caller's error naming `argument`, with no SQL. */
async function expectRefused(send: () => Promise<Answer>, argument: string, problem: RegExp) {
  const before = sqlSoFar();
  const { status, text, body } = await send();
  expect(sqlSoFar()).toBe(before);
  expect(status).toBe(400);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors;
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  expect(error.message).toMatch(
    new RegExp(`^The argument "${escape(argument)}" ${problem.source}`),
  );
  expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|\\u0000|\\ud800/i);
  expect(text).not.toContain('\u0000');
}

const validProject = (code: string) => ({
  code,
  title: `Bad strings test ${code}`,
  summary: 'A project the bad-strings test must never store.',
  status: 'PIPELINE',
  leadEntity: 'UNODC',
  startsOn: '2030-01-01',
  budget: '1000.00',
});
const CREATE = 'mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }';

async function projectsWithCode(code: string): Promise<number> {
  const [row] = await graph.subgraphs.funding.db.query(
    'SELECT count(*) AS n FROM funding.project WHERE code = $1',
    [code],
  );
  return Number(row.n);
}

let serial = 0;
const newCode = () => `BADSTR-${String(++serial).padStart(4, '0')}`;

describe.each(SERVICES)('%s', (service) => {
  describe.each(BAD)('$name', ({ text, problem }) => {
    test('in a variable', async () => {
      await expectRefused(
        () =>
          post(service, {
            query: 'query ($code: String) { project(code: $code) { id } }',
            variables: { code: text },
          }),
        'code',
        problem,
      );
    });

    test('in an input field of a mutation, which stores nothing', async () => {
      const code = newCode();
      const headers = await as(['admin']);
      await expectRefused(
        () =>
          post(
            service,
            { query: CREATE, variables: { input: { ...validProject(code), title: text } } },
            headers,
          ),
        'input.title',
        problem,
      );
      expect(await projectsWithCode(code)).toBe(0);
    });

    test('in a list item of an input, which stores nothing', async () => {
      const code = newCode();
      const headers = await as(['admin']);
      const input = { ...validProject(code), partnerEntities: ['UNDP', text] };
      await expectRefused(
        () => post(service, { query: CREATE, variables: { input } }, headers),
        'input.partnerEntities[1]',
        problem,
      );
      expect(await projectsWithCode(code)).toBe(0);
    });

    test('in the variables of a GET request', async () => {
      await expectRefused(
        () => get(service, 'query ($code: String) { project(code: $code) { id } }', { code: text }),
        'code',
        problem,
      );
    });
  });

  test('a NUL in a string literal of the document', async () => {
    await expectRefused(
      () => post(service, { query: '{ project(code: "A\\u0000B") { id } }' }),
      'code',
      BAD[0].problem,
    );
    await expectRefused(
      () =>
        post(service, {
          query: '{ projects(filter: { leadEntity: ["UNODC", "A\u0000B"] }) { totalCount } }',
        }),
      'filter.leadEntity[1]',
      BAD[0].problem,
    );
  });

  test('a lone surrogate in a string literal is not GraphQL: a syntax error, 400', async () => {
    const before = sqlSoFar();
    const { status, text, body } = await post(service, {
      query: '{ project(code: "A\\ud800B") { id } }',
    });
    expect(sqlSoFar()).toBe(before);
    // graphql-yoga answers a document that does not parse with 200 when the client accepts
    // application/json, as GraphQL over HTTP asks; Apollo Server with 400.
    expect(status).toBe(service === 'gateway' ? 200 : 400);
    expect(body.errors.map((e: Body) => e.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(body.errors[0].message).toMatch(/Invalid Unicode escape sequence/);
    expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace/);
  });
});

test('one operation of a batch at the gateway is refused; the others are answered', async () => {
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      { query: '{ project(code: "NO-SUCH-PROJECT") { id } }' },
      {
        query: 'query ($code: String) { project(code: $code) { id } }',
        variables: { code: 'A\u0000' },
      },
      { query: '{ project(code: "A\ud800") { id } }' },
    ]),
  });
  const answers = (await response.json()) as Body[];
  expect(answers).toHaveLength(3);
  expect(answers[0]).toEqual({ data: { project: null } });
  expect(answers[1].errors).toEqual([
    expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'code' } }),
  ]);
  expect(answers[2].errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
});

describe.each([
  ['membership', { __typename: 'Entity', acronym: 'UNODC' }, 'acronym'],
  ['assessments', { __typename: 'ThematicArea', code: 'CFT' }, 'code'],
  ['funding', { __typename: 'Project', code: 'NO-SUCH-PROJECT' }, 'code'],
])('_entities at %s', (service, valid, key) => {
  const query =
    'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';

  test('a valid representation is answered', async () => {
    const { status, body } = await post(service, {
      query,
      variables: { representations: [valid] },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test.each(BAD)(
    '$name in a representation is refused, naming its place',
    async ({ text, problem }) => {
      await expectRefused(
        () =>
          post(service, {
            query,
            variables: { representations: [valid, { ...valid, [key]: text }] },
          }),
        `representations[1].${key}`,
        problem,
      );
    },
  );
});

test('nothing was logged as an error, and no log line carries a stack', () => {
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  expect(lines.filter((line) => JSON.stringify(line).includes('"stack"'))).toEqual([]);
});
