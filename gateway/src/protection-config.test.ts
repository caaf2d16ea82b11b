import { readGatewayConfig } from './config';

const readProtectionConfig = (env: Record<string, string>) => readGatewayConfig(env).protection;

test('defaults: limits on, batches of 10, same-origin only, 5 s per subgraph call', () => {
  const config = readProtectionConfig({});
  expect(config).toMatchObject({
    maxBodyBytes: 1_048_576,
    maxBatchOperations: 10,
    introspection: true,
    csrfPrevention: true,
    corsOrigins: [],
    subgraphTimeoutMs: 5000,
    subgraphTimeouts: {},
    requestTimeoutMs: 15_000,
    retries: 1,
    breakerFailures: 5,
    rateLimitMax: 600,
    rateLimitWindowMs: 60_000,
    trustProxy: false,
    redisUrl: undefined,
  });
  expect(config.limits.maxDepth).toBe(15);
});

test('a timeout per subgraph, origins as a list, Redis by URL', () => {
  const config = readProtectionConfig({
    SUBGRAPH_FUNDING_TIMEOUT_MS: '10000',
    CORS_ORIGINS: 'https://dash.example.org, https://un.example.org',
    REDIS_URL: 'redis://127.0.0.1:6379',
    INTROSPECTION: 'false',
  });
  expect(config.subgraphTimeouts).toEqual({ funding: 10_000 });
  expect(config.corsOrigins).toEqual(['https://dash.example.org', 'https://un.example.org']);
  expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  expect(config.introspection).toBe(false);
});

test.each([
  [{ SUBGRAPH_FUNDING_TIMEOUT_MS: '0' }, 'SUBGRAPH_FUNDING_TIMEOUT_MS must be an integer from 1'],
  [{ RATE_LIMIT_MAX: 'lots' }, 'RATE_LIMIT_MAX must be an integer'],
  [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL must be a redis or rediss URL'],
  [{ CSRF_PREVENTION: 'sometimes' }, 'CSRF_PREVENTION must be true or false'],
  [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES must be an integer from 1024'],
])('a bad value names its variable: %p', (env, message) => {
  expect(() => readProtectionConfig(env)).toThrow(message);
});
