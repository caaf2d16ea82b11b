import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { decodeJwt } from 'jose';
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
}

/**
 * The caller a limit applies to: the token's subject when there is one (the authentication
 * plugin, which runs first, has refused any token that does not verify), else the address.
 */
function callerKey(request: Request, node: IncomingMessage | undefined, trustProxy: boolean) {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
  if (token) {
    try {
      const { sub } = decodeJwt(token);
      if (typeof sub === 'string' && sub !== '') return `sub:${sub}`;
    } catch {
      // Not a JWT: the address decides.
    }
  }
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
 * Rate limits per token subject or client address, checked before the body is read. A batch
 * counts one request per operation.
 */
export function useRateLimit({
  limiter,
  max,
  graphqlPath,
  trustProxy,
}: RateLimitPluginOptions): GatewayPlugin {
  // By server context, which lives as long as the request even if a plugin replaces the Request.
  const keys = new WeakMap<object, string>();
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath || request.method.toUpperCase() === 'OPTIONS') return;
      const node = (serverContext as { req?: IncomingMessage }).req;
      const key = callerKey(request, node, trustProxy);
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
