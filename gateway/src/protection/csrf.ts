import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { refusal } from '../../../subgraphs/shared/src/protection/refusal';

/** Content types a browser sends cross-site without asking first (no CORS preflight). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** Headers a page can only add after a preflight, so their presence proves one happened. */
const PREFLIGHT_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Cross-site request forgery: a page on another site can make a browser POST a form to the
 * gateway. Such POSTs are refused unless they carry a header only a preflighted request can.
 * GET is left open: it runs queries only, never a mutation. (The subgraphs, on Apollo Server,
 * refuse the same requests, and simple GETs too.)
 */
export function useCsrfPrevention(): GatewayPlugin {
  return {
    onRequestParse({ request }) {
      if (request.method.toUpperCase() !== 'POST') return;
      const type = request.headers.get('content-type')?.toLowerCase() ?? '';
      const simple = type === '' || SIMPLE_TYPES.some((simpleType) => type.startsWith(simpleType));
      if (!simple || PREFLIGHT_HEADERS.some((header) => request.headers.has(header))) return;
      throw refusal(
        'BAD_REQUEST',
        'This request was refused as a possible cross-site request forgery: send it with "content-type: application/json", or add an "x-graphql-csrf: 1" header.',
        400,
      );
    },
  };
}
