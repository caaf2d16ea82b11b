import type { IncomingMessage } from 'node:http';
import {
  acceptRequestId,
  REQUEST_ID_HEADER,
} from '../../../subgraphs/shared/src/observability/request-scope';

/**
 * Leaves on the request the id every service will use: the caller's `x-request-id` when it
 * passes the rule every service applies, otherwise a new UUID. It must run before the runtime
 * reads the request: the runtime's request-id plugin, which logs the id, sends it with every
 * subgraph call and answers it, runs ahead of any plugin of ours and keeps whatever it finds.
 */
export function replaceUntrustedRequestId(request: IncomingMessage): void {
  request.headers[REQUEST_ID_HEADER] = acceptRequestId(request.headers[REQUEST_ID_HEADER]);
}
