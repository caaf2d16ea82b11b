import type { IncomingMessage } from 'node:http';
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { Registry } from 'prom-client';
import type { DataGeneration } from '../../subgraphs/shared/src/data-generation';
import type { Logger } from '../../subgraphs/shared/src/logger';
import type { ListSizes } from '../../subgraphs/shared/src/protection/cost';
import type { GatewayConfig } from './config';
import type { MeasuredCache } from './caches/measured';
import type { ServedPaths } from './protection/paths';

type RuntimeOptions = Parameters<typeof createGatewayRuntime>[0];

/**
 * One concern of the gateway (protection, observability, the IDE…), kept in its own module:
 * options it sets on the runtime, plugins it adds, the metrics it serves on the operations port,
 * what it releases on shutdown.
 */
export interface GatewayFeature {
  options?: Partial<RuntimeOptions>;
  plugins?: (context: GatewayConfigContext) => GatewayPlugin[];
  /** Paths it serves besides GraphQL, health and readiness; any other path is a 404. */
  paths?: ServedPaths;
  /** Runs on each HTTP request before the runtime, and so any plugin, reads it. */
  beforeRuntime?: (request: IncomingMessage) => void;
  /** Served at `/metrics` on the metrics listener, never on the clients' port. */
  metrics?: Registry;
  /** Caches it keeps in memory, by name: their bytes and budgets are served as metrics. */
  caches?: Record<string, MeasuredCache>;
  close?: () => Promise<void>;
}

export interface FeatureDeps {
  config: GatewayConfig;
  logger: Logger;
  /** The list sizes the current supergraph declares (`@listSize`), for the cost limit. */
  listSizes: () => ListSizes;
  /**
   * The subject of a request's token once it has verified; the authentication plugin, which runs
   * before every feature's, checks it.
   */
  verifiedSubject: (serverContext: object) => string | undefined;
  /** Whether a request's token verified, or it sent none: false for a token to be refused. */
  tokenAccepted: (serverContext: object) => boolean;
  /** A hash of the supergraph being served, which changes when it is reloaded. */
  supergraphVersion: () => string;
  /** The data generation of subgraphs that run in this process (GatewayDeps). */
  inProcessGeneration: DataGeneration | undefined;
}
