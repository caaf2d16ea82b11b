import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { Logger } from '../../subgraphs/shared/src/logger';
import type { GatewayConfig } from './config';
import type { ServedPaths } from './protection/paths';

type RuntimeOptions = Parameters<typeof createGatewayRuntime>[0];

/**
 * One concern of the gateway (protection, observability, the IDE…), kept in its own module:
 * options it sets on the runtime, plugins it adds, what it releases on shutdown.
 */
export interface GatewayFeature {
  options?: Partial<RuntimeOptions>;
  plugins?: (context: GatewayConfigContext) => GatewayPlugin[];
  /** Paths it serves besides GraphQL, health and readiness; any other path is a 404. */
  paths?: ServedPaths;
  close?: () => Promise<void>;
}

export interface FeatureDeps {
  config: GatewayConfig;
  logger: Logger;
  env: Record<string, string | undefined>;
}
