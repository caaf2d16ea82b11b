import type { DestinationStream } from 'pino';
import { startGraph, type RunningGraph } from '../../scripts/lib/graph';
import { createTestDatabase, migrateAndSeed } from './database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGraph extends RunningGraph {
  /** POSTs an operation to the gateway (or to `url`) and returns the parsed body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { url?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** SQL statements each subgraph has sent so far. */
  statements(): Record<string, number>;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run the tests through jest (test/global-setup.ts).',
    );
  return url;
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export interface TestGraphOptions {
  supergraphPath?: string;
  databaseUrl?: string;
  /** Where every service writes its log lines, from level `info`. @default nowhere */
  logDestination?: DestinationStream;
  /** Every service's lines at info and above, parsed, are pushed here. */
  logs?: Record<string, unknown>[];
}

/** The three subgraphs and the gateway on free ports, over real HTTP, on the run's database. */
export async function startTestGraph(options: TestGraphOptions = {}): Promise<TestGraph> {
  const { logs, ...rest } = options;
  const graph = await startGraph({
    ...rest,
    databaseUrl: options.databaseUrl ?? testDatabaseUrl(),
    ports: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    metricsPorts: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    seed: false,
    logLevel: logs || options.logDestination ? 'info' : 'silent',
    logDestination:
      options.logDestination ??
      (logs && { write: (line: string) => void logs.push(JSON.parse(line)) }),
    poolSize: 4,
  });
  return {
    ...graph,
    query: (query, variables, options = {}) =>
      postGraphQL(options.url ?? graph.url, query, variables, options.headers),
    statements: () =>
      Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.statements.count])),
  };
}

/**
 * A graph on a database of its own, seeded: for tests that write, so their changes never reach
 * the tests that read the shared seed. Stopping it drops the database.
 */
export async function startWritableGraph(
  options: Pick<TestGraphOptions, 'logDestination'> = {},
): Promise<TestGraph & { databaseUrl: string }> {
  const database = await createTestDatabase();
  await migrateAndSeed(database.url);
  const graph = await startTestGraph({ ...options, databaseUrl: database.url });
  return {
    ...graph,
    databaseUrl: database.url,
    async stop() {
      await graph.stop();
      await database.drop();
    },
  };
}
