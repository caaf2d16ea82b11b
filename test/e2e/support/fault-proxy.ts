import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with the next requests: pass them on, answer 503 as a load balancer does,
 * hang (never answer), reset the connection as a crashed process would, or pass them on late.
 */
type FaultMode = 'pass' | 'unavailable' | 'hang' | 'reset' | 'slow';

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  /** How long `slow` waits before it passes a request on. @default 500 */
  delayMs: number;
  /** Which requests the mode applies to, by body; the others pass. @default all */
  only?: (body: string) => boolean;
  /** The GraphQL documents received, in order (probes included). */
  readonly received: string[];
  /** The bodies and headers received, in order. */
  readonly requests: { body: string; headers: IncomingMessage['headers'] }[];
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An HTTP proxy in front of one subgraph that fails on command, for the gateway's fault tests. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const received: string[] = [];
  const requests: FaultProxy['requests'][number][] = [];
  const hanging = new Set<() => void>();
  const proxy: FaultProxy = {
    url: '',
    mode: 'pass',
    delayMs: 500,
    received,
    requests,
    async stop() {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    requests.push({ body, headers: request.headers });
    try {
      received.push((JSON.parse(body) as { query?: string }).query ?? '');
    } catch {
      received.push('');
    }
    const mode = !proxy.only || proxy.only(body) ? proxy.mode : 'pass';
    switch (mode) {
      case 'reset':
        request.socket.destroy();
        return;
      case 'hang':
        hanging.add(() => request.socket.destroy());
        return;
      case 'unavailable':
        // What a load balancer answers when no instance is up: not GraphQL.
        response.writeHead(503, { 'content-type': 'text/plain' });
        response.end('Service Unavailable');
        return;
      default: {
        if (mode === 'slow') {
          await new Promise((resolve) => setTimeout(resolve, proxy.delayMs));
        }
        try {
          const upstream = await fetch(target, {
            method: request.method,
            headers: {
              'content-type': 'application/json',
              ...(request.headers.authorization
                ? { authorization: request.headers.authorization }
                : {}),
            },
            body,
          });
          response.writeHead(upstream.status, { 'content-type': 'application/json' });
          response.end(await upstream.text());
        } catch {
          // The subgraph behind is gone (a test stopping): as a proxy answers then.
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end('Bad Gateway');
        }
      }
    }
  };
  const server: Server = createServer((request, response) => {
    // A request the proxy cannot handle (one broken off while its body is read) loses its connection.
    handle(request, response).catch((error: unknown) => {
      console.error('fault proxy: request failed', error);
      request.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return proxy;
}
