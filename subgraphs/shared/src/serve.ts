import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from './context';
import type { Logger } from './logger';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';
import type { SubgraphDefinition, SubgraphServices } from './subgraph';
import { readSubgraphConfig, type SubgraphConfig } from './subgraph-config';
import { createAuthenticator, type AuthConfig } from './auth';
import { advanceOnWrite, sharedGeneration } from './data-generation';
import { EntityDirectory, membershipEntities, type EntityCheck } from './entity-directory';
import { observability } from './observability';
import { PeerClient } from './peers';
import { protection } from './protection';
import type { RateLimitConfig } from './protection/rate-limit-policy';
import { idempotencyCleanup } from './idempotency-cleanup';
import { gatewaySignature } from './signature-check';
import type { Viewer } from './viewer';

export interface ServeOptions {
  db: DataSource;
  logger: Logger;
  /** URLs of the subgraphs this one asks, by name; defaults to the definition's. */
  peers?: Record<string, string>;
  /** How tokens are verified. @default the configuration's (JWT_SECRET, JWKS_URL…) */
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
      | 'coverageReconcileIntervalMs'
      | keyof RateLimitConfig
    >
  >;
  /**
   * The environment the subgraph's configuration is read from, once, here (`readSubgraphConfig`);
   * `config` replaces some of its settings. @default the process's
   */
  env?: Record<string, string | undefined>;
}

/** Verifies each request's token once, however many times its caller is asked for. */
function viewerPerRequest(authenticate: (header: string | undefined) => Promise<Viewer>) {
  const viewers = new WeakMap<IncomingMessage, Promise<Viewer>>();
  return (request: IncomingMessage): Promise<Viewer> => {
    let viewer = viewers.get(request);
    if (!viewer) {
      viewer = authenticate(request.headers.authorization);
      viewers.set(request, viewer);
    }
    return viewer;
  };
}

/** Builds a subgraph's HTTP server on an initialised data source; it does not listen yet. */
export async function createServerFor<TLoaders, TServices>(
  definition: SubgraphDefinition<TLoaders, TServices>,
  { db, logger, peers, auth, entities, config: given = {}, env }: ServeOptions,
): Promise<SubgraphServer> {
  const config: SubgraphConfig = {
    ...readSubgraphConfig(definition, env),
    ...given,
  };
  const { idempotencyRetentionMs } = config;
  const { schema, sdl } = await definition.buildSchema();
  const peerUrls = { ...definition.peers, ...peers };
  const signingSecrets = config.gatewaySigningSecrets;
  const list =
    definition.listEntities?.(db) ??
    (peerUrls.membership
      ? membershipEntities(peerUrls.membership, { signingSecret: signingSecrets[0] })
      : undefined);
  const authenticate = createAuthenticator(auth ?? config.auth, {
    entities: entities ?? (list && new EntityDirectory(list)),
  });
  const viewerOf = viewerPerRequest(authenticate);
  const { introspection } = config;
  const rateLimit: RateLimitConfig = {
    rateLimitMax: config.rateLimitMax,
    rateLimitWindowMs: config.rateLimitWindowMs,
    trustProxy: config.trustProxy,
    redisUrl: config.redisUrl,
  };
  const featureDeps = {
    name: definition.name,
    db,
    logger,
    limits: config.limits,
    tracing: config.tracing,
    introspection,
    sdl,
    rateLimit,
    redisKeyPrefix: config.redisKeyPrefix,
    viewerOf,
  };
  if (signingSecrets.length === 0) {
    logger.warn(
      "GATEWAY_SIGNING_SECRET is not set: requests from the gateway are checked, and rate-limited, as a partner agency's are",
    );
  }
  const signature = gatewaySignature(config, logger);
  const watching = observability(featureDeps);
  const generation = sharedGeneration(config.redisUrl, config.redisKeyPrefix);
  advanceOnWrite(db, generation, { logger, metrics: watching.metrics! });
  const services = definition.createServices?.({
    db,
    logger,
    peers: peerUrls,
    signingSecret: signingSecrets[0],
    metrics: watching.metrics!,
    config,
  }) as TServices & SubgraphServices;
  await services?.ready;
  return createSubgraphServer<SubgraphContext<TLoaders>>({
    name: definition.name,
    schema,
    logger,
    context: async (request, signed) => {
      // Every subgraph checks the token itself: partner agencies reach it without the gateway.
      const viewer = await viewerOf(request);
      const client = new PeerClient(peerUrls, request.headers.authorization, signingSecrets[0]);
      return {
        viewer,
        db,
        peers: client,
        signed,
        idempotencyRetentionMs,
        loaders: definition.createLoaders({ db, viewer, peers: client, services }),
      };
    },
    checkSignature: signature.check,
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    features: [
      protection(featureDeps),
      watching,
      idempotencyCleanup({ db, logger, retentionMs: idempotencyRetentionMs }),
      ...(services ? [{ close: () => services.stop() }] : []),
      { close: signature.close },
      ...(generation ? [{ close: () => generation.close() }] : []),
    ],
    exposeErrorDetails: config.exposeErrorDetails,
    introspection,
    maxBodyBytes: config.maxBodyBytes,
    requestBudgetMs: config.requestBudgetMs,
  });
}
