import { SignJWT } from 'jose';
import { signToken } from '../../scripts/lib/tokens';
import { startTestGraph, type TestGraph } from '../helpers/graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const secret = () => new TextEncoder().encode(process.env.JWT_SECRET!);
const QUERY = '{ entities(first: 1) { totalCount } }';

async function bad(name: string): Promise<string> {
  switch (name) {
    case 'expired':
      return new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(secret());
    case 'signed with another secret':
      return signToken('another secret that is long enough to be a secret', {
        subject: 'x',
        roles: ['admin'],
      });
    case 'without a subject':
      return new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime('1h')
        .sign(secret());
    case 'unsigned (alg none)':
      return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"]}').toString('base64url')}.`;
    default:
      return 'not-a-token';
  }
}

test.each([
  'expired',
  'signed with another secret',
  'without a subject',
  'unsigned (alg none)',
  'garbage',
])(
  'a token %s is refused as UNAUTHENTICATED by the gateway and by every subgraph',
  async (kind) => {
    const headers = { authorization: `Bearer ${await bad(kind)}` };
    for (const url of [graph.url, ...Object.values(graph.subgraphs).map((s) => s.url)]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  },
);

test('an Authorization header that is not a bearer token is refused, not read as anonymous', async () => {
  const result = await graph.query(QUERY, {}, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
  expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.errors?.[0].message).toContain('Bearer');
});

test('a valid token reaches the subgraphs through the gateway', async () => {
  const token = await signToken(process.env.JWT_SECRET!, { subject: 'ops', roles: ['admin'] });
  const result = await graph.query<{ membershipAuditLog: { totalCount: number } }>(
    '{ membershipAuditLog { totalCount } }',
    {},
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.membershipAuditLog.totalCount).toBeGreaterThanOrEqual(0);
});
