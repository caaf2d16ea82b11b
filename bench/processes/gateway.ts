import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { readGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/server';
import { readSupergraph } from '../../gateway/src/supergraph';
import { createLogger } from '../../subgraphs/shared/src/logger';

/** The gateways compared, on the same supergraph and the same subgraphs. */
export const GATEWAYS = {
  ours: 'Compact Graph gateway (production features, response cache off)',
  'ours-cached': 'Compact Graph gateway with its response cache on',
  'ours-unsigned':
    'Compact Graph gateway without GATEWAY_SIGNING_SECRET: subgraphs trust none of its requests',
  'hive-rust': 'bare Hive Gateway runtime + Rust query planner',
  'hive-js': 'Hive Gateway runtime + JavaScript query planner',
  apollo: '@apollo/server + @apollo/gateway',
} as const;

export type GatewayKind = keyof typeof GATEWAYS;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** The caller's token, which each gateway passes on: subgraphs decide what a caller may do. */
interface Caller {
  authorization?: string;
}

/** @apollo/gateway's data source, passing the caller's token on as ours does. */
class CallerDataSource extends RemoteGraphQLDataSource<Caller> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Caller>) {
    const { authorization } = context as Caller;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}

async function start(kind: GatewayKind, urls: Record<string, string>): Promise<string> {
  const supergraph = await readSupergraph('schema/supergraph.graphql', urls);
  switch (kind) {
    case 'ours':
    case 'ours-cached':
    case 'ours-unsigned': {
      const env = {
        ...process.env,
        ...(kind === 'ours-unsigned' ? { GATEWAY_SIGNING_SECRET: '' } : {}),
        PORT: '0',
        HOST: '127.0.0.1',
        METRICS_PORT: '0',
        RESPONSE_CACHE_TTL_MS: kind === 'ours-cached' ? '10000' : '0',
        // A cache needs the data generation in Redis: the subgraphs run in processes of their own.
        ...(kind === 'ours-cached'
          ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }
          : {}),
        // The limit stays on, as in production, but the load comes from one address.
        RATE_LIMIT_MAX: '1000000000',
        ...Object.fromEntries(
          Object.entries(urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url]),
        ),
      };
      const gateway = createGateway(readGatewayConfig(env), {
        logger: createLogger('gateway', 'warn'),
      });
      return gateway.listen();
    }
    case 'hive-rust':
    case 'hive-js': {
      const runtime = createGatewayRuntime({
        supergraph,
        transports: { http: httpTransport },
        logging: false,
        ...(kind === 'hive-rust' ? { unifiedGraphHandler } : {}),
        // As ours does; the reads carry no token, the write an admin's.
        propagateHeaders: {
          fromClientToSubgraphs: ({ request }) => ({
            authorization: request.headers.get('authorization') ?? undefined,
          }),
        },
      });
      // The runtime's request listener answers its own errors (a 500) and logs what fails after.
      return listen((request, response) => void runtime(request, response));
    }
    case 'apollo': {
      const silent = { debug() {}, info() {}, warn() {}, error() {} };
      const server = new ApolloServer<Caller>({
        gateway: new ApolloGateway({
          supergraphSdl: supergraph,
          logger: silent,
          buildService: ({ url }) => new CallerDataSource({ url }),
        }),
        logger: silent,
      });
      const { url } = await startStandaloneServer(server, {
        listen: { port: 0, host: '127.0.0.1' },
        context: async ({ req }) => ({ authorization: req.headers.authorization }),
      });
      return url;
    }
  }
}

/** One gateway in a process of its own, so its CPU time and peak memory (in /proc) are its own. */
async function main(): Promise<void> {
  const kind = process.argv[2] as GatewayKind;
  const urls = JSON.parse(process.env.SUBGRAPH_URLS!) as Record<string, string>;
  const url = await start(kind, urls);
  // Exiting by itself writes the CPU profile of --profile.
  process.on('message', (message: { type: string }) => {
    if (message.type === 'exit') process.exit(0);
  });
  process.send!({ type: 'ready', url });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
