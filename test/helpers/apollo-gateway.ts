import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readSupergraph } from '../../gateway/src/supergraph';
import type { RunningGraph } from '../../scripts/lib/graph';

/**
 * Apollo's own gateway on the same supergraph and the same subgraphs: an independent oracle that
 * the production gateway's answers are compared with.
 */
export async function startApolloGateway(
  graph: RunningGraph,
  supergraphPath = 'schema/supergraph.graphql',
) {
  const urls = Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url]));
  const supergraphSdl = await readSupergraph(supergraphPath, urls);
  const server = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl, logger: silentLogger }),
    logger: silentLogger,
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };
