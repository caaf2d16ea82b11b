import type { DataSource } from 'typeorm';
import type { SubgraphContext } from './context';
import type { Logger } from './logger';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';
import type { SubgraphDefinition } from './subgraph';
import type { SubgraphConfig } from './subgraph-config';
import { PeerClient } from './peers';
import { ANONYMOUS } from './viewer';

export interface ServeOptions {
  db: DataSource;
  logger: Logger;
  /** URLs of the subgraphs this one asks, by name; defaults to the definition's. */
  peers?: Record<string, string>;
  config?: Partial<Pick<SubgraphConfig, 'exposeErrorDetails' | 'introspection' | 'maxBodyBytes'>>;
}

/** Builds a subgraph's HTTP server on an initialised data source; it does not listen yet. */
export async function createServerFor<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  { db, logger, peers, config = {} }: ServeOptions,
): Promise<SubgraphServer> {
  const { schema } = await definition.buildSchema();
  const peerUrls = { ...definition.peers, ...peers };
  return createSubgraphServer<SubgraphContext<TLoaders>>({
    name: definition.name,
    schema,
    logger,
    context: async (request) => {
      const viewer = ANONYMOUS;
      const client = new PeerClient(peerUrls, request.headers.authorization);
      return { viewer, db, loaders: definition.createLoaders({ db, viewer, peers: client }) };
    },
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    exposeErrorDetails: config.exposeErrorDetails,
    introspection: config.introspection,
    maxBodyBytes: config.maxBodyBytes,
  });
}
