import { connect } from 'node:net';
import { subgraphs } from '../../subgraphs';
import { startTestGraph, type TestGraph } from '../helpers/graph';

// The gateway never trusts a request id as sent: one that breaks the rule every service applies
// is replaced by a new one, and that one id is what the client, the gateway's log and every
// subgraph see, so a request can still be followed across services.

/** Assessments (assessments), their states (membership) and projects (funding): all three. */
const QUESTION = `query ProjectsByAssessment {
  assessments(first: 3) { edges { node { memberState { name } projects { code } } } }
}`;
const SERVICES = ['gateway', ...subgraphs.map((s) => s.name)];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const logs: Record<string, unknown>[] = [];
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ logs });
});
afterAll(() => graph?.stop());

async function ask(headers: Record<string, string>): Promise<string> {
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUESTION }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return response.headers.get('x-request-id') ?? '';
}

/** The services that logged serving a request under `id`, once the gateway has. */
async function servedUnder(id: string): Promise<Set<unknown>> {
  const served = () =>
    logs.filter((line) => line.requestId === id && line.msg === 'graphql request served');
  for (let i = 0; i < 100 && !served().some((l) => l.service === 'gateway'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return new Set(served().map((line) => line.service));
}

const loggedAnywhere = (text: string) => logs.some((line) => JSON.stringify(line).includes(text));

describe('an id the gateway does not trust is replaced, the same way everywhere', () => {
  test.each([
    ['3 KB long', 'a'.repeat(3072)],
    ['markup', '<script>alert(1)</script>'],
    ['markup in 3 KB', `<script>${'x'.repeat(3000)}</script>`],
    ['spaces', 'has spaces in it'],
    ['a tab', 'tab\there'],
    ['quotes', '"abc"'],
    ['empty', ''],
  ])('%s', async (_kind, sent) => {
    const id = await ask({ 'x-request-id': sent });
    expect(id).toMatch(UUID);
    expect(await servedUnder(id)).toEqual(new Set(SERVICES));
    if (sent) expect(loggedAnywhere(sent)).toBe(false);
  });

  test('one with a line break never reaches the gateway: its HTTP parser refuses it', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const { hostname, port, pathname } = new URL(graph.url);
      const socket = connect(Number(port), hostname, () =>
        socket.write(
          `GET ${pathname}?query={__typename} HTTP/1.1\r\nHost: ${hostname}\r\n` +
            `x-request-id: first-line\r\n second-line\r\nConnection: close\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (chunk) => (text += String(chunk)));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).not.toContain('second-line');
    expect(loggedAnywhere('second-line')).toBe(false);
  });
});

test('a good id is kept end to end', async () => {
  const id = await ask({ 'x-request-id': 'abc-123_DEF.456' });
  expect(id).toBe('abc-123_DEF.456');
  expect(await servedUnder(id)).toEqual(new Set(SERVICES));
});

test('without one, the gateway makes one and every service uses it', async () => {
  const id = await ask({});
  expect(id).toMatch(UUID);
  expect(await servedUnder(id)).toEqual(new Set(SERVICES));
});
