import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { refusal, refusalBody } from '../../../subgraphs/shared/src/protection/refusal';
import type { RateLimiter } from '../../../subgraphs/shared/src/protection/rate-limit';
import {
  callerKey,
  retryAfter,
  tooManyRequests,
} from '../../../subgraphs/shared/src/protection/rate-limit-policy';

export interface RateLimitPluginOptions {
  limiter: RateLimiter;
  max: number;
  graphqlPath: string;
  /** Take the client address from X-Forwarded-For (the gateway is behind a load balancer). */
  trustProxy: boolean;
  /** The request's token subject once the token has verified (the authentication plugin's). */
  verifiedSubject: (serverContext: object) => string | undefined;
}

/**
 * Whom a request's limits count against: its verified token's subject, else its client address
 * (from X-Forwarded-For only when `trustProxy`).
 */
export function callerOf(
  request: Request,
  serverContext: unknown,
  { trustProxy, verifiedSubject }: Pick<RateLimitPluginOptions, 'trustProxy' | 'verifiedSubject'>,
): string {
  const node = (serverContext as { req?: IncomingMessage }).req;
  return callerKey(
    verifiedSubject(serverContext as object),
    { forwardedFor: request.headers.get('x-forwarded-for'), remote: node?.socket?.remoteAddress },
    trustProxy,
  );
}

/**
 * Rate limits per verified token subject or client address, checked before the body is read and
 * before a bad token is refused, so requests with bad tokens count too. A batch counts one
 * request per operation.
 */
export function useRateLimit({
  limiter,
  max,
  graphqlPath,
  trustProxy,
  verifiedSubject,
}: RateLimitPluginOptions): GatewayPlugin {
  // By server context, which lives as long as the request even if a plugin replaces the Request.
  const keys = new WeakMap<object, string>();
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath || request.method.toUpperCase() === 'OPTIONS') return;
      const key = callerOf(request, serverContext, { trustProxy, verifiedSubject });
      keys.set(serverContext as object, key);
      const decision = await limiter.take(key);
      if (decision.allowed) return;
      endResponse(
        new fetchAPI.Response(
          refusalBody('RATE_LIMITED', tooManyRequests(decision, max), { limit: max }),
          {
            status: 429,
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'retry-after': retryAfter(decision),
            },
          },
        ),
      );
    },
    onRequestParse({ serverContext }) {
      return {
        async onRequestParseDone({ requestParserResult }) {
          const key = keys.get(serverContext as object);
          if (!key || !Array.isArray(requestParserResult) || requestParserResult.length < 2) {
            return;
          }
          const decision = await limiter.take(key, requestParserResult.length - 1);
          if (!decision.allowed) {
            throw refusal(
              'RATE_LIMITED',
              tooManyRequests(decision, max),
              429,
              { limit: max },
              {
                'retry-after': retryAfter(decision),
              },
            );
          }
        },
      };
    },
  };
}
