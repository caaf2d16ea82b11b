import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { Logger as HiveLogger, type LogLevel } from '@graphql-hive/logger';
import { PinoLogWriter } from '@graphql-hive/logger/writers/pino';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { createAuthenticator, type AuthConfig } from '../../subgraphs/shared/src/auth';
import type { DataGeneration } from '../../subgraphs/shared/src/data-generation';
import { EntityDirectory, membershipEntities } from '../../subgraphs/shared/src/entity-directory';
import { signedContentOfExecution } from '../../subgraphs/shared/src/gateway-signature';
import { createLogger, type Logger } from '../../subgraphs/shared/src/logger';
import { listSizesOf, type ListSizes } from '../../subgraphs/shared/src/protection/cost';
import {
  createMetricsListener,
  urlHost,
} from '../../subgraphs/shared/src/observability/metrics-listener';
import { createAuthentication, useCallerToken } from './authentication';
import type { GatewayFeature } from './features';
import { explore } from './explore';
import { ide } from './ide';
import { observability } from './observability';
import { registerCacheGauges } from './observability/caches';
import { performance } from './performance';
import { protection } from './protection';
import { joinFieldsOf, usePlannableAliases, type JoinFields } from './protection/join-aliases';
import { pathGate } from './protection/paths';
import { assertPlannable } from './protection/supergraph-check';
import { refusingUnplannable } from './protection/unplannable';
import type { GatewayConfig } from './config';
import { readSupergraph, subgraphUrlsOf } from './supergraph';

const GRAPHQL_PATH = '/graphql';
const HEALTH_PATH = '/health';
const READY_PATH = '/ready';

