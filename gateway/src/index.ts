import { ConfigError } from '../../subgraphs/shared/src/settings';
import { createLogger } from '../../subgraphs/shared/src/logger';
import { readGatewayConfig } from './config';
import { releaseRuntimeSignalHandlers } from './protection/shutdown';
import { createGateway } from './server';

/** How long in-flight requests get to finish on SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  try {
    const config = readGatewayConfig();
    logger.level = config.logLevel;
    const gateway = createGateway(config, { logger });
    // stop() below drains in-flight requests first; the runtime's own handler would abort them.
    releaseRuntimeSignalHandlers();
    const url = await gateway.listen();
    logger.info(
      { url, metricsUrl: gateway.metricsUrl, supergraph: config.supergraphPath },
      'gateway ready',
    );
    let stopping = false;
    // The runtime listens for these signals too, which stops Node's default exit: exit here.
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      await gateway.stop();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    logger.fatal(
      error instanceof ConfigError ? { reason: error.message } : { err: error },
      'could not start',
    );
    process.exit(1);
  }
}

void main();
