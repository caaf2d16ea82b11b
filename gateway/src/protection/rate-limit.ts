import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { refusal, refusalBody } from '../../../subgraphs/shared/src/protection/refusal';
import type {
  RateLimitDecision,
  RateLimiter,
} from '../../../subgraphs/shared/src/protection/rate-limit';

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
 * The caller a limit applies to: the subject of a token that verified, else the address. A bad
 * token's `sub` is never used: a caller could send a new one with each request.
 */
function callerKey(
  request: Request,
  node: IncomingMessage | undefined,
  subject: string | undefined,
  trustProxy: boolean,
) {
  if (subject) return `sub:${subject}`;
  const forwarded = trustProxy
    ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    : undefined;
  return `ip:${forwarded || node?.socket?.remoteAddress || 'unknown'}`;
}

const retryAfter = (decision: RateLimitDecision) =>
  String(Math.max(1, Math.ceil(decision.resetMs / 1000)));

function message(decision: RateLimitDecision, max: number): string {
  return `Too many requests: at most ${max} per window for each caller. Try again in ${retryAfter(decision)} s.`;
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
      const node = (serverContext as { req?: IncomingMessage }).req;
      const key = callerKey(request, node, verifiedSubject(serverContext as object), trustProxy);
      keys.set(serverContext as object, key);
      const decision = await limiter.take(key);
      if (decision.allowed) return;
      endResponse(
        new fetchAPI.Response(refusalBody('RATE_LIMITED', message(decision, max), { limit: max }), {
          status: 429,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': retryAfter(decision),
          },
        }),
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
              message(decision, max),
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
