import { readGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/server';
import { processGeneration } from '../../subgraphs/shared/src/data-generation';
import { createLogger } from '../../subgraphs/shared/src/logger';

/**
 * The gateway alone in its process, for `npm run bench:memory`: settings from the environment,
 * subgraph URLs from SUBGRAPH_URLS. Its response cache stays in memory (no REDIS_URL); the bench
 * writes nothing, so the process's own data generation is all it needs.
 */
async function main(): Promise<void> {
  const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? '{}') as Record<string, string>;
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
    ...Object.fromEntries(
      Object.entries(urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url]),
    ),
  };
  const gateway = createGateway(readGatewayConfig(env), {
    logger: createLogger('gateway', 'warn'),
    inProcessGeneration: processGeneration,
  });
  const url = await gateway.listen();
  process.on('message', (message: { type: string }) => {
    if (message.type === 'exit') process.exit(0);
  });
  process.send!({ type: 'ready', url, metricsUrl: gateway.metricsUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
