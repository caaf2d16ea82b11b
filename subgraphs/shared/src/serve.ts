import type { DataSource } from 'typeorm';
import type { SubgraphContext } from './context';
import type { Logger } from './logger';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';
import type { SubgraphDefinition } from './subgraph';
import type { SubgraphConfig } from './subgraph-config';
import { createAuthenticator, readAuthConfig, type AuthConfig } from './auth';
import { observability } from './observability';
import { PeerClient } from './peers';
import { protection } from './protection';

export interface ServeOptions {
  db: DataSource;
  logger: Logger;
  /** URLs of the subgraphs this one asks, by name; defaults to the definition's. */
  peers?: Record<string, string>;
  /** How tokens are verified. @default read from JWT_SECRET, JWKS_URL, JWT_ISSUER, JWT_AUDIENCE */
  auth?: AuthConfig;
  config?: Partial<Pick<SubgraphConfig, 'exposeErrorDetails' | 'introspection' | 'maxBodyBytes'>>;
}

/** Builds a subgraph's HTTP server on an initialised data source; it does not listen yet. */
export async function createServerFor<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  { db, logger, peers, auth, config = {} }: ServeOptions,
): Promise<SubgraphServer> {
  const { schema } = await definition.buildSchema();
  const peerUrls = { ...definition.peers, ...peers };
  const authenticate = createAuthenticator(auth ?? readAuthConfig());
  const introspection = config.introspection ?? true;
  const featureDeps = { name: definition.name, db, logger, env: process.env, introspection };
  return createSubgraphServer<SubgraphContext<TLoaders>>({
    name: definition.name,
    schema,
    logger,
    context: async (request) => {
      // Every subgraph checks the token itself: partner agencies reach it without the gateway.
      const viewer = await authenticate(request.headers.authorization);
      const client = new PeerClient(peerUrls, request.headers.authorization);
      return {
        viewer,
        db,
        peers: client,
        loaders: definition.createLoaders({ db, viewer, peers: client }),
      };
    },
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    features: [protection(featureDeps), observability(featureDeps)],
    exposeErrorDetails: config.exposeErrorDetails,
    introspection,
    maxBodyBytes: config.maxBodyBytes,
  });
}
