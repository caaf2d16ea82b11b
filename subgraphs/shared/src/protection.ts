import type { ApolloServerPlugin } from '@apollo/server';
import { validate } from 'graphql';
import type { SubgraphFeature, SubgraphFeatureDeps } from './features';
import { refuseStatementsPastBudget } from './protection/budget';
import { listSizesOf } from './protection/cost';
import { checkDocumentSize, checkTokens, costLimitRule, shapeRules } from './protection/limits';
import { createRateLimiter } from './protection/rate-limit';
import { callerKey, retryAfter, tooManyRequests } from './protection/rate-limit-policy';
import { refusal } from './protection/refusal';
import { badStringRefusal } from './protection/strings';
import { withoutSuggestions } from './protection/suggestions';

/**
 * Limits that keep a subgraph answering when callers reach it directly: the same operation
 * limits as the gateway's (depth, aliases, directives, tokens, document bytes, cost), and strings
 * PostgreSQL could not store refused as the caller's error; each refusal a GraphQL error with its
 * code and status 400 (413 for a document over MAX_DOCUMENT_BYTES). Page sizes are capped by the
 * connections themselves and the body size by the server. With introspection off, no error
 * suggests names the caller did not send. The gateway's signed requests are the plans of
 * operations it has already held to these limits. Callers are rate-limited as at the gateway
 * (./protection/rate-limit-policy.ts), except the graph's own calls.
 */
export function protection(deps: SubgraphFeatureDeps): SubgraphFeature {
  const { db, limits, introspection, sdl } = deps;
  const stopGuarding = refuseStatementsPastBudget(db);
  const shape = shapeRules(limits);
  const sizes = listSizesOf(sdl);
  const refused = new WeakSet<Error>();
  const plugin: ApolloServerPlugin = {
    // Apollo Server turns an error thrown before parsing into a 500; a refusal is passed on as is.
    async unexpectedErrorProcessingRequest({ error }) {
      if (refused.has(error)) throw error;
    },
    async requestDidStart({ contextValue }) {
      // The gateway held the caller's operation to the same limits before it planned this one.
      if ((contextValue as { signed?: boolean }).signed) return;
      return {
        // Before parsing, so a huge document costs its length and a count of its tokens, no more.
        async didResolveSource({ source }) {
          try {
            checkDocumentSize(source, limits.maxDocumentBytes);
            checkTokens(source, limits.maxTokens);
          } catch (error) {
            refused.add(error as Error);
            throw error;
          }
        },
        async didResolveOperation({ schema, document, request }) {
          // Cost with the request's variables: the page sizes and representations it asks for.
          const rules =
            limits.maxCost > 0
              ? [...shape, costLimitRule(limits, () => sizes, request.variables ?? {})]
              : shape;
          const [error] = validate(schema, document, rules);
          if (error) throw error;
          const badString = badStringRefusal(document, request.variables);
          if (badString) throw badString;
        },
        // Apollo Server's hideSchemaDetailsFromClientErrors covers validation errors only; a
        // variable's value is coerced later, and its errors suggest enum values and fields too.
        ...(introspection
          ? {}
          : {
              async didEncounterErrors({ errors }) {
                for (const error of errors) error.message = withoutSuggestions(error.message);
              },
            }),
      };
    },
  };
  const limit = rateLimit(deps);
  return {
    apolloPlugins: [plugin],
    admitRequest: limit.admitRequest,
    async close() {
      stopGuarding();
      await limit.close?.();
    },
  };
}

/**
 * A rate limit per caller who reaches the subgraph directly: the verified token's subject, else
 * the client address. Requests with the graph's signature (the gateway's, a peer subgraph's) are
 * not counted: the gateway has limited its own callers, and would otherwise spend one limit, its
 * address's, for every anonymous caller. The signature is in the body, so the limit is taken
 * once the body is read and checked (at most MAX_BODY_BYTES, parsed, one HMAC) and before any
 * GraphQL work; taking it before reading would refuse signed requests whenever the caller's
 * limit ran out, or cost every signed request a second round trip to Redis to give it back.
 */
function rateLimit({
  name,
  logger,
  viewerOf,
  rateLimit: config,
  redisKeyPrefix,
}: SubgraphFeatureDeps): Pick<SubgraphFeature, 'admitRequest' | 'close'> {
  if (config.rateLimitMax <= 0) return {};
  const max = config.rateLimitMax;
  const limiter = createRateLimiter({
    max,
    windowMs: config.rateLimitWindowMs,
    redisUrl: config.redisUrl,
    prefix: `${redisKeyPrefix}rate-limit:${name}:`,
    logger,
  });
  return {
    async admitRequest(request, signed) {
      if (signed) return;
      const subject = await viewerOf(request).then(
        (viewer) => viewer.subject,
        () => undefined,
      );
      const forwarded = request.headers['x-forwarded-for'];
      const key = callerKey(
        subject,
        {
          forwardedFor: Array.isArray(forwarded) ? forwarded[0] : forwarded,
          remote: request.socket.remoteAddress,
        },
        config.trustProxy,
      );
      const decision = await limiter.take(key);
      if (decision.allowed) return;
      throw refusal(
        'RATE_LIMITED',
        tooManyRequests(decision, max),
        429,
        { limit: max },
        {
          'retry-after': retryAfter(decision),
        },
      );
    },
    close: () => limiter.close(),
  };
}
