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
