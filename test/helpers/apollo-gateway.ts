import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { validate } from 'graphql';
import { readSupergraph } from '../../gateway/src/supergraph';
import type { RunningGraph } from '../../scripts/lib/graph';
import { listSizesOf } from '../../subgraphs/shared/src/protection/cost';
import { signBody } from '../../subgraphs/shared/src/gateway-signature';
import {
  costLimitRule,
  shapeRules,
  type OperationLimits,
} from '../../subgraphs/shared/src/protection/limits';

export interface ApolloGatewayOptions {
  supergraphPath?: string;
  /** Subgraph URLs by name, in place of the graph's (a fault proxy, say). */
  urls?: Record<string, string>;
  /**
   * Send each caller's Authorization header on to the subgraphs, and sign every subgraph request
   * with this secret as the production gateway does, so both gateways reach the subgraphs as the
   * same caller. @default neither: every subgraph call is an anonymous partner's
   */
  signingSecret?: string;
  /**
   * The production gateway's operation limits, which a plain gateway does not have: depth, aliases
   * and directives as validation rules, cost once the variables are known.
   */
  limits?: OperationLimits;
}

interface CallerContext {
  authorization?: string;
}

/**
 * Apollo's own gateway on the same supergraph and the same subgraphs: an independent oracle that
 * the production gateway's answers are compared with.
 */
export async function startApolloGateway(graph: RunningGraph, options: ApolloGatewayOptions = {}) {
  const supergraphPath = options.supergraphPath ?? 'schema/supergraph.graphql';
  const urls = {
    ...Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url])),
    ...options.urls,
  };
  const supergraphSdl = await readSupergraph(supergraphPath, urls);
  const { signingSecret, limits } = options;
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: silentLogger,
    ...(signingSecret
      ? {
          buildService: ({ url }) =>
            new (class extends RemoteGraphQLDataSource<CallerContext> {
              override willSendRequest({
                request,
                context,
              }: GraphQLDataSourceProcessOptions<CallerContext>) {
                const authorization = (context as CallerContext).authorization;
                if (authorization) request.http?.headers.set('authorization', authorization);
                const { extensions } = signBody(
                  { query: request.query!, variables: request.variables },
                  authorization,
                  signingSecret,
                );
                request.extensions = { ...request.extensions, ...extensions };
              }
            })({ url }),
        }
      : {}),
  });
  const listSizes = listSizesOf(supergraphSdl);
  const costCheck: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [error] = validate(schema, document, [
            costLimitRule(limits!, () => listSizes, request.variables ?? {}),
          ]);
          if (error) throw error;
        },
      };
    },
  };
  const server = new ApolloServer<CallerContext>({
    gateway,
    logger: silentLogger,
    ...(limits ? { validationRules: shapeRules(limits), plugins: [costCheck] } : {}),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return { url, stop: () => server.stop() };
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };
