import type { DataSource } from 'typeorm';
import type { SubgraphContext } from './context';
import type { Logger } from './logger';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';
import type { SubgraphDefinition } from './subgraph';
import { readSubgraphConfig, type SubgraphConfig } from './subgraph-config';
import { createAuthenticator, readAuthConfig, type AuthConfig } from './auth';
import { EntityDirectory, membershipEntities, type EntityCheck } from './entity-directory';
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
  /** Checks tokens' `entity` claims. @default the subgraph's own list, or membership's */
  entities?: EntityCheck;
  /** Settings that replace those read from the environment. */
  config?: Partial<
    Pick<
      SubgraphConfig,
      | 'exposeErrorDetails'
      | 'introspection'
      | 'maxBodyBytes'
      | 'gatewaySigningSecrets'
      | 'requestBudgetMs'
    >
  >;
}

/** Builds a subgraph's HTTP server on an initialised data source; it does not listen yet. */
export async function createServerFor<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  { db, logger, peers, auth, entities, config: given = {} }: ServeOptions,
): Promise<SubgraphServer> {
  const config = { ...readSubgraphConfig(definition, process.env), ...given };
  const { schema, sdl } = await definition.buildSchema();
  const peerUrls = { ...definition.peers, ...peers };
  const list =
    definition.listEntities?.(db) ??
    (peerUrls.membership ? membershipEntities(peerUrls.membership) : undefined);
  const authenticate = createAuthenticator(auth ?? readAuthConfig(), {
    entities: entities ?? (list && new EntityDirectory(list)),
  });
  const { introspection } = config;
  const featureDeps = { name: definition.name, db, logger, env: process.env, introspection, sdl };
  const signingSecrets = config.gatewaySigningSecrets;
  if (signingSecrets.length === 0) {
    logger.warn(
      "GATEWAY_SIGNING_SECRET is not set: requests from the gateway are checked as a partner agency's are",
    );
  }
  return createSubgraphServer<SubgraphContext<TLoaders>>({
    name: definition.name,
    schema,
    logger,
    context: async (request, signed) => {
      // Every subgraph checks the token itself: partner agencies reach it without the gateway.
      const viewer = await authenticate(request.headers.authorization);
      const client = new PeerClient(peerUrls, request.headers.authorization, signingSecrets[0]);
      return {
        viewer,
        db,
        peers: client,
        signed,
        loaders: definition.createLoaders({ db, viewer, peers: client }),
      };
    },
    gatewaySigningSecrets: signingSecrets,
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    features: [protection(featureDeps), observability(featureDeps)],
    exposeErrorDetails: config.exposeErrorDetails,
    introspection,
    maxBodyBytes: config.maxBodyBytes,
    requestBudgetMs: config.requestBudgetMs,
  });
}