export interface Gateway {
  readonly server: Server;
  /** Starts the clients' listener and the metrics listener; resolves to the GraphQL URL. */
  listen(): Promise<string>;
  /** The metrics listener's URL once listening. */
  readonly metricsUrl: string | undefined;
  /** Re-reads the supergraph file now (it is also re-read whenever the file changes). */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

export interface GatewayDeps {
  logger?: Logger;
  /** How tokens are verified. @default the configuration's (JWT_SECRET, JWKS_URL…) */
  auth?: AuthConfig;
  /**
   * The data generation the subgraphs advance when they run in this process (`startGraph`), so a
   * response cache in memory learns of their writes. @default none: the cache needs REDIS_URL
   */
  inProcessGeneration?: DataGeneration;
}

/**
 * The Hive logger writes through the service's pino logger, so every line is the same JSON and
 * the runtime's own lines (each fetch's headers and body, each signature) are redacted alike.
 */
function hiveLogger(logger: Logger): HiveLogger {
  const level = logger.level === 'silent' ? false : (logger.level as LogLevel);
  return new HiveLogger({ level, writers: [new PinoLogWriter(logger)] });
}

/**
 * Builds the gateway: Hive Gateway's runtime with the Rust query planner, on node:http, and its
 * metrics on a listener of their own. It does not listen until asked.
 */
export function createGateway(config: GatewayConfig, deps: GatewayDeps = {}): Gateway {
  const logger = deps.logger ?? createLogger('gateway', config.logLevel);
  if (!config.signingSecret) {
    logger.warn(
      "GATEWAY_SIGNING_SECRET is not set: subgraph requests are not signed, so subgraphs check them as they check a partner agency's",
    );
  }
  let lastGood: string | undefined;
  let supergraphVersion = '';
  let joinFields: JoinFields = new Map();

  async function loadSupergraph(): Promise<string> {
    try {
      const sdl = await readSupergraph(config.supergraphPath, config.subgraphUrls, (message) =>
        logger.warn({ path: config.supergraphPath }, message),
      );
      // A file that parses can still be refused by the planner; check before it replaces one.
      assertPlannable(sdl);
      joinFields = joinFieldsOf(sdl);
      lastGood = sdl;
      supergraphVersion = createHash('sha256').update(sdl).digest('hex');
      membershipUrl = subgraphUrlsOf(sdl).membership;
      listSizes = listSizesOf(sdl);
      return lastGood;
    } catch (error) {
      if (!lastGood) throw error;
      logger.error(
        { err: error, path: config.supergraphPath },
        'the supergraph file could not be loaded; still serving the last good supergraph',
      );
      return lastGood;
    }
  }

  // Tokens name their entity; membership, where the supergraph has it, says which exist.
  let membershipUrl: string | undefined;
  const directory = new EntityDirectory(() =>
    membershipEntities(membershipUrl!, { signingSecret: config.signingSecret })(),
  );
  const authenticate = createAuthenticator(deps.auth ?? config.auth, {
    entities: { has: async (acronym) => !membershipUrl || directory.has(acronym) },
  });
  const authentication = createAuthentication(authenticate, GRAPHQL_PATH);
  let listSizes: ListSizes = new Map();
  const featureDeps = {
    config,
    logger,
    verifiedSubject: authentication.verifiedSubject,
    tokenAccepted: authentication.accepted,
    supergraphVersion: () => supergraphVersion,
    listSizes: () => listSizes,
    inProcessGeneration: deps.inProcessGeneration,
  };
  const features: GatewayFeature[] = [
    protection(featureDeps),
    performance(featureDeps),
    observability(featureDeps),
    ide(featureDeps),
    explore(featureDeps),
  ];

  const runtime = createGatewayRuntime({
    ...Object.assign({}, ...features.map((feature) => feature.options)),
    supergraph: loadSupergraph,
    unifiedGraphHandler: refusingUnplannable(unifiedGraphHandler, logger),
    transports: { http: httpTransport },
    pollingInterval: config.supergraphPollMs || undefined,
    logging: hiveLogger(logger),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTH_PATH,
    readinessCheckEndpoint: READY_PATH,
    maskedErrors: { isDev: config.exposeErrorDetails },
    ...(config.signingSecret
      ? {
          hmacSignature: {
            secret: config.signingSecret,
            serializeExecutionRequest: signedContentOfExecution,
          },
        }
      : {}),
    plugins: (context) => [
      // First, so every plugin after it knows whether the token verified; it refuses a bad one
      // only once they have all seen the request (the rate limit counts it).
      authentication.plugin,
      useCallerToken(),
      ...features.flatMap((feature) => feature.plugins?.(context) ?? []),
      usePlannableAliases(() => joinFields),
    ],
  });
  const served = pathGate(GRAPHQL_PATH, [
    { exact: [HEALTH_PATH, READY_PATH] },
    ...features.flatMap((feature) => feature.paths ?? []),
  ]);
  const beforeRuntime = features.flatMap((feature) => feature.beforeRuntime ?? []);
  const server = createServer((request, response) => {
    if (!served(request, response)) return;
    for (const prepare of beforeRuntime) prepare(request);
    void runtime(request, response);
  });
  const registry = features.find((feature) => feature.metrics)?.metrics;
  if (registry) {
    registerCacheGauges(registry, Object.assign({}, ...features.map((feature) => feature.caches)));
  }
  const metrics = registry && createMetricsListener(registry);
  let metricsUrl: string | undefined;
  const closeServer = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  const reload = async () => {
    // Typed as void, the runtime returns the promise of the reloaded schema; it rejects when no
    // supergraph was ever loaded.
    await Promise.resolve(runtime.invalidateUnifiedGraph());
  };
  // The folder is watched, not the file, so a file replaced by rename is seen too.
  const startWatching = () => {
    watcher = watch(dirname(config.supergraphPath), (_event, filename) => {
      if (filename !== basename(config.supergraphPath)) return;
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        logger.info({ path: config.supergraphPath }, 'supergraph file changed; reloading');
        reload().catch((error: unknown) =>
          logger.error({ err: error }, 'supergraph reload failed'),
        );
      }, 200);
    });
  };

  return {
    server,
    reload,
    get metricsUrl() {
      return metricsUrl;
    },
    async listen() {
      await runtime.getSchema();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      try {
        metricsUrl = await metrics?.listen(config.metricsPort, config.metricsHost);
      } catch (error) {
        await closeServer();
        throw error;
      }
      startWatching();
      const { port } = server.address() as AddressInfo;
      return `http://${urlHost(config.host)}:${port}/graphql`;
    },
    async stop() {
      clearTimeout(debounce);
      watcher?.close();
      server.closeIdleConnections();
      await closeServer();
      await metrics?.close();
      await runtime[Symbol.asyncDispose]();
      await Promise.all(features.flatMap((feature) => (feature.close ? [feature.close()] : [])));
    },
  };
}
