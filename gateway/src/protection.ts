import { createRateLimiter } from '../../subgraphs/shared/src/protection/rate-limit';
import type { FeatureDeps, GatewayFeature } from './features';
import { useBodyLimit } from './protection/body-limit';
import { useCsrfPrevention } from './protection/csrf';
import { useDocumentSizeLimit } from './protection/document-size';
import { useOperationLimits } from './protection/limits';
import { useMalformedRequests } from './protection/malformed';
import { useNullPropagation } from './protection/nulls';
import { useRateLimit } from './protection/rate-limit';
import { useStringCheck } from './protection/strings';
import { useNoSuggestions } from './protection/suggestions';
import { retryOptions } from './protection/budget';
import { useSubgraphResilience } from './protection/resilience';

const GRAPHQL_PATH = '/graphql';

/**
 * Limits, timeouts, retries, a circuit breaker per subgraph and rate limits that keep the
 * gateway answering: with what it can when a subgraph fails, and with a clear refusal (a code,
 * never a 500) when a caller asks too much or sends a string the database cannot store.
 */
export function protection({
  config: {
    protection: config,
    performance: { redisKeyPrefix },
  },
  logger,
  listSizes,
  verifiedSubject,
}: FeatureDeps): GatewayFeature {
  const limiter =
    config.rateLimitMax > 0
      ? createRateLimiter({
          max: config.rateLimitMax,
          windowMs: config.rateLimitWindowMs,
          redisUrl: config.redisUrl,
          prefix: `${redisKeyPrefix}rate-limit:`,
          logger,
        })
      : undefined;
  return {
    options: {
      ...retryOptions(config),
      batching: config.maxBatchOperations > 0 ? { limit: config.maxBatchOperations } : false,
      disableIntrospection: config.introspection ? undefined : {},
      cors:
        config.corsOrigins.length === 0
          ? false
          : {
              origin: config.corsOrigins,
              methods: ['GET', 'POST'],
              credentials: false,
              maxAge: 600,
            },
    },
    plugins: () => [
      ...(limiter
        ? [
            useRateLimit({
              limiter,
              max: config.rateLimitMax,
              graphqlPath: GRAPHQL_PATH,
              trustProxy: config.trustProxy,
              verifiedSubject,
            }),
          ]
        : []),
      useBodyLimit(config.maxBodyBytes, GRAPHQL_PATH),
      useDocumentSizeLimit(config.limits.maxDocumentBytes),
      ...(config.csrfPrevention ? [useCsrfPrevention()] : []),
      useMalformedRequests(),
      useOperationLimits(config.limits, listSizes),
      useStringCheck(),
      ...(config.introspection ? [] : [useNoSuggestions()]),
      useSubgraphResilience(config, logger),
      useNullPropagation(),
    ],
    close: async () => {
      await limiter?.close();
    },
  };
}
