import 'reflect-metadata';
import { subgraphs } from '../../subgraphs';
import { createDatabase } from '../../subgraphs/shared/src/database';
import { createLogger } from '../../subgraphs/shared/src/logger';
import { createServerFor } from '../../subgraphs/shared/src/serve';
import { readSubgraphConfig } from '../../subgraphs/shared/src/subgraph-config';

/**
 * One subgraph in a process of its own, as deployed, so that the gateway under test is measured
 * alone. Reports its URL once listening, and its SQL statement count when asked.
 */
async function main(): Promise<void> {
  const definition = subgraphs.find((s) => s.name === process.argv[2]);
  if (!definition) throw new Error(`No subgraph named ${process.argv[2]}`);
  const { dataSource, statements } = createDatabase({
    url: process.env.DATABASE_URL!,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: 10,
    statementTimeoutMs: readSubgraphConfig(definition, process.env).statementTimeoutMs,
  });
  await dataSource.initialize();
  const server = await createServerFor(definition, {
    db: dataSource,
    logger: createLogger(definition.name, 'warn'),
    peers: JSON.parse(process.env.PEER_URLS ?? '{}') as Record<string, string>,
  });
  // Several run at once: free ports for both listeners.
  const url = await server.listen({ port: 0, host: '127.0.0.1', metricsPort: 0 });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'statements')
      process.send!({ type: 'statements', count: statements.count });
    // Exiting by itself writes the CPU profile of --profile.
    if (message.type === 'exit') process.exit(0);
  });
  process.send!({ type: 'ready', url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
