import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import type { DataSource } from 'typeorm';
import { createDatabase } from '../../subgraphs/shared/src/database';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { EntityDirectory } from '../../subgraphs/shared/src/entity-directory';
import { createLogger, type Logger } from '../../subgraphs/shared/src/logger';
import { createServerFor, type ServeOptions } from '../../subgraphs/shared/src/serve';
import type { StatementCounter } from '../../subgraphs/shared/src/statements';
import type { SubgraphDefinition } from '../../subgraphs/shared/src/subgraph';
import { readSubgraphConfig } from '../../subgraphs/shared/src/subgraph-config';
import { postGraphQL, testDatabaseUrl, type GraphQLResponse } from './graph';

export interface TestSubgraph {
  url: string;
  metricsUrl: string;
  db: DataSource;
  statements: StatementCounter;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * One subgraph alone on a free port, as a partner agency reaches it, on the run's database. With
 * no membership beside it, tokens' `entity` claims are checked against the seed's entities.
 */
export async function startSubgraph(
  definition: SubgraphDefinition<unknown>,
  options: {
    peers?: Record<string, string>;
    databaseUrl?: string;
    config?: ServeOptions['config'];
    /** Settings over the run's own (process.env, which is left as it is). */
    env?: Record<string, string>;
    /** @default silent */
    logger?: Logger;
  } = {},
): Promise<TestSubgraph> {
  const { dataSource, statements } = createDatabase({
    url: options.databaseUrl ?? testDatabaseUrl(),
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: 4,
    statementTimeoutMs: readSubgraphConfig(definition, process.env).statementTimeoutMs,
  });
  await dataSource.initialize();
  const server = await createServerFor(definition, {
    db: dataSource,
    logger: options.logger ?? createLogger(definition.name, 'silent'),
    peers: options.peers,
    entities:
      options.peers?.membership || definition.listEntities
        ? undefined
        : new EntityDirectory(async () => buildDataset().membership.entities.map((e) => e.acronym)),
    config: options.config,
    env: { ...process.env, ...options.env },
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1', metricsPort: 0 });
  return {
    url,
    metricsUrl: server.metricsUrl!,
    db: dataSource,
    statements,
    query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
    async stop() {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

/**
 * What `_service { sdl }` returns for the SDL checked in under schema/, so a subgraph's served
 * contract can be compared with the file partner agencies read.
 */
export async function servedSdlOfCheckedIn(name: string): Promise<string> {
  const typeDefs = parse(readFileSync(`schema/${name}.graphql`, 'utf8'));
  const result = await execute({
    schema: buildSubgraphSchema([{ typeDefs }]),
    document: parse('{ _service { sdl } }'),
  });
  return (result.data as { _service: { sdl: string } })._service.sdl;
}
