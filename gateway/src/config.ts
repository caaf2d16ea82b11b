import { resolve } from 'node:path';
import { envBool, envInt, envPort, envString, envUrl } from '../../subgraphs/shared/src/env';
import { readSigningSecrets } from '../../subgraphs/shared/src/gateway-signature';

/** The gateway's settings, read once from the environment; each names its variable. */
export interface GatewayConfig {
  /** `PORT` @default 4000 */
  port: number;
  /** `HOST` @default '0.0.0.0' */
  host: string;
  /** `METRICS_PORT`: where Prometheus scrapes `/metrics`. @default 9090 */
  metricsPort: number;
  /**
   * `METRICS_HOST`: the metrics listener's address; metrics name callers' operations and the
   * subgraphs' URLs, so only the operator's network may reach it. @default '127.0.0.1'
   */
  metricsHost: string;
  /** `SUPERGRAPH_PATH`: any valid Federation 2 supergraph. @default 'schema/supergraph.graphql' */
  supergraphPath: string;
  /**
   * Subgraph URLs that replace those in the supergraph, from `SUBGRAPH_<NAME>_URL` (for example
   * `SUBGRAPH_FUNDING_URL`), so one supergraph file serves every deployment.
   */
  subgraphUrls: Record<string, string>;
  /**
   * `SUPERGRAPH_POLL_INTERVAL_MS`: also re-read the file on this interval, for file systems
   * where change events do not arrive (some network mounts). 0 turns polling off. @default 0
   */
  supergraphPollMs: number;
  /**
   * `EXPLORE_DIR`: the dashboard's built files (`npm run build` writes them), served at `/explore`.
   * @default 'dist/explore'
   */
  exploreDir: string;
  /** `EXPOSE_ERROR_DETAILS`: stack traces in responses, for development only. @default false */
  exposeErrorDetails: boolean;
  /** `LOG_LEVEL`: debug, info, warn, error or silent. @default 'info' */
  logLevel: string;
  /**
   * `GATEWAY_SIGNING_SECRET`: the secret every subgraph request is signed with, shared with the
   * subgraphs (docs/deploy.md, Secrets). @default none: requests are not signed, and subgraphs trust
   * them no more than a partner agency's
   */
  signingSecret: string | undefined;
}

const SUBGRAPH_URL = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

export function readGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    const match = SUBGRAPH_URL.exec(name);
    const url = match && envUrl(env, name, ['http', 'https']);
    if (match && url) subgraphUrls[match[1].toLowerCase()] = url;
  }
  return {
    port: envPort(env, 'PORT', 4000),
    host: envString(env, 'HOST', '0.0.0.0'),
    metricsPort: envPort(env, 'METRICS_PORT', 9090),
    metricsHost: envString(env, 'METRICS_HOST', '127.0.0.1'),
    supergraphPath: resolve(envString(env, 'SUPERGRAPH_PATH', 'schema/supergraph.graphql')),
    subgraphUrls,
    supergraphPollMs: envInt(env, 'SUPERGRAPH_POLL_INTERVAL_MS', 0, { min: 0 }),
    exploreDir: resolve(envString(env, 'EXPLORE_DIR', 'dist/explore')),
    exposeErrorDetails: envBool(env, 'EXPOSE_ERROR_DETAILS', false),
    logLevel: envString(env, 'LOG_LEVEL', 'info'),
    signingSecret: readSigningSecrets(env)[0],
  };
}
