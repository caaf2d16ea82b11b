import { readGatewayConfig } from './config';

test('defaults serve the checked-in supergraph on port 4000', () => {
  const config = readGatewayConfig({});
  expect(config.port).toBe(4000);
  expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
  expect(config.subgraphUrls).toEqual({});
  expect(config.exposeErrorDetails).toBe(false);
});

test('metrics listen on the loopback address, on their own port, unless told otherwise', () => {
  expect(readGatewayConfig({})).toMatchObject({ metricsPort: 9090, metricsHost: '127.0.0.1' });
  expect(readGatewayConfig({ METRICS_PORT: '0', METRICS_HOST: '0.0.0.0' })).toMatchObject({
    metricsPort: 0,
    metricsHost: '0.0.0.0',
  });
});

test('SUBGRAPH_<NAME>_URL variables become subgraph URL overrides', () => {
  const config = readGatewayConfig({
    SUBGRAPH_FUNDING_URL: 'http://funding:4003/graphql',
    SUBGRAPH_MEMBERSHIP_URL: 'http://membership:4001/graphql',
  });
  expect(config.subgraphUrls).toEqual({
    funding: 'http://funding:4003/graphql',
    membership: 'http://membership:4001/graphql',
  });
});

test.each([
  [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535; got "eighty"'],
  [{ METRICS_PORT: '90900' }, 'METRICS_PORT must be an integer from 0 to 65535; got "90900"'],
  [{ SUBGRAPH_FUNDING_URL: 'funding:4003' }, 'SUBGRAPH_FUNDING_URL must be a http or https URL'],
  [{ EXPOSE_ERROR_DETAILS: 'maybe' }, 'EXPOSE_ERROR_DETAILS must be true or false'],
])('a bad value names its variable: %p', (env, message) => {
  expect(() => readGatewayConfig(env)).toThrow(message);
});

test('every wrong variable is named in one error, and a secret is never repeated', () => {
  const read = () =>
    readGatewayConfig({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      JWT_SECRET: 'short-and-secret',
      REDIS_URL: 'http://:hunter2@redis:6379',
    });
  for (const line of [
    'PORT must be an integer from 0 to 65535; got "eighty"',
    'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent; got "loud"',
    'REDIS_URL must be a redis or rediss URL',
  ]) {
    expect(read).toThrow(line);
  }
  expect(read).not.toThrow(/hunter2|short-and-secret/);
});

test('rules across variables name the variable at fault', () => {
  expect(() => readGatewayConfig({ JWT_SECRET: 'x'.repeat(31) })).toThrow(
    'JWT_SECRET must be at least 32 characters long',
  );
  expect(() => readGatewayConfig({ JWKS_URL: 'https://id.example.org/jwks' })).toThrow(
    'JWKS_URL needs JWT_ISSUER and JWT_AUDIENCE',
  );
  expect(() => readGatewayConfig({ GATEWAY_SIGNING_SECRET_PREVIOUS: 'p'.repeat(32) })).toThrow(
    'GATEWAY_SIGNING_SECRET_PREVIOUS needs GATEWAY_SIGNING_SECRET',
  );
});

test('an empty value is the default; settings arrive typed', () => {
  const config = readGatewayConfig({
    PORT: '',
    COMPRESSION: 'off',
    CORS_ORIGINS: ' https://a.example.org ,, https://b.example.org ',
    SUBGRAPH_FUNDING_TIMEOUT_MS: '2500',
    JWT_MAX_AGE: '1h',
  });
  expect(config.port).toBe(4000);
  expect(config.performance.compression).toBe(false);
  expect(config.protection.corsOrigins).toEqual(['https://a.example.org', 'https://b.example.org']);
  expect(config.protection.subgraphTimeouts).toEqual({ funding: 2500 });
  expect(config.auth.maxAge).toBe('1h');
  expect(() => readGatewayConfig({ JWT_MAX_AGE: 'a while' })).toThrow(
    'JWT_MAX_AGE must be a duration such as 3600, 90m, 24h or 7d; got "a while"',
  );
});
