import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { context, propagation, type Context } from '@opentelemetry/api';

/** The header that carries one request's id through every service. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a subgraph knows about the request it is serving, wherever the code runs. */
export interface RequestScope {
  readonly requestId: string;
  /** `query`, `mutation` or `subscription`, once Apollo has resolved the operation. */
  operationType?: string;
  /** The trace context the request's work belongs to: the server span, then the execution span. */
  traceContext?: Context;
  /** When the request's time budget ends (`performance.now()`); no SQL is sent after it. */
  deadline?: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

// Letters, digits and `-._:;=+/`: what load balancers and tracers make ids of (UUIDs, hex,
// base64, `Root=1-…;Parent=…`, `…/1;o=1`), and nothing markup, quoting or a log line gives a
// meaning to. Anything else is replaced, so a caller cannot put arbitrary text into every line.
const ACCEPTED_ID = /^[A-Za-z0-9._:;=+/-]{1,128}$/;

/**
 * The caller's request id when it is a plausible one, otherwise a new UUID. Every service applies
 * this rule, the gateway before anything reads the request.
 */
export function acceptRequestId(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTED_ID.test(value) ? value : randomUUID();
}

/**
 * Headers for a call this service makes on behalf of the current request: its id and, when
 * tracing is on, the W3C `traceparent` of the current span.
 */
export function outgoingHeaders(): Record<string, string> {
  const scope = currentRequest();
  if (!scope) return {};
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: scope.requestId };
  propagation.inject(scope.traceContext ?? context.active(), headers);
  return headers;
}
