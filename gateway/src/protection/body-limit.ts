import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { refusalBody } from '../../../subgraphs/shared/src/protection/refusal';

function tooLarge(fetchAPI: { Response: typeof Response }, limit: number): Response {
  return new fetchAPI.Response(
    refusalBody('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${limit} bytes.`, { limit }),
    {
      status: 413,
      // The rest of the body is never read, so the connection cannot carry another request.
      headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' },
    },
  );
}

/** Reads a streamed body up to `limit` bytes; undefined when it is longer. */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

/**
 * Refuses request bodies over `limit` bytes with 413: at once when `content-length` says so,
 * otherwise (a chunked body) once that many bytes have arrived.
 */
export function useBodyLimit(limit: number, graphqlPath: string): GatewayPlugin {
  return {
    async onRequest({ request, url, setRequest, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath || !request.body) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (Number(declared) > limit) endResponse(tooLarge(fetchAPI, limit));
        return;
      }
      const body = await readAtMost(request.body, limit);
      if (!body) return endResponse(tooLarge(fetchAPI, limit));
      setRequest(
        new fetchAPI.Request(request.url, {
          method: request.method,
          headers: request.headers,
          body,
          signal: request.signal,
        }),
      );
    },
  };
}
