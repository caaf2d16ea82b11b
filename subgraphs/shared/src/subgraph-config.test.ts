import { readSubgraphConfig } from './subgraph-config';

const primary = 'postgresql://compact@db-primary:5432/compact';
const funding = { name: 'funding', defaultPort: 4003, defaultMetricsPort: 9093 };

test('DATABASE_REPLICA_URLS lists read replicas, comma-separated', () => {
  expect(readSubgraphConfig(funding, { DATABASE_URL: primary }).replicaUrls).toEqual([]);
  const config = readSubgraphConfig(funding, {
    DATABASE_URL: primary,
    DATABASE_REPLICA_URLS:
      'postgresql://compact@db-1:5432/compact, postgres://compact@db-2/compact',
  });
  expect(config.replicaUrls).toEqual([
    'postgresql://compact@db-1:5432/compact',
    'postgres://compact@db-2/compact',
  ]);
});

test.each([
  [
    { DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgresql://db-1/c,mysql://u:secret@db-2/c' },
    'DATABASE_REPLICA_URLS must be postgres or postgresql URLs separated by commas; entry 2 is not',
  ],
  [
    { DATABASE_REPLICA_URLS: 'postgresql://db-1/c' },
    'DATABASE_REPLICA_URLS needs DATABASE_URL, the primary they replicate',
  ],
])('a bad replica setting names its variable and never echoes a URL: %p', (env, message) => {
  expect(() => readSubgraphConfig(funding, env)).toThrow(message);
  expect(() => readSubgraphConfig(funding, env)).not.toThrow(/secret/);
});

test('metrics listen on the loopback address, on their own port, unless told otherwise', () => {
  expect(readSubgraphConfig(funding, {})).toMatchObject({
    port: 4003,
    host: '0.0.0.0',
    metricsPort: 9093,
    metricsHost: '127.0.0.1',
  });
  expect(
    readSubgraphConfig(funding, { METRICS_PORT: '19093', METRICS_HOST: '0.0.0.0' }),
  ).toMatchObject({ metricsPort: 19093, metricsHost: '0.0.0.0' });
  expect(() => readSubgraphConfig(funding, { METRICS_PORT: 'ninety' })).toThrow(
    'METRICS_PORT must be an integer from 0 to 65535; got "ninety"',
  );
});

test("rate limits read the gateway's variables, with the gateway's defaults", () => {
  expect(readSubgraphConfig(funding, {})).toMatchObject({
    rateLimitMax: 600,
    rateLimitWindowMs: 60_000,
    trustProxy: false,
    redisUrl: undefined,
  });
  expect(
    readSubgraphConfig(funding, { RATE_LIMIT_MAX: '0', REDIS_URL: 'rediss://redis:6379' }),
  ).toMatchObject({ rateLimitMax: 0, redisUrl: 'rediss://redis:6379' });
  expect(() => readSubgraphConfig(funding, { REDIS_URL: 'http://redis:6379' })).toThrow(
    'REDIS_URL must be a redis or rediss URL',
  );
});

test('idempotency keys are kept 7 days unless IDEMPOTENCY_RETENTION_DAYS says otherwise', () => {
  expect(readSubgraphConfig(funding, {}).idempotencyRetentionMs).toBe(7 * 86_400_000);
  expect(
    readSubgraphConfig(funding, { IDEMPOTENCY_RETENTION_DAYS: '1.5' }).idempotencyRetentionMs,
  ).toBe(1.5 * 86_400_000);
  for (const value of ['0', '-1', 'a week', '4000']) {
    expect(() => readSubgraphConfig(funding, { IDEMPOTENCY_RETENTION_DAYS: value })).toThrow(
      `IDEMPOTENCY_RETENTION_DAYS must be a number of days above 0 and at most 3650; got "${value}"`,
    );
  }
});

test("a peer's URL comes from SUBGRAPH_<NAME>_URL; the database's is never repeated", () => {
  expect(
    readSubgraphConfig(funding, { SUBGRAPH_MEMBERSHIP_URL: 'http://membership:4001/graphql' })
      .peerUrls,
  ).toEqual({ membership: 'http://membership:4001/graphql' });
  const wrong = () => readSubgraphConfig(funding, { DATABASE_URL: 'mysql://u:secret@db/c' });
  expect(wrong).toThrow('DATABASE_URL must be a postgres or postgresql URL');
  expect(wrong).not.toThrow(/secret/);
});

test('a gateway signature is accepted for 60 s unless GATEWAY_SIGNATURE_MAX_AGE says otherwise', () => {
  expect(readSubgraphConfig(funding, {})).toMatchObject({
    gatewaySignatureMaxAgeMs: 60_000,
    clockToleranceMs: 30_000,
    redisKeyPrefix: 'compact-graph:',
  });
  expect(
    readSubgraphConfig(funding, { GATEWAY_SIGNATURE_MAX_AGE: '2m', JWT_CLOCK_TOLERANCE: '5s' }),
  ).toMatchObject({ gatewaySignatureMaxAgeMs: 120_000, clockToleranceMs: 5000 });
  expect(() => readSubgraphConfig(funding, { GATEWAY_SIGNATURE_MAX_AGE: 'soon' })).toThrow(
    'GATEWAY_SIGNATURE_MAX_AGE must be a duration such as 3600, 90m, 24h or 7d; got "soon"',
  );
  for (const value of ['0', '2h']) {
    expect(() => readSubgraphConfig(funding, { GATEWAY_SIGNATURE_MAX_AGE: value })).toThrow(
      `GATEWAY_SIGNATURE_MAX_AGE must be from 1s to 1h; got "${value}"`,
    );
  }
});
