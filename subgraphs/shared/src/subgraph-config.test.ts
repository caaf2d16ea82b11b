import { readSubgraphConfig } from './subgraph-config';

const primary = 'postgresql://compact@db-primary:5432/compact';

test('DATABASE_REPLICA_URLS lists read replicas, comma-separated', () => {
  expect(readSubgraphConfig('funding', 4003, { DATABASE_URL: primary }).replicaUrls).toEqual([]);
  const config = readSubgraphConfig('funding', 4003, {
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
  expect(() => readSubgraphConfig('funding', 4003, env)).toThrow(message);
  expect(() => readSubgraphConfig('funding', 4003, env)).not.toThrow(/secret/);
});
